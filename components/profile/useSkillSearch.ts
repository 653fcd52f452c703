import { useMemo } from 'react';
import { canonicalSkillName, type CanonicalSkillName } from '@/lib/profile';
import { createSkillSearch, type SkillSuggestion } from '@/lib/skills';

/** How many suggestions the skill fields list. */
const SUGGESTIONS = 6;

export interface SkillHelp {
  suggest: (query: string) => SkillSuggestion[];
  canonical: CanonicalSkillName;
}

/** Suggestions from the taxonomy plus the skill names seen in the directory (`directorySkills`). */
export function useSkillSearch(directorySkills: readonly string[]): SkillHelp {
  return useMemo(() => {
    const search = createSkillSearch(directorySkills);
    return { suggest: (query) => search.suggest(query, SUGGESTIONS), canonical: canonicalSkillName(search) };
  }, [directorySkills]);
}
