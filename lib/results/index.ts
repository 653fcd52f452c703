export { MatchSummarySchema,  rankingKey, type MatchSummary, type RankedPartner,  } from './model';
export { loadLastRanking, loadLastResults, saveLastResults,  } from './store';
