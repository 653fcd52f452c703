import { z } from '../schema';
import type { IDBPTransaction } from 'idb';
import { asStorageError, StorageError, openMutualDb, type MutualDB } from '../storage';
import { DirectoryEntrySchema, type DirectoryEntry } from './entry';

/**
 * The merged directory, laid out for the popup: entries in chunks of CHUNK_SIZE (one IndexedDB
 * record each: 100k separate records take seconds to write, 400 chunks do not, and the popup's
 * top 20 cost at most 20 small reads), and under 'directoryIndex' the metadata plus the match
 * index. Storing 100k entries took 779 ms in chunks of 50, 474 in chunks of 100, 409 in chunks of
 * 250 and 569 in chunks of 500; the popup painted as fast with 250 as with 100 (bench/directory,
 * bench/popup). A directory stored with another size is read with the size it names.
 *
 * A save writes a new generation of chunks beside the one in use, possibly from several threads
 * at once (each writes its part in its own transaction), then switches over in one transaction
 * that writes the metadata and index and deletes the old generation. Until that switch the old
 * directory stays whole, so a failed or interrupted save loses nothing.
 */
export const CHUNK_SIZE = 250;
/** Chunk keys of one generation: [base, base + GENERATION_SPAN); two generations alternate. */
const GENERATION_SPAN = 1_000_000;
/** Chunk keys of one part within a generation: 25M entries each. */
export const PART_SPAN = 100_000;

const CURRENT_KEY = 'current';
/** The metadata alone, so pages that only need counts and skills do not load the index. */
const META_KEY = 'meta';
/** The save in progress (DirectoryWrite): a commit checks it is still the one. */
const WRITING_KEY = 'writing';

const SegmentSchema = z.object({
  /** Position of the segment's first entry in the directory. */
  start: z.number().check(z.int(), z.gte(0)),
  /** Key of its first chunk; the following chunks have the following keys. */
  key: z.number().check(z.int(), z.gte(0)),
  count: z.number().check(z.int(), z.gte(0)),
});
type DirectorySegment = z.infer<typeof SegmentSchema>;

const DirectoryMetaSchema = z.object({
  /** Changes whenever the merged content changes; the popup reloads when it sees a new one. */
  version: z.string(),
  count: z.number().check(z.int(), z.gte(0)),
  chunkSize: z.number().check(z.int(), z.gt(0)),
  savedAt: z.string(),
  /** Per source that contributed: its label and how many entries it brought. */
  sources: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().check(z.int(), z.gte(0)) })),
  /** Entries dropped because another source had a newer entry for the same email. */
  duplicates: z._default(z.number().check(z.int(), z.gte(0)), 0),
  /** Distinct skill names people teach or want to learn, sorted: suggestions "seen in the directory". */
  skills: z.array(z.string()),
  /** Where positions live, in position order; a directory saved before segments is one from key 0. */
  segments: z.optional(z.array(SegmentSchema)),
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
  /**
   * Parts held by workers, stored after these entries: each writes its chunks from the key it is
   * given, in its own transaction, and answers with its count, skill names and index.
   */
  workerParts?: readonly ((firstKey: number) => Promise<{ count: number; skills: readonly string[]; index: unknown }>)[];
  /** Joins this thread's index with the feed workers' parts' indexes, in position order. */
  joinIndexes?: (indexes: readonly unknown[]) => unknown;
}

/** Distinct names, first spelling kept (by case), in no particular order. */
export function skillNames(entries: readonly DirectoryEntry[]): string[] {
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
  return [...byKey.values()];
}

/** Names of several parts as one sorted list, case-insensitively distinct, the first part's spelling kept. */
function mergeSkillNames(parts: readonly (readonly string[])[]): string[] {
  const byKey = new Map<string, string>();
  for (const names of parts) for (const name of names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

function segmentsOf(meta: DirectoryMeta): DirectorySegment[] {
  return meta.segments ?? [{ start: 0, key: 0, count: meta.count }];
}

function generationOf(key: number): number {
  return Math.floor(key / GENERATION_SPAN) * GENERATION_SPAN;
}

function generationRange(base: number): IDBKeyRange {
  return IDBKeyRange.bound(base, base + GENERATION_SPAN, false, true);
}

/** A save in progress: where its chunks go, and the token its commit must still find. */
export interface DirectoryWrite {
  base: number;
  token: string;
}

/**
 * Starts a save: picks the generation not in use and empties it (an earlier save may have failed
 * half-way), and marks it as this save's. Part i of the save starts at base + i * PART_SPAN. A save
 * that starts later (or "delete all my data") replaces the mark, and this save's commit is refused.
 */
export async function beginDirectoryWrite(): Promise<DirectoryWrite> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readwrite', { durability: 'relaxed' });
    const meta = parseMeta(await tx.objectStore('directoryIndex').get(META_KEY));
    const inUse = meta ? generationOf(segmentsOf(meta)[0]?.key ?? 0) : GENERATION_SPAN;
    const write = { base: inUse === 0 ? GENERATION_SPAN : 0, token: crypto.randomUUID() };
    await Promise.all([tx.objectStore('directoryChunks').delete(generationRange(write.base)), tx.objectStore('directoryIndex').put(write, WRITING_KEY), tx.done]);
    return write;
  } catch (error) {
    throw asStorageError(error);
  }
}

