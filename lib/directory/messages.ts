import type { z } from '../schema';
import type { EntryIssue } from './validate';

/**
 * A schema problem in the words of the person who keeps the feed: the value (shortened), what is
 * wrong with it and what would be accepted, never an enum list or a type name. `code` stays
 * stable for scripts (`mutual directory check --json`). docs/directory-feed.md lists them all.
 */
export type IssueCode =
  | 'missing'
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'not-an-email'
  | 'not-a-date'
  | 'not-a-number'
  | 'out-of-range'
  | 'unknown-career-stage'
  | 'unknown-level'
  | 'unknown-priority'
  | 'unknown-format'
  | 'unknown-status'
  | 'wrong-type';

export interface Problem {
  code: IssueCode;
  message: string;
}

/** Values are quoted at most this long in messages. */
const SHOWN = 40;

export function shorten(value: string, max = SHOWN): string {
  // Only the start is shown: a megabyte-long value is not flattened whole.
  const start = value.length > max * 8 ? `${value.slice(0, max * 8)}…` : value;
  const flat = start.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function quoted(value: unknown): string {
  if (typeof value === 'string') return `'${shorten(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'this value';
}

/** What each kind of value accepts, as a spreadsheet author and as a JSON author write it. */
const ACCEPTED: Record<string, { code: IssueCode; what: string; csv: string; json: string }> = {
  careerStage: { code: 'unknown-career-stage', what: 'a career stage Mutual knows', csv: 'Early career, Mid-career, Senior or Executive', json: '"early", "mid", "senior" or "executive"' },
  level: { code: 'unknown-level', what: 'a skill level', csv: 'beginner, intermediate, advanced or expert, in brackets after the skill: Python (expert)', json: '"beginner", "intermediate", "advanced" or "expert"' },
  priority: { code: 'unknown-priority', what: 'a priority', csv: 'low, medium or high, in brackets after the skill: Negotiation (high)', json: '"low", "medium" or "high"' },
  formats: { code: 'unknown-format', what: 'a way to meet Mutual knows', csv: 'Video call, In person, Chat or Phone', json: '"video", "in-person", "chat" or "phone"' },
  status: { code: 'unknown-status', what: 'an availability Mutual knows', csv: 'Open (or Yes, Accepting) or Paused (or No, Full)', json: '"open" or "paused"' },
};

const DATE_FIELDS = new Set(['date', 'updatedAt', 'expiresAt', 'generatedAt']);

function typeWord(expected: string): string {
  return { array: 'a list', string: 'text', number: 'a number', object: 'an object', boolean: 'true or false' }[expected] ?? expected;
}

/** What a missing value of these fields needs, in words. */
const MISSING_NEEDS: Record<string, string> = {
  languages: ' — at least one language is required',
  name: ' — every person needs a name',
  email: ' — an email address is required, such as name@example.com',
};

/** The problem of one schema issue; `value` is the value at the issue's path; `csv` chooses the wording of what is accepted. */
export function describeProblem(issue: z.core.$ZodIssue, value: unknown, csv: boolean): Problem {
  const key = String(issue.path.at(-1) ?? '');
  const parent = String(issue.path.at(-2) ?? '');
  const accepted = ACCEPTED[key] ?? (parent === 'formats' ? ACCEPTED.formats : undefined);
  const missing = value === undefined || value === null;
  // An empty cell or "" is missing too: quoting '' as a wrong value would only puzzle.
  const blank = typeof value === 'string' && !value.trim();
  if ((missing && issue.code === 'invalid_type') || blank) {
    const need = accepted ? ` — use ${csv ? accepted.csv : accepted.json}` : DATE_FIELDS.has(key) ? ' — a date is needed, such as 2026-10-14' : (MISSING_NEEDS[key] ?? '');
    return { code: 'missing', message: `Missing${need}` };
  }
  if (DATE_FIELDS.has(key) && !missing) return { code: 'not-a-date', message: `${quoted(value)} is not a date — write it as 2026-10-14 (or 14.10.2026)` };
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return { code: 'too-long', message: `Too long: ${String(value).length} characters (at most ${String(issue.maximum)})` };
    if (issue.origin === 'array') return { code: 'too-many', message: `Too many: ${Array.isArray(value) ? value.length : '?'} items (at most ${String(issue.maximum)})` };
    return { code: 'out-of-range', message: `${quoted(value)} is too large (at most ${String(issue.maximum)})` };
  }
  if (issue.code === 'too_small') {
    if (issue.origin === 'array') return { code: 'missing', message: key === 'languages' ? 'At least one language is required' : 'At least one item is required' };
    if (issue.origin === 'string') return { code: 'empty', message: key === 'name' ? 'A name is required' : 'Empty — write a value or leave the item out' };
    return { code: 'out-of-range', message: `${quoted(value)} is too small (at least ${String(issue.minimum)})` };
  }
  if (key === 'email') return { code: 'not-an-email', message: `${quoted(value)} is not an email address — write one such as name@example.com` };
  if (accepted) return { code: accepted.code, message: `${quoted(value)} is not ${accepted.what} — use ${csv ? accepted.csv : accepted.json}` };
  if (key === 'capacity') {
    if (typeof value === 'number') return { code: 'out-of-range', message: `${value} is not a whole number from 0 to 10` };
    return { code: 'not-a-number', message: `${quoted(value)} is not a number — write how many partners this person can take, 0 to 10` };
  }
  if (issue.code === 'invalid_type') return { code: 'wrong-type', message: `${quoted(value)} should be ${typeWord(issue.expected)}` };
  return { code: 'wrong-type', message: `${quoted(value)} is not accepted here` };
}

/** "1 duplicate", "3 duplicates". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "Row 14, column 'Seniority': …" (CSV) or "entries[3], field 'teach.0.level': …" (JSON), as the maintainer wrote them. */
export function describeIssue(issue: EntryIssue): string {
  return 'row' in issue ? `Row ${issue.row}, column '${issue.field}': ${issue.message}` : `entries[${issue.index}], field '${issue.field}': ${issue.message}`;
}
