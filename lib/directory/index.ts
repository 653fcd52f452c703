export {
  DirectoryEntrySchema,
  FeedEntrySchema,
  FeedSchema,
  FEED_FORMAT,
  FEED_VERSION,
  entryId,
  type DirectoryEntry,
  type Feed,
  type FeedEntry,
} from './entry';
export { FeedFormatError } from './errors';
export { detectFeedKind, parseFeed, parseFeedBytes, type FeedHints, type FeedKind } from './feed';
export { summariseReport } from './summary';
export { parseCsvFeed } from './csv';
export { parseJsonFeed } from './json';
export {
  DEFAULT_MAX_AGE_DAYS,
  isExpired,
  expiryTime,
  type EntryIssue,
  type ParsedFeed,
  type ValidationReport,
} from './validate';
export { mergeSources, type MergedDirectory, type SourceEntries } from './merge';
export { DEMO_DIRECTORY_SIZE, demoFeedEntries } from './demo';
export {
  CHUNK_SIZE,
  PART_SPAN,
  beginDirectoryWrite,
  commitDirectory,
  SupersededWriteError,
  type DirectoryWrite,
  putChunks,
  saveDirectory,
  loadDirectoryMeta,
  loadEntriesAt,
  loadAllEntries,
  loadStoredIndex,
  loadDirectorySnapshot,
  replaceIndex,
  type DirectoryCommit,
  type DirectoryMeta,
  type SaveDirectoryOptions,
} from './store';
export {
  DEMO_SOURCE_ID,
  DEFAULT_DIRECTORY_SETTINGS,
  DirectorySettingsSchema,
  listSources,
  maxAgeDays,
  parseFeedUrl,
  parsePolicy,
  feedUrlProblem,
  MAX_POLICY_FEEDS,
  labelForUrl,
  urlSourceId,
  type DirectoryPolicy,
  type DirectorySettings,
  type DirectorySource,
  type UserSource,
} from './sources';
export {
  loadDirectorySettings,
  updateDirectorySettings,
  loadSourceStates,
  deleteSource,
  type SourceState,
  type StoredReport,
  type SyncStage,
} from './source-store';
export { syncDirectory, importFile } from './sync';
export { checkJsonFeedInPieces, PIECE_BYTES, type CheckedFeed } from './check';
export { FEED_LIMITS, ISSUES_KEPT, ISSUES_PER_KIND, cappedReport, recordIssue } from './report';
export { fetchFeed, SyncFailure, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './sync-fetch';
export { describeReport } from './sync-validate';
export { CANCELLED_MESSAGE, type DirectorySyncResult } from './sync-commit';
export { indexedDbRepository, type ParallelSync, type SyncEnvironment, type SyncRepository } from './sync-environment';
export { ALWAYS_SHARED, SHAREABLE_FIELDS, entryProblems, entryToCsv, myEntry, type ShareableField } from './join';
