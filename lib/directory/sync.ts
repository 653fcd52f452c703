import { demoFeedEntries } from './demo';
import { FeedFormatError } from './errors';
import { parseFeed } from './feed';
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
import { acceptEntries, type ParsedFeed, type ValidationReport } from './validate';

/**
 * Syncing: per source, fetch (conditionally) and validate; a source that fails keeps its last good
 * copy and records what failed. Then the last good copies of all enabled sources are merged and,
 * when that changed anything, indexed and stored. Nothing here touches the browser: fetch, the
 * index builder and storage are passed in.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** 50 MB holds about 150k entries; a larger download is far more likely a mistake than a directory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
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
  | { kind: 'fetched'; text: string; bytes: Uint8Array; contentType: string | null; etag?: string; lastModified?: string };

export interface FetchOptions {
  fetch: typeof fetch;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

function tooLarge(bytes: number, maxBytes: number): SyncFailure {
  return new SyncFailure('size', `The feed is larger than ${formatBytes(maxBytes)}${bytes ? ` (${formatBytes(bytes)})` : ''}: it was not read.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** Reads the body, stopping as soon as it passes the cap (a lying or absent Content-Length included). */
async function readCapped(response: Response, maxBytes: number, abort: () => void): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    abort();
    throw tooLarge(declared, maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
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
  }
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
    const bytes = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES, () => controller.abort());
    return {
      kind: 'fetched',
      bytes,
      text: new TextDecoder('utf-8').decode(bytes),
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

export async function sha256(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
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
  repository?: SyncRepository;
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
  /** A new copy to store; absent when the stored one stays in use. */
  copy?: SourceCopy;
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

function succeeded(source: DirectorySource, parsed: ParsedFeed, contentHash: string, at: string, validators: { etag?: string; lastModified?: string }): SourceOutcome {
  const state: SourceState = {
    id: source.id,
    label: source.label,
    ok: true,
    message: describeReport(parsed.report),
    lastAttempt: at,
    lastGoodSync: at,
    count: parsed.entries.length,
    report: storedReport(parsed.report),
    contentHash,
    ...validators,
  };
  return { state, copy: { entries: parsed.entries, contentHash, savedAt: at } };
}

async function syncDemo(source: DirectorySource, now: Date, maxAgeDays: number): Promise<SourceOutcome> {
  const candidates = demoFeedEntries(now).map((value, index) => ({ at: { index }, value }));
  const parsed = acceptEntries(candidates, { now, maxAgeDays });
  return succeeded(source, parsed, await sha256(JSON.stringify(parsed.entries)), now.toISOString(), {});
}

async function syncUrl(source: Extract<DirectorySource, { kind: 'url' }>, previous: SourceState | undefined, env: SyncEnvironment, now: Date): Promise<SourceOutcome> {
  const at = now.toISOString();
  // Policy feeds are tried without the permission: the organization's server may allow Mutual by CORS.
  if (!source.locked && env.canFetch && !(await env.canFetch(source.url))) {
    return failed(source, previous, 'permission', `Mutual has no access to ${new URL(source.url).origin}. Remove the feed and add it again to allow it.`, at);
  }
  const hasCopy = Boolean(previous?.lastGoodSync && previous.contentHash);
  let result: FetchResult;
  try {
    result = await fetchFeed(source.url, {
      fetch: env.fetch,
      ...(hasCopy && previous?.etag ? { etag: previous.etag } : {}),
      ...(hasCopy && previous?.lastModified ? { lastModified: previous.lastModified } : {}),
      ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
      ...(env.maxBytes ? { maxBytes: env.maxBytes } : {}),
    });
  } catch (error) {
    const failure = error instanceof SyncFailure ? error : new SyncFailure('network', String(error));
    return failed(source, previous, failure.stage, failure.message, at);
  }
  if (result.kind === 'not-modified') {
    if (!previous || !hasCopy) return failed(source, previous, 'http', 'The server answered 304 but Mutual has no copy yet.', at);
    return { state: { ...previous, label: source.label, ok: true, message: `Not changed: ${previous.count} entries`, lastAttempt: at, lastGoodSync: at } };
  }
  const contentHash = await sha256(result.bytes);
  const validators = { ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) };
  if (previous && hasCopy && previous.contentHash === contentHash) {
    const { etag: _etag, lastModified: _lastModified, ...rest } = previous;
    return { state: { ...rest, ...validators, label: source.label, ok: true, message: `Not changed: ${previous.count} entries`, lastAttempt: at, lastGoodSync: at } };
  }
  let parsed: ParsedFeed;
  try {
    parsed = parseFeed(result.text, { now, maxAgeDays: env.maxAgeDays, contentType: result.contentType, name: source.url });
  } catch (error) {
    if (error instanceof FeedFormatError) return failed(source, previous, 'format', error.message, at);
    throw error;
  }
  if (!parsed.entries.length) {
    return failed(source, previous, 'empty', `No usable entry in the feed (${describeReport(parsed.report)}).`, at, storedReport(parsed.report));
  }
  return succeeded(source, parsed, contentHash, at, validators);
}

/** A file's content was read by the page that imported it: parsed here, stored as that source's copy. */
export async function importFile(
  source: Extract<DirectorySource, { kind: 'file' }>,
  text: string,
  options: { now?: Date; maxAgeDays: number; repository?: SyncRepository },
): Promise<SourceState> {
  const now = options.now ?? new Date();
  const parsed = parseFeed(text, { now, maxAgeDays: options.maxAgeDays, name: source.fileName });
  if (!parsed.entries.length) throw new FeedFormatError(`No usable entry in ${source.fileName} (${describeReport(parsed.report)}).`);
  const outcome = succeeded(source, parsed, await sha256(text), now.toISOString(), {});
  await (options.repository ?? indexedDbRepository).saveSource(outcome.state, outcome.copy);
  return outcome.state;
}

async function syncOne(source: DirectorySource, env: SyncEnvironment, repository: SyncRepository, now: Date): Promise<SourceState> {
  const previous = await repository.loadState(source.id).catch(() => undefined);
  let outcome: SourceOutcome;
  switch (source.kind) {
    case 'demo':
      outcome = await syncDemo(source, now, env.maxAgeDays);
      break;
    case 'url':
      outcome = await syncUrl(source, previous, env, now);
      break;
    case 'file':
      // Nothing to fetch: the imported copy stays until the user imports the file again.
      return previous ?? failed(source, undefined, 'format', 'The imported file was not stored. Import it again.', now.toISOString()).state;
  }
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
 * age) differs from the stored one, so a sync where nothing changed writes nothing.
 */
export async function syncDirectory(sources: readonly DirectorySource[], env: SyncEnvironment, onlyId?: string): Promise<DirectorySyncResult> {
  const repository = env.repository ?? indexedDbRepository;
  const now = env.now?.() ?? new Date();
  const enabled = sources.filter((source) => source.enabled);
  const states = await Promise.all(
    enabled.map((source) => (onlyId === undefined || source.id === onlyId ? syncOne(source, env, repository, now) : repository.loadState(source.id).catch(() => undefined))),
  );
  const result: DirectorySyncResult = {
    ok: true,
    sources: enabled.flatMap((source, i) => {
      const state = states[i];
      if (onlyId !== undefined && source.id !== onlyId) return [];
      return [{ id: source.id, ok: state?.ok ?? false, message: state?.message ?? 'Not synced yet' }];
    }),
  };
  result.ok = result.sources.every((source) => source.ok);
  try {
    const saved = await mergeAndSave(enabled, states, env, repository, now);
    if (saved) result.saved = saved;
  } catch (error) {
    result.ok = false;
    result.sources.push({ id: 'directory', ok: false, message: `The merged directory was not saved: ${error instanceof Error ? error.message : String(error)}` });
  }
  return result;
}

async function mergeAndSave(
  sources: readonly DirectorySource[],
  states: readonly (SourceState | undefined)[],
  env: SyncEnvironment,
  repository: SyncRepository,
  now: Date,
): Promise<DirectoryMeta | undefined> {
  const parts = sources.map((source, i) => [source.id, source.label, states[i]?.contentHash ?? '']);
  const version = (await sha256(JSON.stringify([parts, now.toISOString().slice(0, 10), env.maxAgeDays]))).slice(0, 16);
  if ((await repository.loadMeta())?.version === version) return undefined;
  const copies = await Promise.all(sources.map((source) => repository.loadCopy(source.id)));
  const merged = mergeSources(
    sources.map((source, i) => ({ id: source.id, label: source.label, entries: copies[i]?.entries ?? [] })),
    { now, maxAgeDays: env.maxAgeDays },
  );
  return repository.saveDirectory(merged.entries, {
    index: env.buildIndex(merged.entries),
    version,
    sources: merged.sources,
    duplicates: merged.duplicates,
    now,
  });
}
