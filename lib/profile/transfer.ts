import { ProfileFormatError } from './errors';
import { migrateProfile } from './migrate';
import type { Profile } from './model';

/** The profile file (docs/profile-format.md): what the options page exports and `mutual match --profile` reads. */
const PROFILE_FILE_FORMAT = 'mutual-profile';
const PROFILE_FILE_VERSION = 1;

interface ProfileFile {
  format: typeof PROFILE_FILE_FORMAT;
  version: typeof PROFILE_FILE_VERSION;
  exportedAt: string;
  profile: Profile;
}

export function exportProfileJson(profile: Profile, now: Date = new Date()): string {
  const file: ProfileFile = { format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, exportedAt: now.toISOString(), profile };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name that sorts by date: mutual-profile-2026-11-12.json */
export function profileFileName(now: Date = new Date()): string {
  return `${PROFILE_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * A profile file's profile, upgraded to the current version. A bare profile object is accepted
 * too (hand-written files). Throws ProfileFormatError saying what is wrong.
 */
export function parseProfileJson(text: string): Profile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's own message ("Unexpected token…") says nothing a person can act on.
    throw new ProfileFormatError('This file is not JSON, so not a Mutual profile: choose the .json file that "Export my profile" saved (named like mutual-profile-2026-11-03.json). A directory CSV goes under Directory instead.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProfileFormatError('This file is not a Mutual profile: expected a JSON object.');
  }
  const file = value as Record<string, unknown>;
  if (file.format === undefined) return migrateProfile(file);
  if (file.format !== PROFILE_FILE_FORMAT) {
    throw new ProfileFormatError(`This file is not a Mutual profile: its format is ${JSON.stringify(file.format)}, expected "${PROFILE_FILE_FORMAT}".`);
  }
  if (file.version !== PROFILE_FILE_VERSION) {
    throw new ProfileFormatError(
      typeof file.version === 'number' && file.version > PROFILE_FILE_VERSION
        ? `This profile file was written by a newer version of Mutual (file version ${file.version}). Update Mutual to import it.`
        : `This profile file has an unknown version: ${JSON.stringify(file.version)}.`,
    );
  }
  return migrateProfile(file.profile);
}
