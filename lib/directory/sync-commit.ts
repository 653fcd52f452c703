import { withDataWriteLock } from '../storage';
import { errorMessage } from '../errors';
import { sha256 } from './bytes';
import type { DirectoryEntry } from './entry';
import { mergeSources } from './merge';
import type { SourceState } from './source-store';
import type { DirectorySource } from './sources';
import type { DirectoryMeta } from './store';
import type { SyncEnvironment, SyncRepository } from './sync-environment';
import { parseDemo, readFeed } from './sync-read';
import { failed, type SourceOutcome } from './sync-validate';

/**
 * Sync step 4, commit: each source's outcome stored, then every enabled source's last good copy
 * merged and, when that changed anything, indexed and stored. It all happens holding the data-write
 * lock (lib/storage/lock), so two syncs, or a sync and "delete all my data", never interleave; and
 * a sync whose data was deleted while it fetched writes nothing.
 */

export interface DirectorySyncResult {
  ok: boolean;
  sources: { id: string; ok: boolean; message: string }[];
  /** Set when a new directory was stored. */
  saved?: DirectoryMeta;
}

export const CANCELLED_MESSAGE = 'Sync stopped: all data was deleted while it ran. Nothing was saved.';

/** Stores a source's outcome; when that fails, records the failure so the old copy visibly stays in use. */
async function storeOutcome(source: DirectorySource, outcome: SourceOutcome, previous: SourceState | undefined, repository: SyncRepository, now: Date): Promise<SourceState> {
  try {
    await repository.saveSource(outcome.state, outcome.copy);
    return outcome.state;
  } catch (error) {
    const stored = failed(source, previous, 'storage', errorMessage(error), now.toISOString()).state;
    await repository.saveSource(stored).catch(() => undefined);
    return stored;
  }
}

type SourceParts = Pick<SourceOutcome, 'inWorker'> & { entries: DirectoryEntry[] };

/** Entries of one source for the merge: just parsed, generated (demo), or parsed again from its stored copy. */
async function entriesOf(source: DirectorySource, outcome: SourceOutcome | undefined, env: SyncEnvironment, repository: SyncRepository, now: Date): Promise<SourceParts> {
  if (outcome?.entries) return { entries: outcome.entries, ...(outcome.inWorker ? { inWorker: outcome.inWorker } : {}) };
  if (source.kind === 'demo') return { entries: parseDemo(now, env.maxAgeDays, source.label).entries };
  const copy = await repository.loadCopy(source.id);
  if (!copy) return { entries: [] };
  try {
    const options = { now, maxAgeDays: env.maxAgeDays, contentType: copy.contentType, name: copy.name, source: source.label };
    const { entries, inWorker } = await readFeed({ bytes: copy.body }, options, { ...(env.parallel ? { parallel: env.parallel } : {}), ...(env.readBudgetMs ? { budgetMs: env.readBudgetMs } : {}) });
    return { entries, ...(inWorker ? { inWorker } : {}) };
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
    workerParts: merged.inWorkers.map(({ worker, drop }) => (firstKey: number) => worker.store({ drop, firstKey })),
    ...(env.parallel ? { joinIndexes: env.parallel.joinIndexes } : {}),
  });
}

/** A source's state written ahead of its outcome (a reading mark), unless all data was deleted since the sync began. */
export function saveAhead(repository: SyncRepository, epoch: string, state: SourceState): Promise<void> {
  return withDataWriteLock(async () => {
    if (await repository.isEpoch(epoch)) await repository.saveSource(state);
  }).catch(() => undefined);
}

interface SyncCommit {
  /** Enabled sources, in order; `outcomes[i]` is undefined for a source not synced this time. */
  sources: readonly DirectorySource[];
  previous: readonly (SourceState | undefined)[];
  outcomes: readonly (SourceOutcome | undefined)[];
  /** The data epoch noted when the sync started. */
  epoch: string;
  env: SyncEnvironment;
  repository: SyncRepository;
  now: Date;
}

/** The sync's outcomes, stored and merged holding the data-write lock; nothing when the data was deleted meanwhile. */
export function commitSync(commit: SyncCommit): Promise<DirectorySyncResult> {
  return withDataWriteLock(async () => {
    if (!(await commit.repository.isEpoch(commit.epoch).catch(() => false))) {
      return { ok: false, sources: commit.sources.flatMap((source, i) => (commit.outcomes[i] ? [{ id: source.id, ok: false, message: CANCELLED_MESSAGE }] : [])) };
    }
    return storeAndMerge(commit);
  });
}

async function storeAndMerge({ sources, previous, outcomes, env, repository, now }: SyncCommit): Promise<DirectorySyncResult> {
  // A source whose new copy cannot be stored must not enter the directory either: its old copy stays in use.
  const stored = Promise.all(outcomes.map((outcome, i) => (outcome ? storeOutcome(sources[i]!, outcome, previous[i], repository, now) : previous[i])));
  const states = outcomes.map((outcome, i) => outcome?.state ?? previous[i]);
  const saved = mergeAndSave(sources, states, outcomes, env, repository, now).then(
    (meta) => ({ meta }),
    (error: unknown) => ({ error }),
  );
  const [finalStates, merge] = await Promise.all([stored, saved]);
  const result: DirectorySyncResult = {
    ok: true,
    sources: sources.flatMap((source, i) => {
      if (!outcomes[i]) return [];
      const state = finalStates[i];
      return [{ id: source.id, ok: state?.ok ?? false, message: state?.message ?? 'Not synced yet' }];
    }),
  };
  const storageFailed = finalStates.some((state, i) => outcomes[i] && state !== outcomes[i]!.state);
  if ('error' in merge) {
    const { error } = merge;
    result.sources.push({ id: 'directory', ok: false, message: `The merged directory was not saved: ${errorMessage(error)}` });
  } else if (storageFailed) {
    // The directory was merged from entries whose copy could not be stored: merge again from what is stored.
    await mergeAndSave(sources, finalStates, [], env, repository, now).catch(() => undefined);
  } else if (merge.meta) {
    result.saved = merge.meta;
  }
  result.ok = result.sources.every((source) => source.ok);
  return result;
}
