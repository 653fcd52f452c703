import { loadDirectoryIndex } from '../../lib/match';
import {
  loadEntriesAt,
  mergeSources,
  saveDirectory,
  syncDirectory,
  type DirectorySource,
} from '../../lib/directory';
import { connectFeedWorker } from '../../lib/directory/feed-worker';
import { decodeUtf8, sha256 } from '../../lib/directory/bytes';
import { fetchFeed, type SyncEnvironment } from '../../lib/directory';
import { acceptEntries } from '../../lib/directory/validate';
import { buildMatchIndex, joinMatchIndexes, rank } from '../../lib/match';
import { emptyProfile } from '../../lib/profile/model';
import { closeMutualDb, DB_NAME } from '../../lib/storage/db';

/**
 * Runs in Chromium: the real sync end to end on an empty database with a worker for half the feed
 * (and again, answered by a 304), then the popup's load (open the database, read the index, rank, read the top 20 entries), then
 * the same lib/ code timed step by step.
 */
type Timings = Record<string, number>;

async function timed<T>(timings: Timings, name: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

async function deleteDatabase(): Promise<void> {
  closeMutualDb();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function steps(feedUrl: string, now: Date): Promise<Timings> {
  const timings: Timings = {};
  const options = { now, maxAgeDays: 365, source: 'Bench' };
  const fetched = await timed(timings, 'download + decode (as it arrives)', () => fetchFeed(feedUrl, { fetch: (input, init) => fetch(input, init) }));
  if (fetched.kind !== 'fetched') throw new Error('no feed');
  await timed(timings, 'SHA-256 (off thread during the sync)', () => sha256(fetched.bytes));
  const text = fetched.text ?? decodeUtf8(fetched.bytes);
  const feed = await timed(timings, 'JSON.parse', () => JSON.parse(text) as { entries: unknown[] });
  const parsed = await timed(timings, 'validate (schema, consent, expiry, dupes)', () =>
    acceptEntries(feed.entries.map((value, index) => ({ at: { index }, value })), options),
  );
  const merged = await timed(timings, 'merge', () => mergeSources([{ id: 'bench', label: 'Bench', entries: parsed.entries }], options));
  const index = await timed(timings, 'build match index', () => buildMatchIndex(merged.entries));
  await timed(timings, 'store (chunks, then index and switch-over)', () => saveDirectory(merged.entries, { buildIndex: () => index, version: 'steps', sources: merged.sources }));
  return timings;
}

/** As the extension's sync host starts them (platform/feed-worker.ts): a module worker per large feed. */
const parallel = {
  startWorker: () => connectFeedWorker(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })),
  joinIndexes: joinMatchIndexes,
};

function syncEnvironment(withWorker: boolean): SyncEnvironment {
  return {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    maxAgeDays: 365,
    buildIndex: buildMatchIndex,
    ...(withWorker ? { parallel } : {}),
  };
}

/** One first sync on an empty database; ms. */
async function firstSync(source: DirectorySource, withWorker: boolean): Promise<number> {
  await deleteDatabase();
  const start = performance.now();
  const result = await syncDirectory([source], syncEnvironment(withWorker));
  if (!result.saved) throw new Error(`sync failed: ${JSON.stringify(result.sources)}`);
  return Math.round(performance.now() - start);
}

/**
 * The first sync on this fresh page (nothing warm yet, as in a browser that just started), the
 * same again answered by a 304, then rounds of first syncs with and without the worker, taken in
 * turns so that the machine's ups and downs hit both alike.
 */
async function syncs(feedUrl: string, rounds: number): Promise<{ timings: Timings; rounds: Record<string, number[]> }> {
  const timings: Timings = {};
  const source: DirectorySource = { id: `url:${feedUrl}`, kind: 'url', url: feedUrl, label: 'Bench', enabled: true, locked: false };
  timings['first sync on a cold page (two threads)'] = await firstSync(source, true);
  const again = await timed(timings, 'sync again (304 Not Modified)', () => syncDirectory([source], syncEnvironment(true)));
  if (!again.ok || again.saved) throw new Error(`unexpected second sync: ${JSON.stringify(again)}`);
  const byMode: Record<string, number[]> = { 'two threads': [], 'one thread': [] };
  for (let round = 0; round < rounds; round++) {
    byMode['one thread']!.push(await firstSync(source, false));
    byMode['two threads']!.push(await firstSync(source, true));
  }
  return { timings, rounds: byMode };
}

async function load(now: Date): Promise<{ timings: Timings; count: number }> {
  const timings: Timings = {};
  closeMutualDb();
  const start = performance.now();
  const loaded = await timed(timings, 'open database + read index', () => loadDirectoryIndex());
  if (!loaded) throw new Error('nothing stored');
  const me = {
    ...emptyProfile(now),
    careerStage: 'senior' as const,
    teach: [{ name: 'Budgeting', level: 'expert' as const }],
    learn: [{ name: 'TikTok', priority: 'high' as const, ask: '' }],
  };
  const top = await timed(timings, 'rank (top 20)', () => rank(loaded.index, me, { mode: 'two-way', top: 20, now }));
  await timed(timings, 'read the top-20 entries', () => loadEntriesAt(top.map((match) => match.position)));
  timings['total: what the popup waits for'] = Math.round(performance.now() - start);
  return { timings, count: loaded.meta.count };
}

async function runBench(feedUrl: string, rounds: number) {
  const now = new Date();
  const synced = await syncs(feedUrl, rounds);
  const loaded = await load(now);
  await deleteDatabase();
  const stepTimings = await steps(feedUrl, now);
  return { steps: stepTimings, sync: synced.timings, rounds: synced.rounds, load: loaded.timings, count: loaded.count };
}

Object.assign(globalThis, { runBench });
