export { buildMatchIndex, isCurrentMatchIndex, TAXONOMY_SIGNATURE } from './build';
export { joinMatchIndexes, mergeMatchIndexes } from './merge';
export { countMatches, rank, rankExhaustive, DEFAULT_TOP } from './rank';
export { parseQuery, splitDepartment, type DepartmentSearch, type ParsedQuery } from './query';
export { filterChoices, positionsOf, type FilterChoices } from './choices';
export { DEFAULT_WEIGHTS } from './weights';
export {
  MATCH_INDEX_VERSION,
  type MatchDirection,
  type MatchExplanation,
  type LimitingFactor,
  type MatchFactor,
  type MatchFilters,
  type MatchIndex,
  type MatchResult,
  type RankOptions,
  type SkillMeet,
} from './model';
export { createRankContext, type RankContext } from './context';
export { assess, emptyDetail, isEligible } from './evaluate';
export { explain } from './explain';
export { loadDirectoryIndex } from './stored-index';
