import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CANCELLED_MESSAGE,
  SupersededWriteError,
  beginDirectoryWrite,
  commitDirectory,
  indexedDbRepository,
  loadAllEntries,
  loadDirectoryMeta,
  loadSourceStates,
  loadStoredIndex,
  putChunks,
  saveDirectory,
  syncDirectory,
  type DirectoryEntry,
  type DirectorySource,
  type SyncEnvironment,
} from '../../../lib/directory';
import { deleteAllData } from '../../../lib/privacy';
import { DATA_WRITE_LOCK } from '../../../lib/storage/lock';
import { directoryEntry, feedPerson, jsonFeed, resetDatabase } from './helpers';

const now = new Date('2026-11-10T12:00:00Z');
const source = (url: string): DirectorySource => ({ id: `url:${url}`, kind: 'url', url, label: url, enabled: true, locked: false });
const ONE = source('https://one.example.com/feed.json');

/** A stand-in for navigator.locks (happy-dom has none): exclusive locks granted in request order, every request recorded. */
function installLocks() {
  const queues = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const locks = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      requested.push(name);
      const run = (queues.get(name) ?? Promise.resolve()).then(callback);
      queues.set(name, run.catch(() => undefined));
      return run;
    },
  };
  Object.defineProperty(globalThis.navigator, 'locks', { value: locks, configurable: true });
  return requested;
}

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A feed whose people are named after the feed, so entries from two feeds cannot be mistaken. */
function feedOf(tag: string, count: number): string {
  return jsonFeed(Array.from({ length: count }, (_, i) => feedPerson(`p${i}@example.com`, { name: `${tag} ${i}`, updatedAt: `2026-10-0${tag === 'A' ? 1 : 2}T09:00:00Z` })));
}

function environment(respond: () => Promise<Response>): SyncEnvironment {
  return {
    fetch: (() => respond()) as unknown as typeof fetch,
    now: () => now,
    maxAgeDays: 365,
    buildIndex: (entries) => ({ names: entries.map((entry) => entry.name) }),
  };
}

const response = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

let requested: string[];
beforeEach(() => {
  resetDatabase();
  requested = installLocks();
});
afterEach(() => {
  Reflect.deleteProperty(globalThis.navigator, 'locks');
});

describe('directory writes never interleave', () => {
  it('refuses the commit of a save that another save started after', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => directoryEntry(i));
    const first = await beginDirectoryWrite();
    const second = await beginDirectoryWrite();
    // Both picked the same free generation: the later one owns it now.
    expect(second.base).toBe(first.base);
    await putChunks(entries.slice(0, 10), first.base, () => undefined);
    await putChunks(entries.slice(10), second.base, () => undefined);
    const commit = (write: typeof first, count: number) => commitDirectory({ version: String(count), sources: [], write, index: {}, parts: [{ count, skills: [] }] });
    await expect(commit(first, 10)).rejects.toBeInstanceOf(SupersededWriteError);
    expect(await loadDirectoryMeta()).toBeUndefined();
    await expect(commit(second, 20)).resolves.toMatchObject({ count: 20 });
    expect((await loadAllEntries()).map((entry) => entry.id)).toEqual(entries.slice(10).map((entry) => entry.id));
  });

  it('two syncs of different content at once both finish, leaving one whole directory whose index matches its entries', async () => {
    const [a, b] = await Promise.all([
      syncDirectory([ONE], environment(() => Promise.resolve(response(feedOf('A', 600))))),
      syncDirectory([ONE], environment(() => Promise.resolve(response(feedOf('B', 400))))),
    ]);
    // Without the lock one save overtakes the other and the overtaken one reports it was not used.
    expect([a.ok, b.ok]).toEqual([true, true]);
    const entries: DirectoryEntry[] = await loadAllEntries();
    const stored = (await loadStoredIndex())?.index as { names: string[] };
    const meta = await loadDirectoryMeta();
    expect(entries).toHaveLength(meta!.count);
    expect(stored.names).toEqual(entries.map((entry) => entry.name));
    // Every entry from one feed: never one feed's names with the other's entries.
    const tags = new Set(entries.map((entry) => entry.name.split(' ')[0]));
    expect(tags.size).toBe(1);
    expect(entries).toHaveLength(tags.has('A') ? 600 : 400);
    // Each sync's commit (and the mark it writes before reading) held the lock.
    expect(requested.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requested)).toEqual(new Set([DATA_WRITE_LOCK]));
  });

  it('a sync that was fetching while all data was deleted saves nothing and says so', async () => {
    await syncDirectory([ONE], environment(() => Promise.resolve(response(feedOf('A', 5)))));
    expect(await loadDirectoryMeta()).toBeDefined();
    const slow = gate();
    const fetching = gate();
    const sync = syncDirectory([ONE], environment(async () => {
      fetching.open();
      await slow.opened;
      return response(feedOf('B', 7));
    }));
    await fetching.opened;
    await deleteAllData();
    slow.open();
    const result = await sync;
    expect(result).toEqual({ ok: false, sources: [{ id: ONE.id, ok: false, message: CANCELLED_MESSAGE }] });
    expect(await loadDirectoryMeta()).toBeUndefined();
    expect(await loadSourceStates()).toEqual([]);
    expect(await loadAllEntries()).toEqual([]);
    expect(requested).toContain(DATA_WRITE_LOCK);
  });

  it('"delete all my data" waits for a sync that is saving, then deletes what it saved', async () => {
    const release = gate();
    const env = environment(() => Promise.resolve(response(feedOf('A', 5))));
    env.repository = {
      ...indexedDbRepository,
      saveDirectory: async (...args) => {
        await release.opened;
        return saveDirectory(...args);
      },
    };
    const sync = syncDirectory([ONE], env);
    await vi.waitFor(() => expect(requested).toContain(DATA_WRITE_LOCK));
    let deleted = false;
    const deleting = deleteAllData().then(() => (deleted = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deleted).toBe(false);
    release.open();
    expect((await sync).ok).toBe(true);
    await deleting;
    expect(await loadDirectoryMeta()).toBeUndefined();
    expect(await loadSourceStates()).toEqual([]);
  });
});
