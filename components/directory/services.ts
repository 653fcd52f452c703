import type { DirectoryMeta, DirectoryPolicy, DirectorySource, SourceState } from '@/lib/directory';
import type { SyncSummary } from '@/lib/messages';

export type SourceView = DirectorySource & { state?: SourceState };

export interface DirectoryView {
  sources: SourceView[];
  meta?: DirectoryMeta;
  policy: DirectoryPolicy;
}

/** Everything the directory settings need from storage and the browser; injected so tests can drive them. */
export interface DirectoryServices {
  load(): Promise<DirectoryView>;
  /** Asks for host access to one origin. Call it first thing in a click handler: it needs the user's gesture. */
  requestAccess(origin: string): Promise<boolean>;
  addFeed(url: string): Promise<SyncSummary>;
  removeSource(id: string): Promise<SyncSummary>;
  setDemoEnabled(enabled: boolean): Promise<SyncSummary>;
  /** Checks and stores an imported file; throws (FeedFormatError) when nothing in it is usable. */
  importFile(file: { name: string; bytes: Uint8Array }): Promise<SyncSummary>;
  sync(sourceId?: string): Promise<SyncSummary>;
  /** Calls `listener` after any sync (the background announces it); returns the unsubscribe function. */
  onChanged(listener: () => void): () => void;
}
