export {
  DirectoryEntrySchema,
  FeedEntrySchema,
  FeedSchema,
  FEED_FORMAT,
  FEED_VERSION,
  entryId,
  type DirectoryEntry,
  
  type FeedEntry,
} from './entry';
export { FeedFormatError } from './errors';
export { detectFeedKind, parseFeed, parseFeedBytes,   } from './feed';
export { summariseReport } from './summary';
export { parseCsvFeed } from './csv';
export { parseJsonFeed } from './json';
export {
  
  
  type EntryIssue,
  type ParsedFeed,
  
} from './validate';
export { mergeSources,   } from './merge';
export { DEMO_DIRECTORY_SIZE, demoFeedEntries } from './demo';
export {
  CHUNK_SIZE,
  PART_SPAN,
  beginDirectoryWrite,
  commitDirectory,
  SupersededWriteError,
  
  putChunks,
  saveDirectory,
  loadDirectoryMeta,
  loadEntriesAt,
  loadAllEntries,
  loadStoredIndex,
  loadDirectorySnapshot,
  replaceIndex,
  
  type DirectoryMeta,
  
} from './store';
export {
  
  DEFAULT_DIRECTORY_SETTINGS,
  DirectorySettingsSchema,
  listSources,
  DEFAULT_MAX_AGE_DAYS,
  maxAgeDays,
  parseFeedUrl,
  parsePolicy,
  
  MAX_POLICY_FEEDS,
  labelForUrl,
  urlSourceId,
  type DirectoryPolicy,
  
  type DirectorySource,
  
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
export { checkJsonFeedInPieces,   } from './check';
;
export { fetchFeed, SyncFailure,   } from './sync-fetch';
;
export { CANCELLED_MESSAGE,  } from './sync-commit';
export { indexedDbRepository, type ParallelSync, type SyncEnvironment,  } from './sync-environment';
export {  SHAREABLE_FIELDS, entryProblems, entryToCsv, myEntry, type ShareableField } from './join';
export { count, describeIssue } from './messages';
