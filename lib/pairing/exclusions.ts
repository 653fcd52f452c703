import Papa from 'papaparse';
import { entryId, type DirectoryEntry } from '../directory';

/** Two people who must not be paired, by entry id. */
export type Exclusion = readonly [string, string];

export interface ReadExclusions {
  exclusions: Exclusion[];
  /** Rows that cannot be read: the file should be fixed (row as the spreadsheet numbers it). */
  problems: string[];
  /** Rows that name someone who is not in the feed: harmless (they cannot be paired anyway), reported. */
  notInFeed: string[];
}

const MAX_ROWS = 1_000_000;
const MAX_SHOWN = 20;

function normalName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A CSV of pairs that must not be formed, as a program lead keeps it in a spreadsheet: one pair per
 * row, the first two filled cells naming the two people by email address (or by full name when it is
 * unique in the feed); other columns (a reason, a date) are ignored, as is a header row.
 */
export function readExclusions(text: string, entries: readonly DirectoryEntry[]): ReadExclusions {
  const ids = new Set(entries.map((entry) => entry.id));
  const byName = new Map<string, string[]>();
  for (const entry of entries) byName.set(normalName(entry.name), [...(byName.get(normalName(entry.name)) ?? []), entry.id]);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const result: ReadExclusions = { exclusions: [], problems: [], notInFeed: [] };
  const rows = parsed.data.slice(0, MAX_ROWS);
  if (parsed.data.length > MAX_ROWS) result.problems.push(`The file has more than ${MAX_ROWS.toLocaleString('en')} rows; only the first ones were read.`);

  /** The id a cell names, or a sentence saying why not. */
  const identify = (cell: string): { id: string } | { missing: string } | { problem: string } => {
    if (cell.includes('@')) {
      const id = entryId(cell);
      return ids.has(id) ? { id } : { missing: `nobody in the feed has the email address "${cell}"` };
    }
    const named = byName.get(normalName(cell)) ?? [];
    if (named.length === 1) return { id: named[0]! };
    if (named.length > 1) return { problem: `"${cell}" is the name of ${named.length} people in the feed; use their email addresses` };
    return { missing: `nobody in the feed is called "${cell}"` };
  };

  rows.forEach((cells, i) => {
    const row = i + 1;
    const filled = cells.map((cell) => cell.trim()).filter(Boolean);
    if (filled.length === 0) return;
    const looksLikeHeader = row === 1 && !filled.slice(0, 2).some((cell) => cell.includes('@')) && filled.slice(0, 2).every((cell) => !byName.has(normalName(cell)));
    if (looksLikeHeader) return;
    if (filled.length < 2) {
      result.problems.push(`Row ${row}: "${filled[0]}" alone; a row needs two people (email addresses or full names), e.g. "ana@example.com,ben@example.com".`);
      return;
    }
    const [first, second] = [identify(filled[0]!), identify(filled[1]!)];
    for (const found of [first, second]) {
      if ('problem' in found) result.problems.push(`Row ${row}: ${found.problem}.`);
    }
    if ('problem' in first || 'problem' in second) return;
    if ('missing' in first || 'missing' in second) {
      result.notInFeed.push(`Row ${row}: ${'missing' in first ? first.missing : (second as { missing: string }).missing}; the row is ignored.`);
      return;
    }
    if (first.id === second.id) {
      result.problems.push(`Row ${row}: names the same person twice ("${filled[0]}", "${filled[1]}").`);
      return;
    }
    result.exclusions.push([first.id, second.id]);
  });
  if (result.problems.length > MAX_SHOWN) result.problems.splice(MAX_SHOWN, Infinity, `…and ${result.problems.length - MAX_SHOWN} more rows like these.`);
  return result;
}
