import { valueAt } from '../schema';
import { FeedEntrySchema, entryId, type DirectoryEntry } from './entry';
import { quickParseEntry } from './quick-parse';
import type { WorkerEntries } from './split';
import { describeProblem, type IssueCode } from './messages';
import { recordIssue } from './report';

const DAY_MS = 86_400_000;

/** Where a problem is: a 1-based spreadsheet row (CSV, header = row 1) or an index into `entries` (JSON). */
type EntryLocation = { row: number } | { index: number };

/**
 * One problem of a rejected row or entry: `field` is the column header as the maintainer wrote it
 * (CSV) or the field's path (JSON, e.g. `teach.0.level`); `code` is stable for scripts.
 */
export type EntryIssue = EntryLocation & { field: string; message: string; code?: IssueCode };

export interface ValidationReport {
  /** Entries (JSON) or non-empty data rows (CSV) read. */
  total: number;
  /** Entries accepted into the directory. */
  valid: number;
  /** Entries rejected for invalid fields (each may have several issues in `invalid`). */
  rejected: number;
  invalid: EntryIssue[];
  /** Entries without explicit opt-in: never stored. */
  notOptedIn: number;
  /** Entries whose consent or listing has expired: hidden. */
  expired: number;
  /** Rows or entries set aside because a newer one with the same email decides (whatever either said). */
  duplicates: number;
  /** Problems with the file as a whole that did not stop it, e.g. unknown columns. */
  warnings: string[];
}

export interface ParsedFeed {
  /** The feed's own name, when it has one. */
  name?: string;
  entries: DirectoryEntry[];
  /** More accepted entries, held by a worker (lib/directory/split); `report.valid` counts both. */
  inWorker?: WorkerEntries;
  report: ValidationReport;
}

export interface AcceptOptions {
  now: Date;
  maxAgeDays: number;
  /** Label of the source, set on every accepted entry. */
  source?: string;
}

/** One entry as read from a feed, before validation. */
export interface Candidate {
  at: EntryLocation;
  value: unknown;
  /** The column each top-level field was read from, as its header is written (CSV). */
  columns?: Readonly<Record<string, string>>;
}

export function emptyReport(): ValidationReport {
  return { total: 0, valid: 0, rejected: 0, invalid: [], notOptedIn: 0, expired: 0, duplicates: 0, warnings: [] };
}

function hasOptedIn(value: unknown): boolean {
  const consent = (value as { consent?: { optedIn?: unknown } } | null)?.consent;
  return consent?.optedIn === true;
}

/** When the listing ends: the explicit expiry, else consent date + maximum age. */
function expiryTime(entry: Pick<DirectoryEntry, 'consent' | 'expiresAt'>, maxAgeDays: number): number {
  return entry.expiresAt ? Date.parse(entry.expiresAt) : Date.parse(entry.consent.date) + maxAgeDays * DAY_MS;
}

export function isExpired(entry: Pick<DirectoryEntry, 'consent' | 'expiresAt'>, options: AcceptOptions): boolean {
  return expiryTime(entry, options.maxAgeDays) <= options.now.getTime();
}

/**
 * Keeps the newest entry (by updatedAt) per id; ties keep the first seen, and entries keep the order
 * in which their id first appeared. `positions[i]` is where `entries[i]` was in the input.
 */
export function dedupeNewest<T extends Pick<DirectoryEntry, 'id' | 'updatedAt'>>(entries: readonly T[]): { entries: T[]; positions: number[]; duplicates: number } {
  const slotOf = new Map<string, number>();
  const kept: T[] = [];
  const positions: number[] = [];
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position]!;
    const slot = slotOf.get(entry.id);
    if (slot === undefined) {
      slotOf.set(entry.id, kept.length);
      kept.push(entry);
      positions.push(position);
    } else if (Date.parse(entry.updatedAt) > Date.parse(kept[slot]!.updatedAt)) {
      kept[slot] = entry;
      positions[slot] = position;
    }
  }
  return { entries: kept, positions, duplicates: entries.length - kept.length };
}

/** What became of one row or entry; only the newest per email counts. */
type Outcome =
  | { kind: 'listed'; entry: DirectoryEntry }
  | { kind: 'expired' }
  | { kind: 'notOptedIn' }
  | { kind: 'rejected'; issues: EntryIssue[] };

