import type { DirectoryEntry } from './entry';
import { loadSourceCopy, loadSourceState, saveSource, type SourceCopy, type SourceState } from './source-store';
import type { FeedWorker } from './split';
import { currentDataEpoch, isDataEpoch, loadDirectoryMeta, saveDirectory, type DirectoryMeta } from './store';

/** What a sync is given: nothing in lib/directory touches the browser, so fetch, the index builder, threads and storage come from the caller. */
export interface SyncEnvironment {
  fetch: typeof fetch;
  now?: () => Date;
  /** Consent lifetime when an entry has no explicit expiry. */
  maxAgeDays: number;
  /** How long downloading one feed may take (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** How long reading one feed may take where a worker reads it (default READ_BUDGET_MS). */
  readBudgetMs?: number;
  maxBytes?: number;
  /** Whether Mutual holds host access to the URL; without it, a user's feed is not fetched. */
  canFetch?: (url: string) => Promise<boolean>;
  /** Builds the match index of the merged entries (lib/match's buildMatchIndex). */
  buildIndex: (entries: readonly DirectoryEntry[]) => unknown;
  /** Where a second thread is available: large JSON feeds are parsed, stored and indexed in halves. */
  parallel?: ParallelSync;
  repository?: SyncRepository;
}

export interface ParallelSync {
  /** A worker running FeedTail (lib/directory/split); may throw when none can start. */
  startWorker(): FeedWorker;
  /** lib/match's joinMatchIndexes: the index of this thread's entries with the workers' ones. */
  joinIndexes(indexes: readonly unknown[]): unknown;
  /** Feeds smaller than this (in bytes) take one thread; default SPLIT_MIN_BYTES. */
  minBytes?: number;
}

/** The storage sync needs; tests pass one that fails on purpose. */
export interface SyncRepository {
  loadState(id: string): Promise<SourceState | undefined>;
  loadCopy(id: string): Promise<SourceCopy | undefined>;
  saveSource(state: SourceState, copy?: SourceCopy): Promise<void>;
  loadMeta(): Promise<DirectoryMeta | undefined>;
  saveDirectory: typeof saveDirectory;
  /** Noted when a sync starts; "delete all my data" ends it, and the sync then writes nothing. */
  currentEpoch(): Promise<string>;
  isEpoch(epoch: string): Promise<boolean>;
}

export const indexedDbRepository: SyncRepository = {
  loadState: loadSourceState,
  loadCopy: loadSourceCopy,
  saveSource,
  loadMeta: loadDirectoryMeta,
  saveDirectory,
  currentEpoch: currentDataEpoch,
  isEpoch: isDataEpoch,
};
