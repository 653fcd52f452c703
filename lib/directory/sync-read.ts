import { demoFeedEntries } from './demo';
import { parseFeedInParallel, type FeedHints } from './feed';
import { worthSplitting, type PartWorker } from './split';
import type { ParallelSync } from './sync-environment';
import { acceptEntries, type AcceptOptions, type ParsedFeed } from './validate';

/**
 * Sync step 2, read: a feed's bytes parsed into entries and a report, in two threads when the feed
 * is large and a worker can start, and the demo generated.
 */

export function parseDemo(now: Date, maxAgeDays: number, label: string): ParsedFeed {
  const candidates = demoFeedEntries(now).map((value, index) => ({ at: { index }, value }));
  return acceptEntries(candidates, { now, maxAgeDays, source: label });
}

/** The sync's worker for one feed, warmed up while it downloads. */
export type EarlyWorker = ParallelSync & { warm(bytes: number): void };

/**
 * The sync's worker for one feed, started as soon as the feed is known to be large: a worker
 * starts only while this thread is idle, as it is during the download, not during the parse.
 */
export function earlyWorker(parallel: ParallelSync): EarlyWorker {
  let worker: PartWorker | undefined;
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

/** A feed's bytes as entries; FeedFormatError when the feed as a whole is unusable. */
export function readFeed(feed: { bytes: Uint8Array; text?: string }, options: AcceptOptions & FeedHints, parallel?: ParallelSync & { whileWaiting?: () => void }): Promise<ParsedFeed> {
  return parseFeedInParallel(feed, options, parallel);
}
