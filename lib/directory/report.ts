import type { EntryIssue, ValidationReport } from './validate';

/**
 * How much of a feed's problems a report keeps: the first ISSUES_PER_KIND issues of each kind (the
 * field they concern) up to ISSUES_KEPT in all, and a count of the rest. Enough to fix a feed, and
 * a feed of 100k invalid entries costs a few hundred kB of report, not hundreds of MB of heap.
 */
export const ISSUES_PER_KIND = 20;
export const ISSUES_KEPT = 200;
/** Warnings about the file as a whole (unknown columns, parser notes) kept; the rest are counted. */
export const WARNINGS_KEPT = 20;

/**
 * Limits on each dimension of a feed, for the parsers (docs/directory-feed.md states them). A feed
 * beyond a limit is read up to it, with a warning; one beyond DEFAULT_MAX_BYTES is not read at all.
 */
export const FEED_LIMITS = {
  /** Characters in one column header. */
  headerChars: 500,
  /** Columns in a CSV; Google Forms exports rarely pass 60. */
  columns: 200,
  /** Rows (CSV) or entries (JSON) read: twice the largest organization Mutual is built for. */
  rows: 400_000,
} as const;

/** The warning for a feed past FEED_LIMITS.rows: the first rows or entries are read, the rest are not. */
export function tooManyRows(found: number): string {
  return `Only the first ${FEED_LIMITS.rows.toLocaleString('en-US')} of ${found.toLocaleString('en-US')} rows were read: split the directory into several feeds.`;
}

/** Issues of one report beyond those it keeps, by kind. */
const omittedByReport = new WeakMap<ValidationReport, number>();
const keptByKind = new WeakMap<ValidationReport, Map<string, number>>();

/** Adds an issue to `report.invalid`, or only counts it once its kind (or the report) is full. */
export function recordIssue(report: ValidationReport, issue: EntryIssue): void {
  const kinds = keptByKind.get(report) ?? new Map<string, number>();
  keptByKind.set(report, kinds);
  const ofKind = kinds.get(issue.field) ?? 0;
  if (ofKind < ISSUES_PER_KIND && report.invalid.length < ISSUES_KEPT) {
    report.invalid.push(issue);
    kinds.set(issue.field, ofKind + 1);
  } else {
    omittedByReport.set(report, omittedIssues(report) + 1);
  }
}

/** Issues `recordIssue` counted without keeping, plus any beyond ISSUES_KEPT already in `report.invalid`. */
export function omittedIssues(report: ValidationReport): number {
  return (omittedByReport.get(report) ?? 0) + Math.max(0, report.invalid.length - ISSUES_KEPT);
}

/** A report's issues and warnings cut to what is kept, with how many issues were left out. */
export function cappedReport(report: ValidationReport): ValidationReport & { invalidOmitted: number } {
  const perKind = new Map<string, number>();
  const invalid = report.invalid.filter((issue) => {
    const ofKind = perKind.get(issue.field) ?? 0;
    perKind.set(issue.field, ofKind + 1);
    return ofKind < ISSUES_PER_KIND;
  }).slice(0, ISSUES_KEPT);
  const omitted = (omittedByReport.get(report) ?? 0) + report.invalid.length - invalid.length;
  const warnings = report.warnings.length > WARNINGS_KEPT
    ? [...report.warnings.slice(0, WARNINGS_KEPT - 1), `${report.warnings.length - WARNINGS_KEPT + 1} more warnings not shown.`]
    : report.warnings;
  return { ...report, invalid, invalidOmitted: omitted, warnings };
}
