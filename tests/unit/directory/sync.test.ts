import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEMO_DIRECTORY_SIZE,
  fetchFeed,
  importFile,
  indexedDbRepository,
  loadAllEntries,
  loadDirectoryMeta,
  loadSourceStates,
  syncDirectory,
  type DirectorySource,
  type SyncEnvironment,
} from '../../../lib/directory';
import { type DirectoryEntry } from '../../../lib/directory';
import { sha256 } from '../../../lib/directory/bytes';
import { buildMatchIndex, joinMatchIndexes } from '../../../lib/match';
import { feedPerson, inProcessWorker, jsonFeed, resetDatabase } from './helpers';
import { loadDirectoryIndex } from '../../../lib/match';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** An export as Excel writes it (tests/fixtures/feeds/README.md). */
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/feeds', name)));

const FEED_URL = 'https://intranet.example.com/mentors.json';
const now = new Date('2026-11-10T12:00:00Z');
const feedSource: DirectorySource = { id: `url:${FEED_URL}`, kind: 'url', url: FEED_URL, label: 'Intranet', enabled: true, locked: false };
const demoSource: DirectorySource = { id: 'demo', kind: 'demo', label: 'Demo', enabled: true, locked: false };

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function environment(handler: Handler, overrides: Partial<SyncEnvironment> = {}) {
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(handler(String(input), init ?? {})));
  const env: SyncEnvironment = {
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: () => now,
    maxAgeDays: 365,
    buildIndex: (entries) => ({ ids: entries.map((entry) => entry.id) }),
    ...overrides,
  };
  return { env, fetch };
}

