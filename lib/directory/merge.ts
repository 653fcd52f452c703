import type { DirectoryEntry } from './entry';
import { dedupeNewest, isExpired, type AcceptOptions } from './validate';

export interface SourceEntries {
  id: string;
  label: string;
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
  const sourceOf = new Map<DirectoryEntry, string>();
  let expired = 0;
  const labelled: DirectoryEntry[] = [];
  for (const source of sources) {
    for (const entry of source.entries) {
      if (isExpired(entry, options)) {
        expired++;
        continue;
      }
      // Entries parsed for this source already carry its label: no copy of 100k objects for nothing.
      const withSource = entry.source === source.label ? entry : { ...entry, source: source.label };
      sourceOf.set(withSource, source.id);
      labelled.push(withSource);
    }
  }
  const { entries, duplicates } = dedupeNewest(labelled);
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(sourceOf.get(entry)!, (counts.get(sourceOf.get(entry)!) ?? 0) + 1);
  return {
    entries,
    duplicates,
    expired,
    sources: sources.map(({ id, label }) => ({ id, label, count: counts.get(id) ?? 0 })),
  };
}
