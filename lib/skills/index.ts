export {
  TAXONOMY,
  createSkillSearch,
  describeReading,
  type Skill,
  type SkillReading,
  type SkillResolution,
  type SkillSearch,
  type SkillSuggestion,
} from './search';
export { compactKey } from './normalise';
