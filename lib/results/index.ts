export { MatchSummarySchema, RankedPartnerSchema, rankingKey, type MatchSummary, type RankedPartner, type RankingKey } from './model';
export { loadLastRanking, loadLastResults, saveLastResults, type LastRanking } from './store';
