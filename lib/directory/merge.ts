import type { DirectoryEntry } from './entry';
import type { FeedWorker, WorkerEntries } from './split';
import { dedupeNewest, isExpired, type AcceptOptions } from './validate';

export interface SourceEntries {
  id: string;
  label: string;
  /** The source's accepted entries: one per id, as acceptEntries leaves them. */
  entries: readonly DirectoryEntry[];
  /** More of its entries, held by a worker (a large feed parsed in two halves). */
  inWorker?: WorkerEntries;
}

export interface MergedDirectory {
  entries: DirectoryEntry[];
  /** Entries held by workers that belong after `entries`, without those dropped here. */
  inWorkers: { worker: FeedWorker; drop: number[] }[];
  /** Entries dropped because another source has a newer entry for the same email. */
  duplicates: number;
  /** Entries that expired since their source was synced. */
  expired: number;
  /** Entries each source contributes after duplicates are resolved. */
  sources: { id: string; label: string; count: number }[];
}

type Keyed = Pick<DirectoryEntry, 'id' | 'updatedAt'>;

/**
 * One directory from every source's last good copy: each entry labelled with its source, expired
 * ones dropped (time has passed since the sync), and one entry per email, the newest. Entries a
 * worker holds were validated at this same moment and carry their label: only their ids and dates
 * take part, and the answer says which of them to drop.
 */
export function mergeSources(sources: readonly SourceEntries[], options: AcceptOptions): MergedDirectory {
  let expired = 0;
  const labelled: (DirectoryEntry | Keyed)[] = [];
  /** Per labelled item: index into `sources`, and for a worker's entry its worker slot and place. */
  const owner: number[] = [];
  const workerSlot: number[] = [];
  const workerPlace: number[] = [];
  const workerHeld = sources.flatMap((source) => (source.inWorker ? [source.inWorker] : []));
  sources.forEach((source, s) => {
    for (const entry of source.entries) {
      if (isExpired(entry, options)) {
        expired++;
        continue;
      }
      // Entries parsed for this source already carry its label: no copy of 100k objects for nothing.
      labelled.push(entry.source === source.label ? entry : { ...entry, source: source.label });
      owner.push(s);
      workerSlot.push(-1);
      workerPlace.push(-1);
    }
    const inWorker = source.inWorker;
    if (!inWorker) return;
    const slot = workerHeld.indexOf(inWorker);
    inWorker.ids.forEach((id, i) => {
      if (inWorker.drop.has(i)) return;
      labelled.push({ id, updatedAt: inWorker.updatedAt[i]! });
      owner.push(s);
      workerSlot.push(slot);
      workerPlace.push(i);
    });
  });
  // Each source is unique by id already: only several sources can disagree.
  const contributing = sources.filter((source) => source.entries.length || source.inWorker?.ids.length).length;
  const { entries: kept, positions, duplicates } =
    contributing > 1 ? dedupeNewest(labelled) : { entries: labelled, positions: labelled.map((_, i) => i), duplicates: 0 };
  const counts = sources.map(() => 0);
  const entries: DirectoryEntry[] = [];
  const keptInWorker = workerHeld.map((inWorker) => new Uint8Array(inWorker.ids.length));
  kept.forEach((item, i) => {
    const position = positions[i]!;
    counts[owner[position]!]!++;
    const slot = workerSlot[position]!;
    if (slot < 0) entries.push(item as DirectoryEntry);
    else keptInWorker[slot]![workerPlace[position]!] = 1;
  });
  return {
    entries,
    inWorkers: workerHeld.map((inWorker, r) => ({ worker: inWorker.worker, drop: inWorker.ids.flatMap((_, i) => (keptInWorker[r]![i] ? [] : [i])) })),
    duplicates,
    expired,
    sources: sources.map(({ id, label }, s) => ({ id, label, count: counts[s]! })),
  };
}
