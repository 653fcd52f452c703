import { beforeEach, describe, expect, it } from 'vitest';
import { loadAllEntries, loadSourceStates, syncDirectory, type DirectorySource, type ParallelSync, type SyncEnvironment } from '../../../lib/directory';
import { saveSource } from '../../../lib/directory/source-store';
import type { FeedWorker } from '../../../lib/directory/split';
import { buildMatchIndex, joinMatchIndexes } from '../../../lib/match';
import { feedPerson, inProcessWorker, jsonFeed, resetDatabase } from './helpers';

const now = new Date('2026-11-10T12:00:00Z');
const source = (host: string): DirectorySource => ({ id: `url:https://${host}/feed.json`, kind: 'url', url: `https://${host}/feed.json`, label: host, enabled: true, locked: false });
const GOOD = source('good.example.com');
const HOSTILE = source('hostile.example.com');
const isHostile = (url: string | undefined) => Boolean(url?.includes('hostile'));

/**
 * Workers as the sync starts them (it does not say for which feed): each behaves by the feed it is
 * given to read, the hostile one as `hostile` says; every one started is kept to look at.
 */
function workers(hostile: 'hang' | 'crash' | 'none') {
  const started: { worker: FeedWorker; calls: { read: number; released: number } }[] = [];
  const parallel: ParallelSync = {
    startWorker: () => {
      const inner = inProcessWorker();
      const calls = { read: 0, released: 0 };
      const worker: FeedWorker = {
        ...inner.worker,
        read: (request) => {
          calls.read++;
          if (!isHostile(request.name)) return inner.worker.read(request);
          if (hostile === 'crash') return Promise.reject(new Error('worker crashed'));
          return hostile === 'hang' ? new Promise(() => undefined) : inner.worker.read(request);
        },
        release: () => {
          calls.released++;
          inner.worker.release();
        },
      };
      started.push({ worker, calls });
      return worker;
    },
    joinIndexes: joinMatchIndexes,
  };
  return { parallel, started };
}

function environment(parallel: ParallelSync, overrides: Partial<SyncEnvironment> = {}): SyncEnvironment {
  return {
    fetch: ((url: string) => {
      const body = jsonFeed(isHostile(url) ? [feedPerson('trap@example.com')] : [feedPerson('ada@example.com'), feedPerson('bob@example.com')]);
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    }) as unknown as typeof fetch,
    now: () => now,
    maxAgeDays: 365,
    buildIndex: (entries) => buildMatchIndex(entries),
    parallel,
    readBudgetMs: 100,
    ...overrides,
  };
}

beforeEach(resetDatabase);

