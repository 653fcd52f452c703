import { sha256 } from './bytes';
import { demoFeedEntries } from './demo';
import { FeedFormatError } from './errors';
import { parseFeed, parseFeedInParallel } from './feed';
import { mergeSources } from './merge';
import {
  loadSourceCopy,
  loadSourceState,
  saveSource,
  type SourceCopy,
  type SourceState,
  type StoredReport,
  type SyncStage,
} from './source-store';
import type { DirectorySource } from './sources';
import { loadDirectoryMeta, saveDirectory, type DirectoryMeta } from './store';
import type { DirectoryEntry } from './entry';
import { worthSplitting, type PartWorker, type RemoteEntries } from './split';
import { acceptEntries, type ParsedFeed, type ValidationReport } from './validate';

/**
 * Syncing: per source, fetch (conditionally) and validate; a source that fails keeps its last good
 * copy and records what failed. Then the last good copies of all enabled sources are merged and,
 * when that changed anything, indexed and stored. Nothing here touches the browser: fetch, the
 * index builder and storage are passed in.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** A realistic entry is about 750 bytes: 150 MB holds 200k people; anything larger is a mistake, not a directory. */
export const DEFAULT_MAX_BYTES = 150 * 1024 * 1024;
/** Invalid-row issues kept per source: enough to fix a feed, small enough to store. */
const STORED_ISSUES = 200;

