import type { DirectoryEntry } from './entry';
import type { SourceCopy, SourceState, StoredReport, SyncStage } from './source-store';
import type { DirectorySource } from './sources';
import type { WorkerEntries } from './split';
import { cappedReport } from './report';
import type { ParsedFeed, ValidationReport } from './validate';

/**
 * Sync step 3, validate: what a source's fetch and read come to, as the state people see ("200
 * entries, 3 rejected" or what failed). A source that fails keeps its last good copy and says so.
 */

export interface SourceOutcome {
  state: SourceState;
  /** The feed as downloaded, to store; absent when the stored copy stays in use. */
  copy?: SourceCopy;
  /** The entries just parsed, so the merge does not read and parse the copy again. */
  entries?: DirectoryEntry[];
  inWorker?: WorkerEntries;
}

/** What is stored of a report: the issues and warnings lib/directory/report keeps, and how many more there were. */
export function storedReport(report: ValidationReport): StoredReport {
  return cappedReport(report);
}

const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** "7 entries" when every entry was listed, otherwise how many of how many and why not the rest: "4 of 7 entries listed: 3 rejected". */
export function describeReport(report: ValidationReport): string {
  const left: string[] = [];
  if (report.rejected) left.push(`${report.rejected} rejected`);
  if (report.notOptedIn) left.push(`${report.notOptedIn} not opted in`);
  if (report.expired) left.push(`${report.expired} expired`);
  if (report.duplicates) left.push(`${report.duplicates} ${report.duplicates === 1 ? 'duplicate' : 'duplicates'}`);
  return left.length ? `${report.valid} of ${entries(report.total)} listed: ${left.join(', ')}` : entries(report.valid);
}

/** Waiting time before a copy whose reading crashed or ran out of time is read again: 30 min, doubling, at most a day. */
function backoffMs(attempts: number): number {
  return Math.min(24 * 60, 30 * 2 ** (attempts - 1)) * 60_000;
}

export type ReadingMark = NonNullable<SourceState['reading']>;

/** The copy as downloaded, told apart from another without hashing it (a large copy is hashed late). */
export function copyFingerprint(copy: { bytes: Uint8Array; etag?: string; lastModified?: string }): string {
  return [copy.bytes.length, copy.etag ?? '', copy.lastModified ?? ''].join(':');
}

/** The previous reading of this same copy that never finished (or failed), while its back-off lasts. */
export function stillBackingOff(previous: SourceState | undefined, fingerprint: string, now: Date): ReadingMark | undefined {
  const mark = previous?.reading;
  if (mark?.fingerprint !== fingerprint) return undefined;
  return now.getTime() < Date.parse(mark.since) + backoffMs(mark.attempts) ? mark : undefined;
}

export function backingOff(source: DirectorySource, previous: SourceState | undefined, mark: ReadingMark, at: string): SourceOutcome {
  const retry = new Date(Date.parse(mark.since) + backoffMs(mark.attempts)).toISOString().slice(0, 16).replace('T', ' ');
  const outcome = failed(
    source,
    previous,
    'crash',
    `Reading this copy of the feed stopped or ran out of time at ${mark.since.slice(0, 16).replace('T', ' ')} (UTC). Mutual reads the same copy again after ${retry} (UTC), or as soon as the feed changes.`,
    at,
  );
  return { state: { ...outcome.state, reading: mark } };
}

export function initialState(source: DirectorySource): SourceState {
  return { id: source.id, label: source.label, ok: false, message: 'Not synced yet', count: 0 };
}

export function failed(source: DirectorySource, previous: SourceState | undefined, stage: SyncStage, message: string, at: string, report?: StoredReport): SourceOutcome {
  // A reading mark belongs to the attempt that set it; the outcome clears it (a back-off sets it again).
  const { reading: _, ...base } = previous ?? initialState(source);
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

export function succeeded(source: DirectorySource, parsed: ParsedFeed, contentHash: string, at: string, validators: { etag?: string; lastModified?: string }): SourceState {
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

/** The server confirmed (304) or re-sent the copy in use. */
export function unchanged(source: DirectorySource, previous: SourceState, at: string, validators: Partial<Pick<SourceState, 'etag' | 'lastModified'>>): SourceOutcome {
  const { reading: _, ...state } = previous;
  return { state: { ...state, ...validators, label: source.label, ok: true, message: `Not changed: ${state.count} entries`, lastAttempt: at, lastGoodSync: at } };
}
