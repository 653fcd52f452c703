import { z } from '../schema';
import { describeIssues, ProfileFormatError } from './errors';
import { emptyProfile, PROFILE_SCHEMA_VERSION, ProfileSchema, type Profile } from './model';

type ProfileRecord = Record<string, unknown>;
/** Upgrades a profile of version n to version n + 1, carrying every field over. */
type Migration = (profile: ProfileRecord) => ProfileRecord;

function isRecord(value: unknown): value is ProfileRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): unknown {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
}

const LEGACY_STAGES: Readonly<Record<string, string>> = { junior: 'early', mid: 'mid', senior: 'senior', exec: 'executive' };

/**
 * Version 0 is the prototype's shape (no schemaVersion): role/team/city/tz, a seniority word,
 * languages as one comma-separated string, plain skill names, a single goal and a paused flag.
 * Values are moved, not checked: the final validation reports anything that does not fit.
 */
function fromV0(old: ProfileRecord): ProfileRecord {
  const defaults = emptyProfile(new Date(typeof old.updatedAt === 'string' ? old.updatedAt : Date.now()));
  const { role, team, city, tz, seniority, skills, wants, goal, paused, ...rest } = old;
  return {
    ...defaults,
    ...rest,
    schemaVersion: 1,
    title: role ?? defaults.title,
    department: team ?? defaults.department,
    location: city ?? defaults.location,
    timeZone: tz ?? defaults.timeZone,
    careerStage: typeof seniority === 'string' ? (LEGACY_STAGES[seniority] ?? seniority) : defaults.careerStage,
    languages: stringList(rest.languages) ?? defaults.languages,
    teach: Array.isArray(skills) ? skills.map((name: unknown) => ({ name, level: 'intermediate' })) : defaults.teach,
    learn: Array.isArray(wants) ? wants.map((name: unknown) => ({ name, priority: 'medium', ask: '' })) : defaults.learn,
    goals: { ...defaults.goals, ...(goal === undefined ? {} : { objective: goal }) },
    status: paused === true ? 'paused' : defaults.status,
  };
}

/** MIGRATIONS[n] upgrades version n to n + 1; a new schema version does not compile without its step. */
const MIGRATIONS = [fromV0] as const satisfies readonly Migration[] & { length: typeof PROFILE_SCHEMA_VERSION };

/** The profile's schema version; a record without one is the prototype's (version 0). */
function profileVersion(value: ProfileRecord): number {
  const version = value.schemaVersion;
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ProfileFormatError('This is not a Mutual profile:', [`schemaVersion: expected a whole number, got ${JSON.stringify(version)}`]);
  }
  return version;
}

/**
 * Any stored or exported profile, of this or an older version, as a valid current profile.
 * Throws ProfileFormatError (with the issues) when it is not one, or was written by a newer Mutual.
 */
export function migrateProfile(value: unknown): Profile {
  if (!isRecord(value)) throw new ProfileFormatError('A profile must be a JSON object.');
  const from = profileVersion(value);
  if (from > PROFILE_SCHEMA_VERSION) {
    throw new ProfileFormatError(
      `This profile was written by a newer version of Mutual (profile version ${from}; this one reads up to ${PROFILE_SCHEMA_VERSION}). Update Mutual to use it.`,
    );
  }
  let current = value;
  for (let version = from; version < PROFILE_SCHEMA_VERSION; version++) current = MIGRATIONS[version]!(current);
  const parsed = ProfileSchema.safeParse(current);
  if (!parsed.success) throw new ProfileFormatError('This is not a valid Mutual profile:', describeIssues(parsed.error, current));
  return parsed.data;
}

/** The valid part of `value` under `schema`: objects field by field, lists item by item, else `fallback`. */
function salvage(schema: z.ZodMiniType, value: unknown, fallback: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (schema instanceof z.ZodMiniObject && isRecord(value) && isRecord(fallback)) {
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, salvage(field, value[key], fallback[key])]));
  }
  if (schema instanceof z.ZodMiniArray && Array.isArray(value)) {
    const element = schema.def.element as z.ZodMiniType;
    const items = value.flatMap((item) => {
      const one = element.safeParse(item);
      return one.success ? [one.data] : [];
    });
    return schema.safeParse(items).success ? items : fallback;
  }
  return fallback;
}

/**
 * Whatever can be recovered from an unreadable profile, on top of an empty one: the form starts
 * from it so the user retypes only what was lost.
 */
export function salvageProfile(value: unknown, now: Date = new Date()): Profile {
  const empty = emptyProfile(now);
  if (!isRecord(value)) return empty;
  let current = value;
  try {
    const from = profileVersion(value);
    for (let version = from; version < PROFILE_SCHEMA_VERSION; version++) current = MIGRATIONS[version]!(current);
  } catch {
    // A broken version number: recover the fields as they are.
  }
  const recovered = salvage(ProfileSchema, { ...current, schemaVersion: PROFILE_SCHEMA_VERSION, updatedAt: empty.updatedAt }, empty);
  return ProfileSchema.parse(recovered);
}
