export {
  
  PAIR_REQUIREMENTS,
  candidatePairs,
  formatWeight,
  pairCohort,
  
  
  
  type PairingReport,
  
  type PairRequirement,
  
  
} from './cohort';
export { readExclusions, type Exclusion,  } from './exclusions';
export { SCALE } from './scores';
;
;
;
