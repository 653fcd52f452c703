import { z } from 'zod';
import type { IDBPTransaction } from 'idb';
import { StorageError, describeStorageError, openMutualDb, type MutualDB } from '../storage/db';
import { DirectoryEntrySchema, type DirectoryEntry } from './entry';

/**
 * The merged directory, laid out for the popup: entries in chunks of CHUNK_SIZE (one IndexedDB
 * record each: 100k separate records take seconds to write, 1000 chunks do not, and the popup's
 * top 20 cost at most 20 small reads; measured with bench/directory), and under
 * 'directoryIndex' the metadata plus the match index. All of it is written in one transaction, so
 * the index never describes other entries than the chunks hold, and a failed save keeps the old
 * directory whole.
 */
export const CHUNK_SIZE = 100;

const CURRENT_KEY = 'current';
/** The metadata alone, so pages that only need counts and skills do not load the index. */
const META_KEY = 'meta';

export const DirectoryMetaSchema = z.object({
  /** Changes whenever the merged content changes; the popup reloads when it sees a new one. */
  version: z.string(),
  count: z.number().int().nonnegative(),
  chunkSize: z.number().int().positive(),
  savedAt: z.string(),
  /** Per source that contributed: its label and how many entries it brought. */
  sources: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int().nonnegative() })),
  /** Entries dropped because another source had a newer entry for the same email. */
  duplicates: z.number().int().nonnegative().default(0),
  /** Distinct skill names people teach or want to learn, sorted: suggestions "seen in the directory". */
  skills: z.array(z.string()),
});
export type DirectoryMeta = z.infer<typeof DirectoryMetaSchema>;

const StoredChunkSchema = z.array(z.unknown());

export interface SaveDirectoryOptions {
  /**
   * Builds the match index of exactly these entries (opaque here; it must structured-clone). It is
   * called once the entries are queued, so the browser writes them while the index is built.
   */
  buildIndex: () => unknown;
  version: string;
  sources: DirectoryMeta['sources'];
  duplicates?: number;
  now?: Date;
}

function storageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError(describeStorageError(error), error);
}

