import type { DirectoryEntry } from './entry';
import { dedupeNewest, isExpired, type AcceptOptions } from './validate';

export interface SourceEntries {
  id: string;
  label: string;
  /** The source's accepted entries: one per id, as acceptEntries leaves them. */
  entries: readonly DirectoryEntry[];
}

export interface MergedDirectory {
  entries: DirectoryEntry[];
  /** Entries dropped because another source has a newer entry for the same email. */
  duplicates: number;
  /** Entries that expired since their source was synced. */
  expired: number;
  /** Entries each source contributes after duplicates are resolved. */
  sources: { id: string; label: string; count: number }[];
}

/**
 * One directory from every source's last good copy: each entry labelled with its source, expired
 * ones dropped (time has passed since the sync), and one entry per email, the newest.
 */
export function mergeSources(sources: readonly SourceEntries[], options: AcceptOptions): MergedDirectory {
  let expired = 0;
  const labelled: DirectoryEntry[] = [];
  /** Index into `sources` of each labelled entry. */
  const owner: number[] = [];
  sources.forEach((source, s) => {
    for (const entry of source.entries) {
      if (isExpired(entry, options)) {
        expired++;
        continue;
      }
      // Entries parsed for this source already carry its label: no copy of 100k objects for nothing.
      labelled.push(entry.source === source.label ? entry : { ...entry, source: source.label });
      owner.push(s);
    }
  });
  // Each source is unique by id already: only several sources can disagree.
  const contributing = sources.filter((source) => source.entries.length).length;
  const { entries, positions, duplicates } =
    contributing > 1 ? dedupeNewest(labelled) : { entries: labelled, positions: undefined, duplicates: 0 };
  const counts = sources.map(() => 0);
  for (let i = 0; i < entries.length; i++) counts[owner[positions ? positions[i]! : i]!]!++;
  return {
    entries,
    duplicates,
    expired,
    sources: sources.map(({ id, label }, s) => ({ id, label, count: counts[s]! })),
  };
}
