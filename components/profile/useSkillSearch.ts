import { useMemo } from 'react';
import { canonicalSkillName, type CanonicalSkillName } from '@/lib/profile';
import { createSkillSearch, describeReading, type SkillSuggestion } from '@/lib/skills';

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

/** Reading a text needs no directory names (they only add suggestions): one reader serves every field. */
const reader = createSkillSearch();

/** What Mutual reads a typed skill as, for the field's hint: "read as Video editing + TikTok"; undefined for a skill's own name. */
export function describeSkillText(text: string): string | undefined {
  return text.trim() ? describeReading(reader.read(text)) : undefined;
}