export class SyncFailure extends Error {
  constructor(
    readonly stage: SyncStage,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export type FetchResult =
  | { kind: 'not-modified' }
  /** `text` is absent when the caller asked for bytes only (`decode: false`). */
  | { kind: 'fetched'; text?: string; bytes: Uint8Array; contentType: string | null; etag?: string; lastModified?: string };

export interface FetchOptions {
  fetch: typeof fetch;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Told the size as it becomes known (declared, then read so far): a large feed's worker starts meanwhile. */
  onSize?: (bytes: number) => void;
  /**
   * Whether to decode the body as it arrives (default). A sync with a worker decodes later, each
   * thread its own half, and would not use the whole text.
   */
  decode?: boolean;
}

function tooLarge(bytes: number, maxBytes: number): SyncFailure {
  return new SyncFailure('size', `The feed is larger than ${formatBytes(maxBytes)}${bytes ? ` (${formatBytes(bytes)})` : ''}: it was not read.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * Reads (and unless told not to, decodes) the body as it arrives (decoding a piece at a time
 * overlaps the download: measured with bench/directory), stopping as soon as it passes the cap, a
 * lying or absent Content-Length included.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  abort: () => void,
  { onSize, decode = true }: Pick<FetchOptions, 'onSize' | 'decode'>,
): Promise<{ bytes: Uint8Array; text?: string }> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    abort();
    throw tooLarge(declared, maxBytes);
  }
  if (declared) onSize?.(declared);
  if (!response.body) return { bytes: new Uint8Array(), ...(decode ? { text: '' } : {}) };
  const reader = response.body.getReader();
  const decoder = decode ? new TextDecoder('utf-8') : undefined;
  const parts: Uint8Array[] = [];
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      abort();
      throw tooLarge(0, maxBytes);
    }
    parts.push(value);
    onSize?.(size);
    if (decoder) text += decoder.decode(value, { stream: true });
  }
  const bytes = concat(parts, size);
  return decoder ? { bytes, text: text + decoder.decode() } : { bytes };
}

/** One compact array: a view into a larger buffer would store that whole buffer with the copy. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** One conditional GET with a timeout and a size cap; every failure becomes a SyncFailure saying what failed. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json, text/csv;q=0.9, */*;q=0.5' };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    // no-store: the browser cache must not turn the server's 304 into a 200 of its own copy.
    const response = await options.fetch(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'include' });
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      throw new SyncFailure('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    const { bytes, text } = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES, () => controller.abort(), options);
    return {
      kind: 'fetched',
      bytes,
      ...(text === undefined ? {} : { text }),
      contentType: response.headers.get('content-type'),
      ...optionalHeader('etag', response.headers.get('etag')),
      ...optionalHeader('lastModified', response.headers.get('last-modified')),
    };
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    if (timedOut) throw new SyncFailure('timeout', `No complete answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.`);
    throw new SyncFailure('network', `Could not reach ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

function optionalHeader<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

export function storedReport(report: ValidationReport): StoredReport {
  return {
    ...report,
    invalid: report.invalid.slice(0, STORED_ISSUES),
    invalidOmitted: Math.max(0, report.invalid.length - STORED_ISSUES),
    warnings: report.warnings.slice(0, 20),
  };
}

export function describeReport(report: ValidationReport): string {
  const parts = [`${report.valid} ${report.valid === 1 ? 'entry' : 'entries'}`];
  if (report.rejected) parts.push(`${report.rejected} rejected`);
  if (report.notOptedIn) parts.push(`${report.notOptedIn} not opted in`);
  if (report.expired) parts.push(`${report.expired} expired`);
  if (report.duplicates) parts.push(`${report.duplicates} duplicates`);
  return parts.join(', ');
}

export interface SyncEnvironment {
  fetch: typeof fetch;
  now?: () => Date;
  /** Consent lifetime when an entry has no explicit expiry. */
  maxAgeDays: number;
  timeoutMs?: number;
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
  startWorker(): PartWorker;
  /** lib/match's joinMatchIndexes: the index of this thread's entries with the workers' ones. */
  joinIndexes(indexes: readonly unknown[]): unknown;
  /** Feeds smaller than this (in bytes) take one thread; default SPLIT_MIN_BYTES. */
  minBytes?: number;
}

/**
 * The sync's worker for one feed, started as soon as the feed is known to be large: a worker
 * starts only while this thread is idle, as it is during the download, not during the parse.
 */
function earlyWorker(parallel: ParallelSync): ParallelSync & { warm(bytes: number): void } {
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

/** The storage sync needs; tests pass one that fails on purpose. */
export interface SyncRepository {
  loadState(id: string): Promise<SourceState | undefined>;
  loadCopy(id: string): Promise<SourceCopy | undefined>;
  saveSource(state: SourceState, copy?: SourceCopy): Promise<void>;
  loadMeta(): Promise<DirectoryMeta | undefined>;
  saveDirectory: typeof saveDirectory;
}

export const indexedDbRepository: SyncRepository = {
  loadState: loadSourceState,
  loadCopy: loadSourceCopy,
  saveSource,
  loadMeta: loadDirectoryMeta,
  saveDirectory,
};

interface SourceOutcome {
  state: SourceState;
  /** The feed as downloaded, to store; absent when the stored copy stays in use. */
  copy?: SourceCopy;
  /** The entries just parsed, so the merge does not read and parse the copy again. */
  entries?: DirectoryEntry[];
  remote?: RemoteEntries;
}

function initialState(source: DirectorySource): SourceState {
  return { id: source.id, label: source.label, ok: false, message: 'Not synced yet', count: 0 };
}

function failed(source: DirectorySource, previous: SourceState | undefined, stage: SyncStage, message: string, at: string, report?: StoredReport): SourceOutcome {
  const base = previous ?? initialState(source);
  const kept = base.lastGoodSync ? ` The copy from ${base.lastGoodSync.slice(0, 16).replace('T', ' ')} stays in use.` : '';
  return {
    state: {
      ...base,
      label: source.label,
      ok: false,
      message: message + kept,
      lastAttempt: at,
      lastError: { at, stage, message },
      ...(report ? { report } : {}),
    },
  };
}

function succeeded(source: DirectorySource, parsed: ParsedFeed, contentHash: string, at: string, validators: { etag?: string; lastModified?: string }): SourceState {
  return {
    id: source.id,
    label: source.label,
    ok: true,
    message: describeReport(parsed.report),
    lastAttempt: at,
    lastGoodSync: at,
    count: parsed.report.valid,
    report: storedReport(parsed.report),
    contentHash,
    ...validators,
  };
}

function parseDemo(now: Date, maxAgeDays: number, label: string): ParsedFeed {
  const candidates = demoFeedEntries(now).map((value, index) => ({ at: { index }, value }));
  return acceptEntries(candidates, { now, maxAgeDays, source: label });
}

/** The demo is generated, not downloaded: its "copy" is the code, so only its state is stored. */
async function syncDemo(source: DirectorySource, now: Date, maxAgeDays: number): Promise<SourceOutcome> {
  const parsed = parseDemo(now, maxAgeDays, source.label);
  const state = succeeded(source, parsed, await sha256(JSON.stringify(parsed.entries)), now.toISOString(), {});
  return { state, entries: parsed.entries };
}

async function syncUrl(source: Extract<DirectorySource, { kind: 'url' }>, previous: SourceState | undefined, env: SyncEnvironment, now: Date): Promise<SourceOutcome> {
  const at = now.toISOString();
  // Policy feeds are tried without the permission: the organization's server may allow Mutual by CORS.
  if (!source.locked && env.canFetch && !(await env.canFetch(source.url))) {
    return failed(source, previous, 'permission', `Mutual has no access to ${new URL(source.url).origin}. Remove the feed and add it again to allow it.`, at);
  }
  const hasCopy = Boolean(previous?.lastGoodSync && previous.contentHash);
  const parallel = env.parallel && earlyWorker(env.parallel);
  let result: FetchResult;
  try {
    result = await fetchFeed(source.url, {
      fetch: env.fetch,
      ...(parallel ? { onSize: parallel.warm, decode: false } : {}),
      ...(hasCopy && previous?.etag ? { etag: previous.etag } : {}),
      ...(hasCopy && previous?.lastModified ? { lastModified: previous.lastModified } : {}),
      ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
      ...(env.maxBytes ? { maxBytes: env.maxBytes } : {}),
    });
  } catch (error) {
    const failure = error instanceof SyncFailure ? error : new SyncFailure('network', String(error));
    return failed(source, previous, failure.stage, failure.message, at);
  }
  const unchanged = (state: SourceState, validators: Partial<Pick<SourceState, 'etag' | 'lastModified'>>): SourceOutcome => ({
    state: { ...state, ...validators, label: source.label, ok: true, message: `Not changed: ${state.count} entries`, lastAttempt: at, lastGoodSync: at },
  });
  if (result.kind === 'not-modified') {
    return previous && hasCopy ? unchanged(previous, {}) : failed(source, previous, 'http', 'The server answered 304 but Mutual has no copy yet.', at);
  }
  const options = { now, maxAgeDays: env.maxAgeDays, contentType: result.contentType, name: source.url, source: source.label };
  // The digest runs off this thread, but copying 70 MB for it costs this thread 100-270 ms: with a
  // worker, that happens while this thread waits for it. Content found unchanged only then was
  // parsed for nothing, which costs the background some CPU and the user no time.
  const late = parallel !== undefined && worthSplitting(result.bytes.length, parallel);
  let hashing = late ? undefined : sha256(result.bytes);
  const validators = { etag: result.etag, lastModified: result.lastModified };
  const isUnchanged = async () => Boolean(previous && hasCopy && previous.contentHash === (await hashing));
  if (!late && (await isUnchanged())) return unchanged(previous!, validators);
  let parsed: ParsedFeed;
  try {
    const whileWaiting = () => void (hashing ??= sha256(result.bytes));
    parsed = await parseFeedInParallel(result, options, parallel && { ...parallel, whileWaiting });
  } catch (error) {
    if (error instanceof FeedFormatError) return failed(source, previous, 'format', error.message, at);
    throw error;
  }
  hashing ??= sha256(result.bytes);
  const contentHash = await hashing;
  if (late && (await isUnchanged())) return unchanged(previous!, validators);
  if (!parsed.report.valid) {
    return failed(source, previous, 'empty', `No usable entry in the feed (${describeReport(parsed.report)}).`, at, storedReport(parsed.report));
  }
  const state = succeeded(source, parsed, contentHash, at, { ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) });
  const copy: SourceCopy = { body: result.bytes, contentType: result.contentType ?? '', name: source.url, contentHash, savedAt: at };
  return { state, copy, entries: parsed.entries, ...(parsed.remote ? { remote: parsed.remote } : {}) };
}

/** A file's content, read by the page that imported it, is checked and stored as that source's copy. */
export async function importFile(
  source: Extract<DirectorySource, { kind: 'file' }>,
  text: string,
  options: { now?: Date; maxAgeDays: number; repository?: SyncRepository },
): Promise<SourceState> {
  const now = options.now ?? new Date();
  const parsed = parseFeed(text, { now, maxAgeDays: options.maxAgeDays, name: source.fileName });
  if (!parsed.entries.length) throw new FeedFormatError(`No usable entry in ${source.fileName} (${describeReport(parsed.report)}).`);
  const body = new TextEncoder().encode(text);
  const contentHash = await sha256(body);
  const at = now.toISOString();
  const state = succeeded(source, parsed, contentHash, at, {});
  await (options.repository ?? indexedDbRepository).saveSource(state, { body, contentType: '', name: source.fileName, contentHash, savedAt: at });
  return state;
}

function syncOne(source: DirectorySource, previous: SourceState | undefined, env: SyncEnvironment, now: Date): Promise<SourceOutcome> {
  switch (source.kind) {
    case 'demo':
      return syncDemo(source, now, env.maxAgeDays);
    case 'url':
      return syncUrl(source, previous, env, now);
    case 'file':
      // Nothing to fetch: the imported copy stays until the user imports the file again.
      return Promise.resolve(previous ? { state: previous } : failed(source, undefined, 'format', 'The imported file was not stored. Import it again.', now.toISOString()));
  }
}

/** Stores a source's outcome; when that fails, records the failure so the old copy visibly stays in use. */
async function storeOutcome(source: DirectorySource, outcome: SourceOutcome, previous: SourceState | undefined, repository: SyncRepository, now: Date): Promise<SourceState> {
  try {
    await repository.saveSource(outcome.state, outcome.copy);
    return outcome.state;
  } catch (error) {
    const stored = failed(source, previous, 'storage', error instanceof Error ? error.message : String(error), now.toISOString()).state;
    await repository.saveSource(stored).catch(() => undefined);
    return stored;
  }
}

export interface DirectorySyncResult {
  ok: boolean;
  sources: { id: string; ok: boolean; message: string }[];
  /** Set when a new directory was stored. */
  saved?: DirectoryMeta;
}

/**
 * Syncs `onlyId` (or every enabled source), then merges every enabled source's last good copy.
 * The directory is re-stored only when its version (the sources' content, the day, the maximum
 * age) differs from the stored one, so a sync where nothing changed writes nothing. Entries just
 * parsed are merged from memory; the directory and the sources' copies are written side by side.
 */
export async function syncDirectory(sources: readonly DirectorySource[], env: SyncEnvironment, onlyId?: string): Promise<DirectorySyncResult> {
  const started: PartWorker[] = [];
  const { parallel } = env;
  const tracked: SyncEnvironment = parallel
    ? {
        ...env,
        parallel: {
          ...parallel,
          startWorker: () => {
            const worker = parallel.startWorker();
            started.push(worker);
            return worker;
          },
        },
      }
    : env;
  try {
    return await syncSources(sources, tracked, onlyId);
  } finally {
    // Workers hold entries until stored; whatever happened, none outlives the sync.
    for (const worker of started) worker.release();
  }
}

async function syncSources(sources: readonly DirectorySource[], env: SyncEnvironment, onlyId?: string): Promise<DirectorySyncResult> {
  const repository = env.repository ?? indexedDbRepository;
  const now = env.now?.() ?? new Date();
  const enabled = sources.filter((source) => source.enabled);
  const previous = await Promise.all(enabled.map((source) => repository.loadState(source.id).catch(() => undefined)));
  const outcomes = await Promise.all(
    enabled.map((source, i): Promise<SourceOutcome | undefined> => (onlyId === undefined || source.id === onlyId ? syncOne(source, previous[i], env, now) : Promise.resolve(undefined))),
  );
  // A source whose new copy cannot be stored must not enter the directory either: its old copy stays in use.
  const stored = Promise.all(outcomes.map((outcome, i) => (outcome ? storeOutcome(enabled[i]!, outcome, previous[i], repository, now) : previous[i])));
  const states = outcomes.map((outcome, i) => outcome?.state ?? previous[i]);
  const saved = mergeAndSave(enabled, states, outcomes, env, repository, now).then(
    (meta) => ({ meta }),
    (error: unknown) => ({ error }),
  );
  const [finalStates, merge] = await Promise.all([stored, saved]);
  const result: DirectorySyncResult = {
    ok: true,
    sources: enabled.flatMap((source, i) => {
      if (!outcomes[i]) return [];
      const state = finalStates[i];
      return [{ id: source.id, ok: state?.ok ?? false, message: state?.message ?? 'Not synced yet' }];
    }),
  };
  const storageFailed = finalStates.some((state, i) => outcomes[i] && state !== outcomes[i]!.state);
  if ('error' in merge) {
    const { error } = merge;
    result.sources.push({ id: 'directory', ok: false, message: `The merged directory was not saved: ${error instanceof Error ? error.message : String(error)}` });
  } else if (storageFailed) {
    // The directory was merged from entries whose copy could not be stored: merge again from what is stored.
    await mergeAndSave(enabled, finalStates, [], env, repository, now).catch(() => undefined);
  } else if (merge.meta) {
    result.saved = merge.meta;
  }
  result.ok = result.sources.every((source) => source.ok);
  return result;
}

type SourceParts = Pick<SourceOutcome, 'remote'> & { entries: DirectoryEntry[] };

/** Entries of one source for the merge: just parsed, generated (demo), or parsed again from its stored copy. */
async function entriesOf(source: DirectorySource, outcome: SourceOutcome | undefined, env: SyncEnvironment, repository: SyncRepository, now: Date): Promise<SourceParts> {
  if (outcome?.entries) return { entries: outcome.entries, ...(outcome.remote ? { remote: outcome.remote } : {}) };
  if (source.kind === 'demo') return { entries: parseDemo(now, env.maxAgeDays, source.label).entries };
  const copy = await repository.loadCopy(source.id);
  if (!copy) return { entries: [] };
  try {
    const options = { now, maxAgeDays: env.maxAgeDays, contentType: copy.contentType, name: copy.name, source: source.label };
    const { entries, remote } = await parseFeedInParallel({ bytes: copy.body }, options, env.parallel);
    return { entries, ...(remote ? { remote } : {}) };
  } catch {
    // A copy that no longer parses (rules changed since) contributes nothing; its state still shows the last sync.
    return { entries: [] };
  }
}

async function mergeAndSave(
  sources: readonly DirectorySource[],
  states: readonly (SourceState | undefined)[],
  outcomes: readonly (SourceOutcome | undefined)[],
  env: SyncEnvironment,
  repository: SyncRepository,
  now: Date,
): Promise<DirectoryMeta | undefined> {
  const parts = sources.map((source, i) => [source.id, source.label, states[i]?.contentHash ?? '']);
  const version = (await sha256(JSON.stringify([parts, now.toISOString().slice(0, 10), env.maxAgeDays]))).slice(0, 16);
  if ((await repository.loadMeta())?.version === version) return undefined;
  // One after another: each large copy parsed again takes both threads.
  const held: SourceParts[] = [];
  for (const [i, source] of sources.entries()) held.push(await entriesOf(source, outcomes[i], env, repository, now));
  const merged = mergeSources(
    sources.map((source, i) => ({ id: source.id, label: source.label, ...held[i]! })),
    { now, maxAgeDays: env.maxAgeDays },
  );
  return repository.saveDirectory(merged.entries, {
    buildIndex: () => env.buildIndex(merged.entries),
    version,
    sources: merged.sources,
    duplicates: merged.duplicates,
    now,
    remoteParts: merged.remote.map(({ worker, drop }) => (firstKey: number) => worker.store({ drop, firstKey })),
    ...(env.parallel ? { joinIndexes: env.parallel.joinIndexes } : {}),
  });
}