function isSameWrite(value: unknown, write: DirectoryWrite): boolean {
  const stored = value as Partial<DirectoryWrite> | undefined;
  return stored?.base === write.base && stored.token === write.token;
}

type WriteTransaction = IDBPTransaction<MutualDB, ('directoryChunks' | 'directoryIndex')[], 'readwrite'>;

/**
 * Runs `queue` in one read-write transaction: it queues its requests into `writes` without
 * awaiting each (the transaction commits them together or not at all), and this waits for them.
 * A value that cannot be cloned throws while queued: the transaction is then aborted.
 */
async function inWriteTransaction<T>(stores: ('directoryChunks' | 'directoryIndex')[], queue: (tx: WriteTransaction, writes: Promise<unknown>[]) => T): Promise<T> {
  try {
    const db = await openMutualDb();
    // Relaxed: a directory lost to a power cut is synced again; waiting for the disk would not help.
    const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
    const writes: Promise<unknown>[] = [tx.done];
    try {
      const result = queue(tx, writes);
      await Promise.all(writes);
      return result;
    } catch (error) {
      abortQuietly(tx);
      // The other requests fail with the abort: that is expected, not an unhandled error.
      for (const write of writes) write.catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw asStorageError(error);
  }
}

/**
 * Writes entries as chunks from `firstKey`, in one transaction of their own. The puts are queued
 * before `whileWriting` runs, so the browser stores them while the caller works; the promise
 * settles once both are done.
 */
export function putChunks<T>(entries: readonly DirectoryEntry[], firstKey: number, whileWriting: () => T): Promise<T> {
  return inWriteTransaction(['directoryChunks'], (tx, writes) => {
    const chunks = tx.objectStore('directoryChunks');
    for (let start = 0, key = firstKey; start < entries.length; start += CHUNK_SIZE, key++) {
      writes.push(chunks.put(entries.slice(start, start + CHUNK_SIZE), key));
    }
    return whileWriting();
  });
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

export interface DirectoryCommit {
  version: string;
  sources: DirectoryMeta['sources'];
  duplicates?: number;
  now?: Date;
  /** The parts written from `write.base`, in position order. */
  parts: readonly { count: number; skills: readonly string[] }[];
  write: DirectoryWrite;
  index: unknown;
}

/** A save overtaken by another one, or by "delete all my data": its generation is not switched to. */
export class SupersededWriteError extends StorageError {
  constructor() {
    super('Another save of the directory (or deleting all data) happened meanwhile: this one was not used.');
    this.name = 'SupersededWriteError';
  }
}

/**
 * The switch-over: metadata and index of the new generation, and the old generation deleted,
 * together, once the transaction has checked that this save is still the one begun last.
 */
export async function commitDirectory(commit: DirectoryCommit): Promise<DirectoryMeta> {
  const { base } = commit.write;
  let start = 0;
  const segments = commit.parts.map((part, i) => {
    const segment = { start, key: base + i * PART_SPAN, count: part.count };
    start += part.count;
    return segment;
  });
  const meta: DirectoryMeta = {
    version: commit.version,
    count: start,
    chunkSize: CHUNK_SIZE,
    savedAt: (commit.now ?? new Date()).toISOString(),
    sources: commit.sources,
    duplicates: commit.duplicates ?? 0,
    skills: mergeSkillNames(commit.parts.map((part) => part.skills)),
    segments,
  };
  try {
    const db = await openMutualDb();
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readwrite', { durability: 'relaxed' });
    const index = tx.objectStore('directoryIndex');
    if (!isSameWrite(await index.get(WRITING_KEY), commit.write)) {
      tx.done.catch(() => undefined);
      abortQuietly(tx);
      throw new SupersededWriteError();
    }
    await Promise.all([
      index.put({ meta, index: commit.index }, CURRENT_KEY),
      index.put(meta, META_KEY),
      index.delete(WRITING_KEY),
      tx.objectStore('directoryChunks').delete(generationRange(base === 0 ? GENERATION_SPAN : 0)),
      tx.done,
    ]);
    return meta;
  } catch (error) {
    throw asStorageError(error);
  }
}

/**
 * Saves a directory: these entries as the first part, written while their index is built, and
 * the parts the feed workers wrote meanwhile; then the switch-over.
 */
export async function saveDirectory(entries: readonly DirectoryEntry[], options: SaveDirectoryOptions): Promise<DirectoryMeta> {
  const write = await beginDirectoryWrite();
  const { base } = write;
  const workerWrites = (options.workerParts ?? []).map((store, i) => {
    const part = store(base + (i + 1) * PART_SPAN);
    // Awaited below; a part failing while this thread still writes is not an unhandled rejection.
    part.catch(() => undefined);
    return part;
  });
  try {
    const index = await putChunks(entries, base, options.buildIndex);
    const stored = await Promise.all(workerWrites);
    const { joinIndexes } = options;
    if (stored.length && !joinIndexes) throw new StorageError('Parts written by feed workers need joinIndexes.');
    return await commitDirectory({
      ...options,
      write,
      parts: [{ count: entries.length, skills: skillNames(entries) }, ...stored],
      index: joinIndexes && stored.length ? joinIndexes([index, ...stored.map((part) => part.index)]) : index,
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Under this key, a mark that "delete all my data" (which empties every store) takes away. */
const EPOCH_KEY = 'epoch';

/** The current data epoch, made when there is none: a sync notes it when it starts. */
export async function currentDataEpoch(): Promise<string> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('directoryIndex', 'readwrite');
    const stored = await tx.store.get(EPOCH_KEY);
    const epoch = typeof stored === 'string' ? stored : crypto.randomUUID();
    if (epoch !== stored) await tx.store.put(epoch, EPOCH_KEY);
    await tx.done;
    return epoch;
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Whether the data a sync started from is still there: false once everything was deleted since. */
export async function isDataEpoch(epoch: string): Promise<boolean> {
  try {
    const db = await openMutualDb();
    return (await db.get('directoryIndex', EPOCH_KEY)) === epoch;
  } catch (error) {
    throw asStorageError(error);
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
    throw asStorageError(error);
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
    throw asStorageError(error);
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
    throw asStorageError(error);
  }
}

function parseEntries(values: readonly unknown[]): DirectoryEntry[] {
  return values.map((value) => {
    const parsed = DirectoryEntrySchema.safeParse(value);
    if (!parsed.success) throw new StorageError('The stored directory is damaged. Sync the directory again.', parsed.error);
    return parsed.data;
  });
}

/** The chunk key and the place in it of a position; undefined beyond the directory. */
function chunkAt(segments: readonly DirectorySegment[], chunkSize: number, position: number): { key: number; offset: number } | undefined {
  const segment = segments.find((candidate) => position >= candidate.start && position < candidate.start + candidate.count);
  if (!segment) return undefined;
  const within = position - segment.start;
  return { key: segment.key + Math.floor(within / chunkSize), offset: within % chunkSize };
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
    const segments = segmentsOf(meta);
    const places = positions.map((position) => chunkAt(segments, meta.chunkSize, position));
    const chunks = new Map<number, unknown[]>();
    await Promise.all(
      [...new Set(places.flatMap((place) => (place ? [place.key] : [])))].map(async (key) => {
        const parsed = StoredChunkSchema.safeParse(await tx.objectStore('directoryChunks').get(key));
        if (parsed.success) chunks.set(key, parsed.data);
      }),
    );
    found = places.map((place) => (place ? chunks.get(place.key)?.[place.offset] : undefined));
  } catch (error) {
    throw asStorageError(error);
  }
  if (found.some((value) => value === undefined)) throw new StorageError('The stored directory is incomplete. Sync the directory again.');
  return parseEntries(found);
}

/** The whole merged directory, in position order, with the metadata it was saved with (one snapshot). */
export async function loadDirectorySnapshot(): Promise<{ meta: DirectoryMeta; entries: DirectoryEntry[] } | undefined> {
  let meta: DirectoryMeta | undefined;
  let values: unknown[];
  try {
    const db = await openMutualDb();
    const tx = db.transaction(['directoryChunks', 'directoryIndex'], 'readonly');
    meta = parseMeta(await tx.objectStore('directoryIndex').get(META_KEY));
    if (!meta) return undefined;
    const { chunkSize } = meta;
    const segments = await Promise.all(
      segmentsOf(meta).map(async (segment) => {
        const chunks = segment.count ? await tx.objectStore('directoryChunks').getAll(IDBKeyRange.bound(segment.key, segment.key + Math.ceil(segment.count / chunkSize) - 1)) : [];
        return chunks.flatMap((chunk) => StoredChunkSchema.safeParse(chunk).data ?? []).slice(0, segment.count);
      }),
    );
    values = segments.flat();
  } catch (error) {
    throw asStorageError(error);
  }
  if (values.length !== meta.count) throw new StorageError('The stored directory is incomplete. Sync the directory again.');
  return { meta, entries: parseEntries(values) };
}

export async function loadAllEntries(): Promise<DirectoryEntry[]> {
  return (await loadDirectorySnapshot())?.entries ?? [];
}