const goodFeed = jsonFeed([feedPerson('ada@example.com'), feedPerson('bob@example.com')]);
const okResponse = (body = goodFeed, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Mon, 09 Nov 2026 10:00:00 GMT', ...headers } });

async function storedIds(): Promise<string[]> {
  return (await loadAllEntries()).map((entry) => entry.id).sort();
}

async function stateOf(id: string) {
  return (await loadSourceStates()).find((state) => state.id === id);
}

beforeEach(resetDatabase);

describe('syncing a feed URL', () => {
  it('stores the first copy, then asks conditionally and keeps the copy on 304', async () => {
    const first = environment(() => okResponse());
    const result = await syncDirectory([feedSource], first.env);
    expect(result).toMatchObject({ ok: true, sources: [{ id: feedSource.id, ok: true, message: '2 entries' }] });
    expect(result.saved).toMatchObject({ count: 2, sources: [{ id: feedSource.id, label: 'Intranet', count: 2 }] });
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com']);
    expect((await loadAllEntries())[0]!.source).toBe('Intranet');

    const second = environment(() => new Response(null, { status: 304 }), { now: () => new Date('2026-11-10T18:00:00Z') });
    const again = await syncDirectory([feedSource], second.env);
    const headers = second.fetch.mock.calls[0]![1]!.headers as Record<string, string>;
    expect(headers['if-none-match']).toBe('"v1"');
    expect(headers['if-modified-since']).toBe('Mon, 09 Nov 2026 10:00:00 GMT');
    expect(again.ok).toBe(true);
    expect(again.saved).toBeUndefined();
    expect(await stateOf(feedSource.id)).toMatchObject({ ok: true, lastGoodSync: '2026-11-10T18:00:00.000Z', count: 2 });
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it.each([
    ['an HTTP 500', () => new Response('boom', { status: 500, statusText: 'Internal Server Error' }), 'http', /500 Internal Server Error/],
    ['a malformed feed', () => okResponse('{"format": "mutual-directory", "entr'), 'format', /Not valid JSON/],
    ['a feed without one valid entry', () => okResponse(jsonFeed([feedPerson('not-an-email')])), 'empty', /No usable entry/],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'network', /Could not reach intranet.example.com/],
  ] as const)('keeps the last good copy after %s and records what failed', async (_, respond, stage, message) => {
    await syncDirectory([feedSource], environment(() => okResponse()).env);
    const failing = environment(respond, { now: () => new Date('2026-11-10T13:00:00Z') });
    const result = await syncDirectory([feedSource], failing.env);
    expect(result.ok).toBe(false);
    expect(result.sources[0]!.message).toMatch(message);
    expect(result.sources[0]!.message).toContain('stays in use');
    const state = await stateOf(feedSource.id);
    expect(state).toMatchObject({ ok: false, lastGoodSync: now.toISOString(), lastAttempt: '2026-11-10T13:00:00.000Z', count: 2 });
    expect(state?.lastError).toMatchObject({ stage, at: '2026-11-10T13:00:00.000Z' });
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('keeps the report of a feed whose rows were all rejected, for the options page', async () => {
    await syncDirectory([feedSource], environment(() => okResponse(jsonFeed([feedPerson('x@example.com', { capacity: 'lots' })]))).env);
    expect((await stateOf(feedSource.id))?.report?.invalid).toEqual([{ index: 0, field: 'capacity', message: expect.any(String) }]);
  });

  it('replaces the copy when the content changes, and does not re-store an identical download', async () => {
    await syncDirectory([feedSource], environment(() => okResponse()).env);
    const same = await syncDirectory([feedSource], environment(() => okResponse(goodFeed, { etag: '"v2"' })).env);
    expect(same.saved).toBeUndefined();
    expect((await stateOf(feedSource.id))?.etag).toBe('"v2"');
    const changed = await syncDirectory([feedSource], environment(() => okResponse(jsonFeed([feedPerson('cy@example.com')]))).env);
    expect(changed.saved?.count).toBe(1);
    expect(await storedIds()).toEqual(['cy@example.com']);
  });

  it('does not fetch a user feed without host access; a policy feed is tried anyway', async () => {
    const { env, fetch } = environment(() => okResponse(), { canFetch: () => Promise.resolve(false) });
    const result = await syncDirectory([feedSource], env);
    expect(fetch).not.toHaveBeenCalled();
    expect(result.sources[0]!.message).toMatch(/no access to https:\/\/intranet.example.com/);
    expect((await stateOf(feedSource.id))?.lastError?.stage).toBe('permission');

    const policySource: DirectorySource = { ...feedSource, id: `policy:${FEED_URL}`, locked: true };
    expect((await syncDirectory([policySource], env)).ok).toBe(true);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('keeps the previous copy when storing the new one fails', async () => {
    await syncDirectory([feedSource], environment(() => okResponse()).env);
    // The first write with a copy fails (the mark written before reading has none).
    let full = false;
    const repository = {
      ...indexedDbRepository,
      saveSource: vi.fn(async (_state: unknown, copy?: unknown) => {
        if (copy && !full) {
          full = true;
          throw new Error('QuotaExceededError');
        }
      }),
    };
    const result = await syncDirectory([feedSource], environment(() => okResponse(jsonFeed([feedPerson('cy@example.com')])), { repository }).env);
    expect(result.ok).toBe(false);
    expect(repository.saveSource).toHaveBeenLastCalledWith(expect.objectContaining({ ok: false, lastError: expect.objectContaining({ stage: 'storage' }) }));
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com']);
  });

  it('reports a failed directory save without losing the stored one', async () => {
    await syncDirectory([feedSource], environment(() => okResponse()).env);
    const repository = { ...indexedDbRepository, saveDirectory: vi.fn().mockRejectedValue(new Error('disk full')) };
    const result = await syncDirectory([feedSource, demoSource], environment(() => okResponse(), { repository }).env);
    expect(result.ok).toBe(false);
    expect(result.sources.at(-1)).toEqual({ id: 'directory', ok: false, message: expect.stringContaining('disk full') });
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com']);
  });
});

describe('syncing with a second thread', () => {
  const bigFeed = jsonFeed(Array.from({ length: 30 }, (_, i) => feedPerson(`p${i}@example.com`, { department: i < 15 ? 'Data' : 'Finance' })));
  const parallel = (options: Parameters<typeof inProcessWorker>[0] = {}) => {
    const started: ReturnType<typeof inProcessWorker>[] = [];
    const value = {
      startWorker: () => {
        const worker = inProcessWorker(options);
        started.push(worker);
        return worker.worker;
      },
      joinIndexes: joinMatchIndexes,
      minBytes: 0,
    };
    return { value, started };
  };
  const realIndex = { buildIndex: (entries: readonly DirectoryEntry[]) => buildMatchIndex(entries) };

  it('reads a feed in the worker in the encoding its bytes tell: an Excel export in Windows-1252 keeps its accents', async () => {
    const { value } = parallel();
    const excel = new Response(fixtureBytes('excel-de-DE.csv'), { status: 200, headers: { 'content-type': 'text/csv' } });
    const later = { ...realIndex, parallel: value, now: () => new Date('2026-11-20T12:00:00Z') };
    await syncDirectory([feedSource], environment(() => excel, later).env);
    const names = (await loadAllEntries()).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['Jürgen Müller', 'Zoë Weiß']));
    expect((await stateOf(feedSource.id))?.report?.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('stores both halves, indexes them as one and frees the worker', async () => {
    const { value, started } = parallel();
    const result = await syncDirectory([feedSource, demoSource], environment(() => okResponse(bigFeed), { ...realIndex, parallel: value }).env);
    expect(result.ok).toBe(true);
    expect(result.saved?.sources).toEqual([
      { id: feedSource.id, label: 'Intranet', count: 30 },
      { id: 'demo', label: 'Demo', count: DEMO_DIRECTORY_SIZE },
    ]);
    // No copy to compare with: the digest was taken while the worker parsed.
    expect(await stateOf(feedSource.id)).toMatchObject({ ok: true, count: 30, message: '30 entries', contentHash: await sha256(new TextEncoder().encode(bigFeed)) });
    const stored = await loadAllEntries();
    expect(stored).toHaveLength(30 + DEMO_DIRECTORY_SIZE);
    expect(new Set(stored.map((entry) => entry.id)).size).toBe(stored.length);
    const loaded = await loadDirectoryIndex();
    expect(loaded?.index).toEqual(buildMatchIndex(stored));
    expect(started.map(({ calls }) => calls)).toEqual([{ parse: 1, read: 0, store: 1, released: 1 }]);
  });

  it('parses a large stored copy in halves too when another source changes', async () => {
    const first = parallel();
    await syncDirectory([feedSource, demoSource], environment(() => okResponse(bigFeed), { ...realIndex, parallel: first.value }).env);
    const later = parallel();
    const result = await syncDirectory([feedSource, demoSource], environment(() => okResponse(bigFeed), { ...realIndex, parallel: later.value, now: () => new Date('2026-11-11T12:00:00Z') }).env, 'demo');
    // A new day: the directory is merged again, the feed from its stored copy, by two threads.
    expect(result.saved?.count).toBe(30 + DEMO_DIRECTORY_SIZE);
    expect(later.started.map(({ calls }) => calls)).toEqual([{ parse: 1, read: 0, store: 1, released: 1 }]);
    expect(await loadDirectoryIndex()).toMatchObject({ index: buildMatchIndex(await loadAllEntries()) });
  });

  it('finds the same content unchanged once parsed, and stores nothing again', async () => {
    const { value } = parallel();
    const noValidators = () => new Response(bigFeed, { status: 200, headers: { 'content-type': 'application/json' } });
    const first = await syncDirectory([feedSource], environment(noValidators, { ...realIndex, parallel: value }).env);
    expect(first.saved?.count).toBe(30);
    const repository = { ...indexedDbRepository, saveDirectory: vi.fn(indexedDbRepository.saveDirectory) };
    const again = await syncDirectory([feedSource], environment(noValidators, { ...realIndex, parallel: value, repository }).env);
    expect(again).toMatchObject({ ok: true, sources: [{ id: feedSource.id, ok: true, message: 'Not changed: 30 entries' }] });
    expect(again.saved).toBeUndefined();
    expect(repository.saveDirectory).not.toHaveBeenCalled();
  });

  it('parses in one thread when the worker fails, and keeps the stored directory when its save fails', async () => {
    // No copy yet, so the worker was to compute the digest: the sync computes it itself.
    const crashing = parallel({ fail: 'parse' });
    const fellBack = await syncDirectory([feedSource], environment(() => okResponse(bigFeed), { ...realIndex, parallel: crashing.value }).env);
    expect(fellBack.saved?.count).toBe(30);
    expect((await stateOf(feedSource.id))?.contentHash).toBe(await sha256(new TextEncoder().encode(bigFeed)));
    expect(crashing.started[0]!.calls.released).toBeGreaterThan(0);

    const failing = parallel({ fail: 'store' });
    const changed = bigFeed.replace('p0@example.com', 'q0@example.com');
    const result = await syncDirectory([feedSource], environment(() => okResponse(changed), { ...realIndex, parallel: failing.value }).env);
    expect(result.ok).toBe(false);
    expect(result.sources.at(-1)).toEqual({ id: 'directory', ok: false, message: expect.stringContaining('worker crashed') });
    expect(await storedIds()).toContain('p0@example.com');
    expect(await storedIds()).toHaveLength(30);
    expect(failing.started.every(({ calls }) => calls.released > 0)).toBe(true);
  });
});

describe('fetching', () => {
  it('gives up after the timeout', async () => {
    const hanging = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await expect(fetchFeed(FEED_URL, { fetch: hanging as typeof fetch, timeoutMs: 20 })).rejects.toMatchObject({ stage: 'timeout', message: 'The feed took too long to read: no complete answer from its server within 20 ms.' });
  });

  it('refuses a declared size over the cap without reading it', async () => {
    const response = new Response('x'.repeat(10), { headers: { 'content-length': String(200 * 1024 * 1024) } });
    await expect(fetchFeed(FEED_URL, { fetch: () => Promise.resolve(response) })).rejects.toMatchObject({ stage: 'size', message: expect.stringContaining('200 MB') });
  });

  it('stops reading a body that grows past the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(fetchFeed(FEED_URL, { fetch: () => Promise.resolve(new Response(endless)), maxBytes: 10 * 1024 })).rejects.toMatchObject({ stage: 'size' });
    expect(pulled).toBeLessThan(20);
  });

  it('decodes a body that arrives in pieces, a character split between two of them included', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë Ærø ’"}');
    const cuts = [0, 11, 12, 13, 17, bytes.length];
    const pieces = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 1; i < cuts.length; i++) controller.enqueue(bytes.slice(cuts[i - 1], cuts[i]));
        controller.close();
      },
    });
    const result = await fetchFeed(FEED_URL, { fetch: () => Promise.resolve(new Response(pieces)) });
    expect(result).toMatchObject({ kind: 'fetched', text: '{"name":"Zoë Ærø ’"}' });
    expect(result.kind === 'fetched' && [...result.bytes]).toEqual([...bytes]);
  });

  it('keeps a compact copy when the body arrives as a view into a larger buffer', async () => {
    const backing = new Uint8Array(4096);
    const body = new TextEncoder().encode('{"format":"x"}');
    backing.set(body, 100);
    const piece = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(backing.subarray(100, 100 + body.length));
        controller.close();
      },
    });
    const result = await fetchFeed(FEED_URL, { fetch: () => Promise.resolve(new Response(piece)) });
    expect(result.kind === 'fetched' && result.bytes.buffer.byteLength).toBe(body.length);
  });

  it('decodes UTF-8 and returns the validators', async () => {
    const result = await fetchFeed(FEED_URL, { fetch: () => Promise.resolve(okResponse('Zoë,Ærø')) });
    expect(result).toMatchObject({ kind: 'fetched', text: 'Zoë,Ærø', etag: '"v1"', contentType: 'application/json' });
  });
});

