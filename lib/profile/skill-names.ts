import type { SkillSearch } from '../skills';

/** The name a skill text is known by: the taxonomy's spelling when the text surely means it. */
export type CanonicalSkillName = (text: string) => string;

/** Without a skill resolver: the text as typed. */
export const asTyped: CanonicalSkillName = (text) => text.trim();

/**
 * Only exact names, aliases and reordered words count as sure ("JS" → JavaScript); a typo is
 * offered as a suggestion in the form, never applied behind the user's back.
 */
const SURE_SCORE = 0.95;

export function canonicalSkillName(search: Pick<SkillSearch, 'resolve'>): CanonicalSkillName {
  return (text) => {
    const resolution = search.resolve(text);
    return resolution.skill && resolution.score >= SURE_SCORE ? resolution.skill.name : text.trim();
  };
}

/** Two skill texts are the same skill when their keys are equal (case-insensitive, through the canonical name). */
export function skillKey(text: string, canonical: CanonicalSkillName = asTyped): string {
  return canonical(text).toLocaleLowerCase();
}
