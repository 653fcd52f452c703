export {
  DEFAULT_SHORT_LIST,
  PAIR_REQUIREMENTS,
  candidatePairs,
  formatWeight,
  pairCohort,
  type CohortPair,
  type PairedPerson,
  type PairingOptions,
  type PairingReport,
  type PairingSummary,
  type PairRequirement,
  type UnmatchedPerson,
  type UnmatchedReason,
} from './cohort';
export { readExclusions, type Exclusion, type ReadExclusions } from './exclusions';
export { SCALE, profileOf } from './scores';
export { solvePairing, type CandidateList, type CandidateSource, type Solution, type SolveOptions } from './solve';
export { solveBMatching, type BMatching, type PairGraph } from './bmatching';
export { checkCertificate, maxWeightMatching, type CertificateCheck, type MatchingCertificate, type WeightedEdges } from './blossom';
