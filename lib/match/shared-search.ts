import { createSkillSearch } from '../skills';

/**
 * One skill resolver for the engine. Resolution is deterministic, so its cache serves every index
 * build and ranking: after the first build of a directory, rebuilding a changed one resolves only
 * the skill texts it has not seen.
 */
export const sharedSkillSearch = createSkillSearch();
