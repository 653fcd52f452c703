import type { z } from '../schema';

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

export function describeIssues(error: z.core.$ZodError): string[] {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`);
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? [...lines, `and ${more} more`] : lines;
}
