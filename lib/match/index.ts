export { buildMatchIndex, isCurrentMatchIndex,  } from './build';
export { joinMatchIndexes, mergeMatchIndexes } from './merge';
export { countMatches, rank, rankExhaustive, DEFAULT_TOP } from './rank';
export { parseQuery,    } from './query';
export { filterChoices, positionsOf,  } from './choices';
export { DEFAULT_WEIGHTS } from './weights';
export {
  
  
  
  
  
  
  type MatchIndex,
  type MatchResult,
  type RankedPartner,
  type RankOptions,
  
} from './model';
export { createRankContext, type RankContext } from './context';
export { assess, emptyDetail, isEligible } from './evaluate';
export { explain } from './explain';
export { loadDirectoryIndex } from './stored-index';
export { entryProfile } from './entry-profile';
