import type { MatchIndex } from './model';

export interface FilterChoices {
  ergs: string[];
  departments: string[];
  languages: string[];
}

function sorted(values: readonly string[]): string[] {
  return values.filter((value) => value !== '').sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1));
}

/** The values the directory's filters can offer (tables are already distinct by case and spacing). */
export function filterChoices(index: MatchIndex): FilterChoices {
  return { ergs: sorted(index.ergs), departments: sorted(index.departments), languages: sorted(index.languages) };
}

/** Positions (in entry order) of the given ids, e.g. to load shortlisted people's full entries. */
export function positionsOf(index: MatchIndex, ids: Iterable<string>): number[] {
  const wanted = new Set(ids);
  const positions: number[] = [];
  index.ids.forEach((id, position) => {
    if (wanted.has(id)) positions.push(position);
  });
  return positions;
}