/** Distinct names, first spelling kept, case-insensitively sorted. */
export function distinctSkills(entries: readonly DirectoryEntry[]): string[] {
  // A directory repeats a few hundred spellings many times: each is lower-cased once, not per person.
  const seen = new Set<string>();
  const byKey = new Map<string, string>();
  const add = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const key = name.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, name);
  };
  for (const entry of entries) {
    for (const skill of entry.teach) add(skill.name);
    for (const skill of entry.learn) add(skill.name);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** A value that cannot be cloned throws before the transaction fails: abort so the clear() is not committed. */
function abortQuietly(tx: IDBPTransaction<MutualDB, ('directoryChunks' | 'directoryIndex')[], 'readwrite'>): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

export async function saveDirectory(entries: readonly DirectoryEntry[], options: SaveDirectoryOptions): Promise<DirectoryMeta> {
  try {
    const db = await openMutualDb();
    // Relaxed: a directory lost to a power cut is synced again; waiting for the disk would not help.
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readwrite', { durability: 'relaxed' });
    const chunks = tx.objectStore('directoryChunks');
    const index = tx.objectStore('directoryIndex');
    // Requests are queued without awaiting each: the transaction commits them together or not at all.
    const writes: Promise<unknown>[] = [tx.done];
    try {
      writes.push(chunks.clear());
      for (let start = 0, chunk = 0; start < entries.length; start += CHUNK_SIZE, chunk++) {
        writes.push(chunks.put(entries.slice(start, start + CHUNK_SIZE), chunk));
      }
      const meta: DirectoryMeta = {
        version: options.version,
        count: entries.length,
        chunkSize: CHUNK_SIZE,
        savedAt: (options.now ?? new Date()).toISOString(),
        sources: options.sources,
        duplicates: options.duplicates ?? 0,
        skills: distinctSkills(entries),
      };
      writes.push(index.put({ meta, index: options.buildIndex() }, CURRENT_KEY), index.put(meta, META_KEY));
      await Promise.all(writes);
      return meta;
    } catch (error) {
      abortQuietly(tx);
      // The other requests fail with the abort: that is expected, not an unhandled error.
      for (const write of writes) write.catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw storageError(error);
  }
}

function parseMeta(value: unknown): DirectoryMeta | undefined {
  const parsed = DirectoryMetaSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function loadDirectoryMeta(): Promise<DirectoryMeta | undefined> {
  try {
    const db = await openMutualDb();
    return parseMeta(await db.get('directoryIndex', META_KEY));
  } catch (error) {
    throw storageError(error);
  }
}

/** The metadata and the match index as stored (the caller checks that the index is one it can use). */
export async function loadStoredIndex(): Promise<{ meta: DirectoryMeta; index: unknown } | undefined> {
  try {
    const db = await openMutualDb();
    const stored = (await db.get('directoryIndex', CURRENT_KEY)) as { meta?: unknown; index?: unknown } | undefined;
    const meta = parseMeta(stored?.meta);
    return meta && stored ? { meta, index: stored.index } : undefined;
  } catch (error) {
    throw storageError(error);
  }
}

/** Replaces only the index, and only if the directory is still `version` (a sync may have saved since). */
export async function replaceIndex(version: string, index: unknown): Promise<boolean> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('directoryIndex', 'readwrite');
    const meta = parseMeta(await tx.store.get(META_KEY));
    const current = meta?.version === version;
    if (current) await tx.store.put({ meta, index }, CURRENT_KEY);
    await tx.done;
    return current;
  } catch (error) {
    throw storageError(error);
  }
}

function parseEntries(values: readonly unknown[]): DirectoryEntry[] {
  return values.map((value) => {
    const parsed = DirectoryEntrySchema.safeParse(value);
    if (!parsed.success) throw new StorageError('The stored directory is damaged. Sync the directory again.', parsed.error);
    return parsed.data;
  });
}

/** Entries by position (as the match index numbers them), in the order asked; missing positions are an error. */
export async function loadEntriesAt(positions: readonly number[]): Promise<DirectoryEntry[]> {
  if (!positions.length) return [];
  let found: unknown[];
  try {
    const db = await openMutualDb();
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readonly');
    const meta = parseMeta(await tx.objectStore('directoryIndex').get(META_KEY));
    if (!meta) throw new StorageError('No directory is stored yet. Sync the directory first.');
    const chunkNumbers = [...new Set(positions.map((position) => Math.floor(position / meta.chunkSize)))];
    const chunks = new Map<number, unknown[]>();
    await Promise.all(
      chunkNumbers.map(async (chunk) => {
        const parsed = StoredChunkSchema.safeParse(await tx.objectStore('directoryChunks').get(chunk));
        if (parsed.success) chunks.set(chunk, parsed.data);
      }),
    );
    found = positions.map((position) => chunks.get(Math.floor(position / meta.chunkSize))?.[position % meta.chunkSize]);
  } catch (error) {
    throw storageError(error);
  }
  if (found.some((value) => value === undefined)) throw new StorageError('The stored directory is incomplete. Sync the directory again.');
  return parseEntries(found);
}

/** The whole merged directory, in position order, with the metadata it was saved with (one snapshot). */
export async function loadDirectorySnapshot(): Promise<{ meta: DirectoryMeta; entries: DirectoryEntry[] } | undefined> {
  let meta: DirectoryMeta | undefined;
  let chunks: unknown[];
  try {
    const db = await openMutualDb();
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readonly');
    [meta, chunks] = await Promise.all([
      tx.objectStore('directoryIndex').get(META_KEY).then(parseMeta),
      tx.objectStore('directoryChunks').getAll(),
    ]);
  } catch (error) {
    throw storageError(error);
  }
  if (!meta) return undefined;
  const values = chunks.flatMap((chunk) => StoredChunkSchema.safeParse(chunk).data ?? []);
  if (values.length !== meta.count) throw new StorageError('The stored directory is incomplete. Sync the directory again.');
  return { meta, entries: parseEntries(values) };
}

export async function loadAllEntries(): Promise<DirectoryEntry[]> {
  return (await loadDirectorySnapshot())?.entries ?? [];
}
