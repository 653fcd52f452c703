import { sha256 } from './bytes';
import { FeedFormatError } from './errors';
import { describeIssue } from './messages';
import { parseFeedBytes } from './feed';
import type { SourceState } from './source-store';
import { feedUrlProblem, type DirectorySource } from './sources';
import type { FeedWorker } from './split';
import { worthSplitting } from './split';
import { commitSync, saveAhead, type DirectorySyncResult } from './sync-commit';
import { indexedDbRepository, type SyncEnvironment, type SyncRepository } from './sync-environment';
import { SyncFailure, fetchFeed, type FetchResult } from './sync-fetch';
import { earlyWorker, parseDemo, readFeed } from './sync-read';
import {
  backingOff,
  copyFingerprint,
  describeReport,
  failed,
  initialState,
  stillBackingOff,
  storedReport,
  succeeded,
  unchanged,
  type ReadingMark,
  type SourceOutcome,
} from './sync-validate';
import type { ParsedFeed } from './validate';

/**
 * Syncing, step by step: per source, fetch (sync-fetch: conditionally, capped in time and size),
 * read (sync-read: parse, in two threads when large), validate (sync-validate: the state people
 * see; a source that fails keeps its last good copy), then for all sources at once commit
 * (sync-commit: store, merge, index, under the data-write lock). Nothing here touches the browser:
 * fetch, the index builder, threads and storage are passed in (sync-environment).
 */

/** The demo is generated, not downloaded: its "copy" is the code, so only its state is stored. */
async function syncDemo(source: DirectorySource, now: Date, maxAgeDays: number): Promise<SourceOutcome> {
  const parsed = parseDemo(now, maxAgeDays, source.label);
  const state = succeeded(source, parsed, await sha256(JSON.stringify(parsed.entries)), now.toISOString(), {});
  return { state, entries: parsed.entries };
}

async function syncUrl(source: Extract<DirectorySource, { kind: 'url' }>, previous: SourceState | undefined, env: SyncEnvironment, now: Date, epoch: string): Promise<SourceOutcome> {
  const at = now.toISOString();
  const repository = env.repository ?? indexedDbRepository;
  // Also checked here: an address stored before the rule (or a test's) is refused, not fetched.
  const problem = feedUrlProblem(source.url);
  if (problem) return failed(source, previous, 'address', problem, at);
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
  if (result.kind === 'not-modified') {
    return previous && hasCopy ? unchanged(source, previous, at, {}) : failed(source, previous, 'http', 'The server answered 304 but Mutual has no copy yet.', at);
  }
  const options = { now, maxAgeDays: env.maxAgeDays, contentType: result.contentType, name: source.url, source: source.label };
  // The digest runs off this thread, but copying 70 MB for it costs this thread 100-270 ms: with a
  // worker, that happens while this thread waits for it. Content found unchanged only then was
  // parsed for nothing, which costs the background some CPU and the user no time.
  const late = parallel !== undefined && worthSplitting(result.bytes.length, parallel);
  let hashing = late ? undefined : sha256(result.bytes);
  const validators = { etag: result.etag, lastModified: result.lastModified };
  const isUnchanged = async () => Boolean(previous && hasCopy && previous.contentHash === (await hashing));
  if (!late && (await isUnchanged())) return unchanged(source, previous!, at, validators);
  // A copy whose reading crashed (or ran out of time) is not read again and again: it waits.
  const fingerprint = copyFingerprint(result);
  const stuck = stillBackingOff(previous, fingerprint, now);
  if (stuck) return backingOff(source, previous, stuck, at);
  const mark: ReadingMark = { fingerprint, since: at, attempts: previous?.reading?.fingerprint === fingerprint ? previous.reading.attempts + 1 : 1 };
  // Recorded before reading: if reading takes the whole sync down, the next sync knows.
  await saveAhead(repository, epoch, { ...(previous ?? initialState(source)), reading: mark });
  let parsed: ParsedFeed;
  try {
    const whileWaiting = () => void (hashing ??= sha256(result.bytes));
    parsed = await readFeed(result, options, { ...(parallel ? { parallel: { ...parallel, whileWaiting } } : {}), ...(env.readBudgetMs ? { budgetMs: env.readBudgetMs } : {}) });
  } catch (error) {
    if (error instanceof FeedFormatError) return failed(source, previous, 'format', error.message, at);
    if (!(error instanceof SyncFailure)) throw error;
    const outcome = failed(source, previous, error.stage, error.message, at);
    return error.stage === 'crash' || error.stage === 'timeout' ? { state: { ...outcome.state, reading: mark } } : outcome;
  }
  hashing ??= sha256(result.bytes);
  const contentHash = await hashing;
  if (late && (await isUnchanged())) return unchanged(source, previous!, at, validators);
  if (!parsed.report.valid) {
    return failed(source, previous, 'empty', `No usable entry in the feed (${describeReport(parsed.report)}).`, at, storedReport(parsed.report));
  }
  const state = succeeded(source, parsed, contentHash, at, { ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) });
  const copy = { body: result.bytes, contentType: result.contentType ?? '', name: source.url, contentHash, savedAt: at };
  return { state, copy, entries: parsed.entries, ...(parsed.inWorker ? { inWorker: parsed.inWorker } : {}) };
}

