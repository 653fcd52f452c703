export {
  TAXONOMY,
  createSkillSearch,
  type Skill,
  type SkillResolution,
  type SkillSearch,
  type SkillSuggestion,
} from './search';
export { compactKey } from './normalise';