function judge({ at, value, columns }: Candidate, options: AcceptOptions): Outcome {
  // Consent first: an entry without explicit opt-in is never even validated.
  if (!hasOptedIn(value)) return { kind: 'notOptedIn' };
  // Plainly valid entries take the fast path; the schema reports what is wrong with the rest.
  const quick = quickParseEntry(value);
  const parsed = quick ? { success: true as const, data: quick } : FeedEntrySchema.safeParse(value);
  if (!parsed.success) {
    const csv = 'row' in at;
    // One problem per column and kind: a timestamp column feeds two dates, and a date may fail two checks.
    const issues = new Map<string, EntryIssue>();
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const field = columns?.[String(issue.path[0])] ?? (path || '(entry)');
      const problem = describeProblem(issue, valueAt(value, issue.path), csv);
      const key = `${field}\u0000${problem.message}`;
      if (!issues.has(key)) issues.set(key, { ...at, field, ...problem });
    }
    return { kind: 'rejected', issues: [...issues.values()] };
  }
  // Both paths give a fresh object: completing it in place spares a copy per entry.
  const entry: DirectoryEntry = Object.assign(parsed.data, { id: entryId(parsed.data.email) }, options.source ? { source: options.source } : undefined);
  return isExpired(entry, options) ? { kind: 'expired' } : { kind: 'listed', entry };
}

/** Whose row this is (the lower-cased email, whatever else is wrong with it) and when it was written. */
function identify(value: unknown): { key?: string; time: number } {
  const { email, updatedAt, consent } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const key = typeof email === 'string' && email.trim() ? entryId(email) : undefined;
  const stamp = typeof updatedAt === 'string' ? updatedAt : (consent as { date?: unknown } | undefined)?.date;
  return { ...(key ? { key } : {}), time: typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN };
}

/**
 * The email key of every row that has one, answered or not: a feed read in parts (threads, pieces)
 * uses them to see whether one person answered in two parts, which only one reading may decide.
 */
export function answerKeys(values: readonly unknown[]): string[] {
  return values.flatMap((value) => identify(value).key ?? []);
}

/** True when a key of `later` is among `earlier`'s: one person answered in both parts. */
export function sharesAnAnswer(earlier: ReadonlySet<string>, later: readonly string[]): boolean {
  return later.some((key) => earlier.has(key));
}

/**
 * The latest answer wins, as a whole: rows are grouped by email first, and only the newest of each
 * (by updatedAt, else consent date; by row order when a time is missing or equal) is judged as
 * what that person said — a newer "No" removes an older "Yes", a newer invalid row hides an older
 * valid one. Then consent, the schema and expiry decide about that row. Entries keep the order in
 * which their email first appeared; the rows set aside are counted as duplicates.
 */
export function acceptEntries(candidates: Iterable<Candidate>, options: AcceptOptions, report = emptyReport()): { entries: DirectoryEntry[]; report: ValidationReport } {
  const outcomes: Outcome[] = [];
  const newest = new Map<string, { slot: number; time: number }>();
  for (const candidate of candidates) {
    report.total++;
    const { key, time } = identify(candidate.value);
    const outcome = judge(candidate, options);
    const seen = key === undefined ? undefined : newest.get(key);
    if (!seen) {
      if (key !== undefined) newest.set(key, { slot: outcomes.length, time });
      outcomes.push(outcome);
      continue;
    }
    report.duplicates++;
    // An older row listed later in the file does not win; without two known times, the later row does.
    if (time < seen.time) continue;
    outcomes[seen.slot] = outcome;
    seen.time = time;
  }
  const entries: DirectoryEntry[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'listed') entries.push(outcome.entry);
    else if (outcome.kind === 'expired') report.expired++;
    else if (outcome.kind === 'notOptedIn') report.notOptedIn++;
    else {
      report.rejected++;
      // Kept up to the report's limits and counted beyond: a feed of 100k broken rows stays small.
      for (const issue of outcome.issues) recordIssue(report, issue);
    }
  }
  report.invalid.sort((a, b) => locationOrder(a) - locationOrder(b));
  report.valid = entries.length;
  return { entries, report };
}

function locationOrder(location: EntryLocation): number {
  return 'row' in location ? location.row : location.index;
}