describe('a time budget per source', () => {
  it('reads each feed in a worker, which stores what it read', async () => {
    const { parallel, started } = workers('none');
    const result = await syncDirectory([GOOD], environment(parallel));
    expect(result).toMatchObject({ ok: true, sources: [{ id: GOOD.id, ok: true, message: '2 entries' }] });
    expect((await loadAllEntries()).map((entry) => entry.id).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    expect(started.map(({ calls }) => calls)).toEqual([{ read: 1, released: 1 }]);
  });

  it('fails a feed that takes too long to read, ends its worker, and syncs the other source', async () => {
    const { parallel, started } = workers('hang');
    const result = await syncDirectory([HOSTILE, GOOD], environment(parallel));
    expect(result.ok).toBe(false);
    expect(result.sources).toEqual([
      { id: HOSTILE.id, ok: false, message: expect.stringMatching(/^The feed took too long to read \(more than 100 ms\): it was not used\./) },
      { id: GOOD.id, ok: true, message: '2 entries' },
    ]);
    expect(started.every(({ calls }) => calls.released > 0)).toBe(true);
    expect((await loadAllEntries()).map((entry) => entry.id).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    const hostile = (await loadSourceStates()).find((state) => state.id === HOSTILE.id);
    expect(hostile).toMatchObject({ ok: false, lastError: { stage: 'timeout' } });
  });

  it('records a reader that crashed on a feed as that source failing, not the sync', async () => {
    const { parallel } = workers('crash');
    const result = await syncDirectory([HOSTILE, GOOD], environment(parallel));
    expect(result.sources).toEqual([
      { id: HOSTILE.id, ok: false, message: "Reading the feed stopped Mutual's reader (worker crashed): it was not used." },
      { id: GOOD.id, ok: true, message: '2 entries' },
    ]);
    expect((await loadSourceStates()).find((state) => state.id === HOSTILE.id)?.lastError?.stage).toBe('crash');
  });

  it('reports a feed the worker finds unreadable as a format problem', async () => {
    const env = environment(workers('none').parallel, {
      fetch: (() => Promise.resolve(new Response('{"format": "mutual-directory", "entr', { status: 200, headers: { 'content-type': 'application/json' } }))) as unknown as typeof fetch,
    });
    const result = await syncDirectory([GOOD], env);
    expect(result.sources).toEqual([{ id: GOOD.id, ok: false, message: expect.stringMatching(/^Not valid JSON/) }]);
    expect((await loadSourceStates())[0]?.lastError?.stage).toBe('format');
  });

  it('reads in this thread where no worker starts', async () => {
    const none: ParallelSync = {
      startWorker: () => {
        throw new Error('no workers here');
      },
      joinIndexes: joinMatchIndexes,
    };
    const result = await syncDirectory([GOOD], environment(none));
    expect(result).toMatchObject({ ok: true, sources: [{ ok: true, message: '2 entries' }] });
  });
});

describe('a copy whose reading failed is not read again in a loop', () => {
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it('records the reading before it starts, and backs off from the same copy: 30 min, then doubling', async () => {
    const { parallel, started } = workers('hang');
    let markWhileReading: unknown;
    const hanging: ParallelSync = {
      ...parallel,
      startWorker: () => {
        const worker = parallel.startWorker();
        return {
          ...worker,
          read: async (request) => {
            markWhileReading = (await loadSourceStates()).find((state) => state.id === HOSTILE.id)?.reading;
            return worker.read(request);
          },
        };
      },
    };
    const first = await syncDirectory([HOSTILE], environment(hanging));
    expect(first.sources[0]?.message).toMatch(/took too long to read/);
    expect(markWhileReading).toEqual({ fingerprint: expect.any(String), since: now.toISOString(), attempts: 1 });

    const soon = await syncDirectory([HOSTILE], environment(hanging, { now: () => at(10) }));
    expect(soon.sources).toEqual([
      { id: HOSTILE.id, ok: false, message: 'Reading this copy of the feed stopped or ran out of time at 2026-11-10 12:00 (UTC). Mutual reads the same copy again after 2026-11-10 12:30 (UTC), or as soon as the feed changes.' },
    ]);
    expect(started).toHaveLength(1);

    await syncDirectory([HOSTILE], environment(hanging, { now: () => at(31) }));
    expect(started).toHaveLength(2);
    const state = (await loadSourceStates()).find((candidate) => candidate.id === HOSTILE.id);
    expect(state?.reading).toMatchObject({ attempts: 2, since: at(31).toISOString() });
    // The second failure waits an hour.
    await syncDirectory([HOSTILE], environment(hanging, { now: () => at(31 + 59) }));
    expect(started).toHaveLength(2);
  });

  it('reads a changed copy at once, and a good read clears the mark', async () => {
    const { parallel } = workers('hang');
    await syncDirectory([HOSTILE], environment(parallel));
    const fixed = workers('none');
    const changed = environment(fixed.parallel, {
      now: () => at(5),
      fetch: (() => Promise.resolve(new Response(jsonFeed([feedPerson('fixed@example.com'), feedPerson('also@example.com')]), { status: 200, headers: { 'content-type': 'application/json' } }))) as unknown as typeof fetch,
    });
    const result = await syncDirectory([HOSTILE], changed);
    expect(result.sources).toEqual([{ id: HOSTILE.id, ok: true, message: '2 entries' }]);
    expect((await loadSourceStates())[0]?.reading).toBeUndefined();
  });

  it('a sync that died while reading leaves its mark, so the next one does not read that copy', async () => {
    // What a crash leaves: the mark written before reading, and no outcome.
    const body = jsonFeed([feedPerson('trap@example.com')]);
    const fingerprint = `${new TextEncoder().encode(body).length}::`;
    await saveSource({ id: HOSTILE.id, label: HOSTILE.label, ok: false, message: 'Not synced yet', count: 0, reading: { fingerprint, since: now.toISOString(), attempts: 1 } });
    const { parallel, started } = workers('none');
    const result = await syncDirectory([HOSTILE], environment(parallel, { now: () => at(1) }));
    expect(result.sources[0]).toMatchObject({ ok: false, message: expect.stringMatching(/^Reading this copy of the feed stopped/) });
    expect(started).toHaveLength(0);
    expect((await loadSourceStates())[0]?.lastError?.stage).toBe('crash');
  });
});