/**
 * A file's bytes, read by the page that imported it, are checked (in the encoding they tell, as a
 * fetched feed's are) and stored as that source's copy.
 */
export async function importFile(
  source: Extract<DirectorySource, { kind: 'file' }>,
  body: Uint8Array,
  options: { now?: Date; maxAgeDays: number; repository?: SyncRepository },
): Promise<SourceState> {
  const now = options.now ?? new Date();
  const parsed = parseFeedBytes(body, { now, maxAgeDays: options.maxAgeDays, name: source.fileName });
  if (!parsed.entries.length) {
    // The reasons go with the refusal: an imported file that was not stored has no report to open.
    const reasons = parsed.report.invalid.slice(0, 3).map(describeIssue).join('; ');
    throw new FeedFormatError(`No usable entry in ${source.fileName} (${describeReport(parsed.report)}).${reasons ? ` ${reasons}.` : ''}`);
  }
  const contentHash = await sha256(body);
  const at = now.toISOString();
  const state = succeeded(source, parsed, contentHash, at, {});
  await (options.repository ?? indexedDbRepository).saveSource(state, { body, contentType: '', name: source.fileName, contentHash, savedAt: at });
  return state;
}

function syncOne(source: DirectorySource, previous: SourceState | undefined, env: SyncEnvironment, now: Date, epoch: string): Promise<SourceOutcome> {
  switch (source.kind) {
    case 'demo':
      return syncDemo(source, now, env.maxAgeDays);
    case 'url':
      return syncUrl(source, previous, env, now, epoch);
    case 'file':
      // Nothing to fetch: the imported copy stays until the user imports the file again.
      return Promise.resolve(previous ? { state: previous } : failed(source, undefined, 'format', 'The imported file was not stored. Import it again.', now.toISOString()));
  }
}

/**
 * Syncs `onlyId` (or every enabled source), then merges every enabled source's last good copy.
 * The directory is re-stored only when its version (the sources' content, the day, the maximum
 * age) differs from the stored one, so a sync where nothing changed writes nothing. Entries just
 * parsed are merged from memory; the directory and the sources' copies are written side by side.
 */
export async function syncDirectory(sources: readonly DirectorySource[], env: SyncEnvironment, onlyId?: string): Promise<DirectorySyncResult> {
  const started: FeedWorker[] = [];
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
  const epoch = await repository.currentEpoch();
  const enabled = sources.filter((source) => source.enabled);
  const previous = await Promise.all(enabled.map((source) => repository.loadState(source.id).catch(() => undefined)));
  const outcomes = await Promise.all(
    enabled.map((source, i): Promise<SourceOutcome | undefined> => (onlyId === undefined || source.id === onlyId ? syncOne(source, previous[i], env, now, epoch) : Promise.resolve(undefined))),
  );
  return commitSync({ sources: enabled, previous, outcomes, epoch, env, repository, now });
}
