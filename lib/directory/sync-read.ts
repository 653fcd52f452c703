import { errorMessage } from '../errors';
import { decodeUtf8 } from './bytes';
import { demoFeedEntries } from './demo';
import { detectFeedKind, parseFeedInParallel, type FeedHints } from './feed';
import { FeedFormatError } from './errors';
import { started, worthSplitting, type FeedWorker } from './split';
import type { ParallelSync } from './sync-environment';
import { SyncFailure } from './sync-fetch';
import { acceptEntries, type AcceptOptions, type ParsedFeed } from './validate';

/**
 * Sync step 2, read: a feed's bytes parsed into entries and a report, and the demo generated.
 * Where a worker can start, a feed is read there, within a time budget: a feed that takes longer
 * (however it was crafted) fails its own source with "took too long to read", the worker is ended,
 * and the other sources sync. A large JSON feed is read in two threads (lib/directory/split).
 * Without workers (Chromium's service worker when no offscreen document opens, the CLI) the feed is
 * read in this thread, bounded only by the parser's own limits.
 */

/** How long reading one feed may take; a 100k-entry feed takes about 1 s (bench/directory). */
const READ_BUDGET_MS = 20_000;
/** Enough of a feed's start to tell JSON from CSV. */
const SNIFF_BYTES = 1024;

export function parseDemo(now: Date, maxAgeDays: number, label: string): ParsedFeed {
  const candidates = demoFeedEntries(now).map((value, index) => ({ at: { index }, value }));
  return acceptEntries(candidates, { now, maxAgeDays, source: label });
}

/** The sync's worker for one feed, warmed up while it downloads. */
type EarlyWorker = ParallelSync & { warm(bytes: number): void };

/**
 * The sync's worker for one feed, started as soon as the feed is known to be large: a worker
 * starts only while this thread is idle, as it is during the download, not during the parse.
 */
export function earlyWorker(parallel: ParallelSync): EarlyWorker {
  let worker: FeedWorker | undefined;
  const startWorker = () => (worker ??= parallel.startWorker());
  return {
    ...parallel,
    startWorker,
    warm: (bytes) => {
      if (worker || !worthSplitting(bytes, parallel)) return;
      try {
        startWorker();
      } catch {
        // parseFeedInParallel tries again, then parses in one thread.
      }
    },
  };
}

function tooSlow(budgetMs: number): SyncFailure {
  const limit = budgetMs >= 1000 ? `${Math.round(budgetMs / 1000)} s` : `${budgetMs} ms`;
  return new SyncFailure('timeout', `The feed took too long to read (more than ${limit}): it was not used. A feed this slow to read is malformed or far larger than a directory; check it with "mutual directory check".`);
}

/** `reading`, or SyncFailure('timeout') once `budgetMs` have passed, when `stop` ends the work. */
async function withinBudget<T>(reading: Promise<T>, budgetMs: number, stop: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop();
      reject(tooSlow(budgetMs));
    }, budgetMs);
  });
  try {
    return await Promise.race([reading, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The whole feed read by a worker, which keeps its entries to store them (they come back as `inWorker`). */
async function readInWorker(bytes: Uint8Array, options: AcceptOptions & FeedHints, worker: FeedWorker): Promise<ParsedFeed> {
  const { contentType, name, source } = options;
  const request = {
    // A copy: these bytes are also stored and hashed here, and the worker's are transferred.
    bytes: bytes.slice(),
    now: options.now.toISOString(),
    maxAgeDays: options.maxAgeDays,
    ...(source ? { source } : {}),
    ...(contentType ? { contentType } : {}),
    ...(name ? { name } : {}),
  };
  let parsed: Awaited<ReturnType<FeedWorker['read']>>;
  try {
    parsed = await worker.read(request);
  } catch (error) {
    if (error instanceof FeedFormatError) throw error;
    // The worker ran and stopped while reading (out of memory, most often): this feed did it.
    throw new SyncFailure('crash', `Reading the feed stopped Mutual's reader (${errorMessage(error)}): it was not used.`);
  }
  const { report, name: feedName, ids, updatedAt } = parsed;
  return { ...(feedName ? { name: feedName } : {}), entries: [], report, inWorker: { worker, ids, updatedAt, drop: new Set() } };
}

/** A worker that started, or undefined when none can here (then this thread reads). */
async function runningWorker(parallel: ParallelSync): Promise<FeedWorker | undefined> {
  let worker: FeedWorker | undefined;
  try {
    worker = parallel.startWorker();
    await started(worker);
    return worker;
  } catch {
    worker?.release();
    return undefined;
  }
}

export interface ReadOptions {
  parallel?: ParallelSync & { whileWaiting?: () => void };
  budgetMs?: number;
}

/** A feed's bytes as entries; FeedFormatError when the feed as a whole is unusable, SyncFailure when it takes too long. */
export async function readFeed(feed: { bytes: Uint8Array; text?: string }, options: AcceptOptions & FeedHints, { parallel, budgetMs = READ_BUDGET_MS }: ReadOptions = {}): Promise<ParsedFeed> {
  if (!parallel) return parseFeedInParallel(feed, options);
  const large = worthSplitting(feed.bytes.length, parallel);
  const kind = detectFeedKind(feed.text ?? decodeUtf8(feed.bytes.subarray(0, SNIFF_BYTES)), options);
  const worker = large && kind === 'json' ? undefined : await runningWorker(parallel);
  const stop = () => worker?.release();
  // A large JSON feed's halves: the worker's half is bounded by the budget, this thread's by the parser.
  const reading = worker ? readInWorker(feed.bytes, options, worker) : parseFeedInParallel(feed, options, parallel);
  // Once given up on, its end (a rejection from the released worker) matters to nobody.
  reading.catch(() => undefined);
  return withinBudget(reading, budgetMs, stop);
}
