import { FeedEntrySchema, entryId, type DirectoryEntry } from './entry';
import { quickParseEntry } from './quick-parse';
import type { RemoteEntries } from './split';

/** How long a consent lasts when the entry gives no explicit expiry. */
export const DEFAULT_MAX_AGE_DAYS = 365;
const DAY_MS = 86_400_000;

/** Where a problem is: a 1-based spreadsheet row (CSV, header = row 1) or an index into `entries` (JSON). */
export type EntryLocation = { row: number } | { index: number };

export type EntryIssue = EntryLocation & { field: string; message: string };

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
  /** Entries dropped because another entry with the same email is newer. */
  duplicates: number;
  /** Problems with the file as a whole that did not stop it, e.g. unknown columns. */
  warnings: string[];
}

export interface ParsedFeed {
  /** The feed's own name, when it has one. */
  name?: string;
  entries: DirectoryEntry[];
  /** More accepted entries, held by a worker (lib/directory/split); `report.valid` counts both. */
  remote?: RemoteEntries;
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
}

export function emptyReport(): ValidationReport {
  return { total: 0, valid: 0, rejected: 0, invalid: [], notOptedIn: 0, expired: 0, duplicates: 0, warnings: [] };
}

function hasOptedIn(value: unknown): boolean {
  const consent = (value as { consent?: { optedIn?: unknown } } | null)?.consent;
  return consent?.optedIn === true;
}

/** When the listing ends: the explicit expiry, else consent date + maximum age. */
export function expiryTime(entry: Pick<DirectoryEntry, 'consent' | 'expiresAt'>, maxAgeDays: number): number {
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

/**
 * Consent first (an entry without explicit opt-in is never even validated), then the schema, then
 * expiry, then duplicates: what remains may be stored.
 */
export function acceptEntries(candidates: Iterable<Candidate>, options: AcceptOptions, report = emptyReport()): { entries: DirectoryEntry[]; report: ValidationReport } {
  const accepted: DirectoryEntry[] = [];
  for (const { at, value } of candidates) {
    report.total++;
    if (!hasOptedIn(value)) {
      report.notOptedIn++;
      continue;
    }
    // Plainly valid entries take the fast path; the schema reports what is wrong with the rest.
    const quick = quickParseEntry(value);
    const parsed = quick ? { success: true as const, data: quick } : FeedEntrySchema.safeParse(value);
    if (!parsed.success) {
      report.rejected++;
      for (const issue of parsed.error.issues) {
        report.invalid.push({ ...at, field: issue.path.join('.') || '(entry)', message: issue.message });
      }
      continue;
    }
    // Both paths give a fresh object: completing it in place spares a copy per entry.
    const entry: DirectoryEntry = Object.assign(parsed.data, { id: entryId(parsed.data.email) }, options.source ? { source: options.source } : undefined);
    if (isExpired(entry, options)) report.expired++;
    else accepted.push(entry);
  }
  const { entries, duplicates } = dedupeNewest(accepted);
  report.duplicates += duplicates;
  report.valid = entries.length;
  return { entries, report };
}
