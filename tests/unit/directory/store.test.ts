import { beforeEach, describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  PART_SPAN,
  beginDirectoryWrite,
  commitDirectory,
  loadAllEntries,
  loadDirectoryMeta,
  loadEntriesAt,
  loadStoredIndex,
  putChunks,
  saveDirectory,
} from '../../../lib/directory';
import { isCurrentMatchIndex } from '../../../lib/match';
import { openMutualDb, StorageError } from '../../../lib/storage/db';
import { directoryEntry, resetDatabase } from './helpers';
import { loadDirectoryIndex } from '../../../lib/match';

const entries = Array.from({ length: 2 * CHUNK_SIZE + 50 }, (_, i) => directoryEntry(i));
const sources = [{ id: 'demo', label: 'Demo', count: entries.length }];

beforeEach(resetDatabase);

describe('directory store', () => {
  it('stores entries in chunks with the index and metadata, and loads entries by position', async () => {
    const meta = await saveDirectory(entries, { buildIndex: () => ({ marker: 'v1', ids: new Uint32Array([1, 2]) }), version: 'v1', sources });
    const db = await openMutualDb();
    expect(await db.count('directoryChunks')).toBe(3);
    expect(meta).toMatchObject({ version: 'v1', count: entries.length, chunkSize: CHUNK_SIZE, sources, duplicates: 0 });
    // "Python" and "python" are one skill; the first spelling is kept.
    expect(meta.skills).toEqual(['python', 'TikTok']);
    expect(await loadDirectoryMeta()).toEqual(meta);
    const stored = await loadStoredIndex();
    expect(stored?.index).toEqual({ marker: 'v1', ids: new Uint32Array([1, 2]) });

    const picked = await loadEntriesAt([entries.length - 1, 0, CHUNK_SIZE]);
    expect(picked.map((entry) => entry.id)).toEqual([entries.at(-1)!.id, entries[0]!.id, entries[CHUNK_SIZE]!.id]);
    expect(await loadAllEntries()).toEqual(entries);
  });

  it('replaces the previous directory entirely, fewer chunks included', async () => {
    await saveDirectory(entries, { buildIndex: () => ({}), version: 'v1', sources });
    await saveDirectory(entries.slice(0, 3), { buildIndex: () => ({}), version: 'v2', sources });
    const db = await openMutualDb();
    expect(await db.count('directoryChunks')).toBe(1);
    expect((await loadAllEntries()).map((entry) => entry.id)).toEqual(entries.slice(0, 3).map((entry) => entry.id));
  });

  it('keeps the previous directory whole when a save fails', async () => {
    await saveDirectory(entries, { buildIndex: () => ({ marker: 'good' }), version: 'good', sources });
    // A function cannot be structured-cloned: the write fails after the clear() was queued.
    const failing = saveDirectory(entries.slice(0, 5), { buildIndex: () => ({ build: () => 1 }), version: 'bad', sources });
    await expect(failing).rejects.toBeInstanceOf(StorageError);
    expect((await loadDirectoryMeta())?.version).toBe('good');
    expect((await loadStoredIndex())?.index).toEqual({ marker: 'good' });
    expect(await loadAllEntries()).toHaveLength(entries.length);
  });

  it('reads a directory written in parts by separate writers, and switches generations only on commit', async () => {
    await saveDirectory(entries.slice(0, 7), { buildIndex: () => ({ marker: 'old' }), version: 'old', sources });
    const head = entries.slice(0, CHUNK_SIZE + 30);
    const tail = entries.slice(CHUNK_SIZE + 30);
    const write = await beginDirectoryWrite();
    await Promise.all([putChunks(head, write.base, () => undefined), putChunks(tail, write.base + PART_SPAN, () => undefined)]);
    // Written but not committed: the old directory is still the one in use, whole.
    expect((await loadDirectoryMeta())?.version).toBe('old');
    expect(await loadAllEntries()).toEqual(entries.slice(0, 7));

    const meta = await commitDirectory({ version: 'new', sources, write, index: { marker: 'new' }, parts: [{ count: head.length, skills: ['python'] }, { count: tail.length, skills: ['Python', 'TikTok'] }] });
    expect(meta).toMatchObject({ count: entries.length, skills: ['python', 'TikTok'] });
    expect(await loadAllEntries()).toEqual(entries);
    const picked = await loadEntriesAt([head.length, head.length - 1, entries.length - 1]);
    expect(picked.map((entry) => entry.id)).toEqual([tail[0]!.id, head.at(-1)!.id, entries.at(-1)!.id]);
    // The old generation is gone: 2 + 2 chunks remain.
    expect(await (await openMutualDb()).count('directoryChunks')).toBe(4);
  });

  it('reads a directory saved before segments existed (chunks from key 0)', async () => {
    const db = await openMutualDb();
    await db.put('directoryChunks', entries.slice(0, CHUNK_SIZE), 0);
    await db.put('directoryChunks', entries.slice(CHUNK_SIZE, CHUNK_SIZE + 5), 1);
    const meta = { version: 'legacy', count: CHUNK_SIZE + 5, chunkSize: CHUNK_SIZE, savedAt: '2026-11-01T00:00:00Z', sources, duplicates: 0, skills: [] };
    await db.put('directoryIndex', meta, 'meta');
    expect((await loadEntriesAt([CHUNK_SIZE + 4]))[0]!.id).toBe(entries[CHUNK_SIZE + 4]!.id);
    expect(await loadAllEntries()).toHaveLength(CHUNK_SIZE + 5);
    await saveDirectory(entries.slice(0, 3), { buildIndex: () => ({}), version: 'v2', sources });
    expect(await db.count('directoryChunks')).toBe(1);
    expect((await loadAllEntries()).map((entry) => entry.id)).toEqual(entries.slice(0, 3).map((entry) => entry.id));
  });

  it('reports positions it does not hold and damaged entries as StorageError', async () => {
    await expect(loadEntriesAt([0])).rejects.toThrow(/No directory/);
    await saveDirectory(entries.slice(0, 2), { buildIndex: () => ({}), version: 'v1', sources });
    await expect(loadEntriesAt([5])).rejects.toThrow(/incomplete/);
    const db = await openMutualDb();
    await db.put('directoryChunks', [{ id: 'x' }, { id: 'y' }], 0);
    await expect(loadEntriesAt([0])).rejects.toThrow(/damaged/);
  });

  it('rebuilds an index of another engine version once, for the same directory version', async () => {
    await saveDirectory(entries.slice(0, 10), { buildIndex: () => ({ version: -1 }), version: 'v1', sources });
    const loaded = await loadDirectoryIndex();
    expect(isCurrentMatchIndex(loaded?.index)).toBe(true);
    expect(loaded?.index.ids).toEqual(entries.slice(0, 10).map((entry) => entry.id));
    expect(isCurrentMatchIndex((await loadStoredIndex())?.index)).toBe(true);
  });

  it('has nothing to load before the first save', async () => {
    expect(await loadDirectoryIndex()).toBeUndefined();
    expect(await loadAllEntries()).toEqual([]);
  });
});