describe('the other sources', () => {
  it('stores the demo directory, and merges without it once it is turned off', async () => {
    const { env } = environment(() => okResponse());
    const first = await syncDirectory([demoSource, feedSource], env);
    expect(first.saved?.count).toBe(DEMO_DIRECTORY_SIZE + 2);
    const off = await syncDirectory([{ ...demoSource, enabled: false }, feedSource], env);
    expect(off.saved?.count).toBe(2);
    expect(off.sources.map((source) => source.id)).toEqual([feedSource.id]);
  });

  it('merges an imported file without fetching anything', async () => {
    const fileSource: DirectorySource = { id: 'file:1', kind: 'file', fileName: 'mentors.csv', label: 'mentors.csv', enabled: true, locked: false };
    const csv = 'Email address,Full name,Career stage,Languages,I agree to be listed,Timestamp\nfi@example.com,Fi,Senior,English,Yes,2026-11-01\n';
    const state = await importFile(fileSource, utf8(csv), { now, maxAgeDays: 365 });
    expect(state).toMatchObject({ ok: true, count: 1 });
    const { env, fetch } = environment(() => okResponse());
    expect((await syncDirectory([fileSource], env)).saved?.count).toBe(1);
    expect(fetch).not.toHaveBeenCalled();
    await expect(importFile(fileSource, utf8('Email\nnobody@example.com\n'), { now, maxAgeDays: 365 })).rejects.toThrow(/No usable entry/);
    // A refused file says why, row and column as written: no report of it is stored to open later.
    const broken = 'Email address,Full name,Career stage,Languages,I agree to be listed,Timestamp\nana@example.com,Ana,Sr. Wizard,English,Yes,2026-11-01\n';
    await expect(importFile(fileSource, utf8(broken), { now, maxAgeDays: 365 })).rejects.toThrow(/No usable entry .*Row 2, column 'Career stage': 'Sr\. Wizard' is not a career stage/);
  });

  it('reads an imported Excel export in its own encoding (Windows-1252): accents as written, a warning, and refuses a workbook', async () => {
    const fileSource: DirectorySource = { id: 'file:2', kind: 'file', fileName: 'excel-de-DE.csv', label: 'excel-de-DE.csv', enabled: true, locked: false };
    const bytes = fixtureBytes('excel-de-DE.csv');
    const state = await importFile(fileSource, bytes, { now: new Date('2026-11-20T12:00:00Z'), maxAgeDays: 365 });
    expect(state).toMatchObject({ ok: true });
    expect(state.report?.warnings.join(' ')).toMatch(/Windows-1252/);
    const { env } = environment(() => okResponse());
    const saved = await syncDirectory([fileSource], env);
    expect(saved.saved?.count).toBeGreaterThan(0);
    const names = (await loadAllEntries()).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['Jürgen Müller', 'Zoë Weiß']));
    expect(names.join('')).not.toContain('\uFFFD');
    const workbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    await expect(importFile(fileSource, workbook, { now, maxAgeDays: 365 })).rejects.toThrow(/Excel|spreadsheet|workbook|zip/i);
  });

  it('syncs only the source asked for, and still merges them all', async () => {
    const other: DirectorySource = { ...feedSource, id: 'url:https://other.example.com/feed.json', url: 'https://other.example.com/feed.json', label: 'Other' };
    await syncDirectory([feedSource], environment(() => okResponse()).env);
    const { env, fetch } = environment(() => okResponse(jsonFeed([feedPerson('cy@example.com')])));
    const result = await syncDirectory([feedSource, other], env, other.id);
    expect(fetch).toHaveBeenCalledOnce();
    expect(result.sources.map((source) => source.id)).toEqual([other.id]);
    expect(await storedIds()).toEqual(['ada@example.com', 'bob@example.com', 'cy@example.com']);
    expect((await loadDirectoryMeta())?.sources.map((source) => source.count)).toEqual([2, 1]);
  });
});
