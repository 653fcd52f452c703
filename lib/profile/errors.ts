import { valueAt, type z } from '../schema';
import { PROFILE_FIELD_LABELS } from './model';

/** A value that is not a Mutual profile (a file, a stored record): `issues` say where and why. */
export class ProfileFormatError extends Error {
  readonly issues: readonly string[];
  constructor(
    message: string,
    issues: readonly string[] = [],
  ) {
    super(issues.length ? `${message} ${issues.join('; ')}` : message);
    this.issues = issues;
    this.name = 'ProfileFormatError';
  }
}

/**
 * The stored profile exists but cannot be read. The record is left as it is (a newer Mutual may
 * have written it); `stored` is the raw value so the user can download it before replacing it.
 */
export class StoredProfileError extends Error {
  readonly issues: readonly string[];
  readonly stored: unknown;
  constructor(
    issues: readonly string[],
    stored: unknown,
  ) {
    super(`Your saved profile could not be read: ${issues.join('; ')}`);
    this.issues = issues;
    this.stored = stored;
    this.name = 'StoredProfileError';
  }
}

/** At most this many issues are listed: the first few say enough to find the problem. */
const MAX_ISSUES = 5;

const ITEM_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  teach: { name: 'Skill to teach', level: 'Level' },
  learn: { name: 'Skill to learn', priority: 'Priority', ask: 'Concrete ask' },
};

/** "Level (row 2)", "Work email", "Goals": where an issue is, in the form's words. */
function fieldName(path: readonly PropertyKey[]): string {
  const [top, row, field] = path;
  const items = ITEM_NAMES[String(top)];
  if (items && typeof row === 'number') return `${items[String(field)] ?? (top === 'teach' ? 'Skill to teach' : 'Skill to learn')} (row ${row + 1})`;
  return PROFILE_FIELD_LABELS[String(top)] ?? 'Profile';
}

/** How Zod's own English messages begin: those are put in plain words instead. */
const ZOD_DEFAULT_MESSAGE = /^(?:Invalid|Too big|Too small|Unrecognized|Expected)/;

/** What went wrong, in plain words: never a schema's wording or a list of internal values. */
function whatIsWrong(issue: z.core.$ZodIssue, value: unknown): string {
  // A message the profile's schema wrote for people (e.g. "Enter a number of partners from 0 to 10") is kept as it is.
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  if (value === undefined) return 'Missing';
  const shown = typeof value === 'string' ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : JSON.stringify(value)?.slice(0, 40) ?? String(value);
  switch (issue.code) {
    case 'invalid_value':
      return `${shown} is not one of the choices the form offers`;
    case 'too_big':
      return issue.origin === 'string' ? `Too long: at most ${String(issue.maximum)} characters` : issue.origin === 'array' ? `Too many: at most ${String(issue.maximum)}` : `${shown} is too large: at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'Empty: it needs a value' : `${shown} is too small: at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return `${shown} is not in the expected form${issue.format === 'email' ? ', such as name@example.com' : ''}`;
    case 'invalid_type':
      return `${shown} is not ${issue.expected === 'array' ? 'a list' : issue.expected === 'number' ? 'a number' : issue.expected === 'object' ? 'a group of fields' : 'text'}`;
    default:
      return 'Not something the form could have saved';
  }
}

/** The first few issues of a value read as a profile, each as "Field (row N): what is wrong". */
export function describeIssues(error: z.core.$ZodError, input?: unknown): string[] {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => `${fieldName(issue.path)}: ${whatIsWrong(issue, valueAt(input, issue.path))}`);
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? [...lines, `and ${more} more`] : lines;
}
