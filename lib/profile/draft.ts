import { z } from '../schema';
import {
  CadenceSchema,
  CareerStageSchema,
  MAX_SKILLS,
  MeetingFormatSchema,
  PartnershipKindSchema,
  PrioritySchema,
  ProfileSchema,
  SkillLevelSchema,
  LearnSkillSchema,
  TeachSkillSchema,
  type LearnSkill,
  type Profile,
  type TeachSkill,
} from './model';
import { asTyped, skillKey, type CanonicalSkillName } from './skill-names';

/**
 * What the form holds: the profile as typed, invalid text included. Numbers stay text so "3o"
 * survives a reload with its message; rows carry a key so messages and focus follow them.
 */
const TeachRowSchema = z.object({ key: z.string(), name: z.string(), level: SkillLevelSchema });
const LearnRowSchema = z.object({ key: z.string(), name: z.string(), priority: PrioritySchema, ask: z.string() });

export const ProfileDraftSchema = z.object({
  name: z.string(),
  email: z.string(),
  title: z.string(),
  department: z.string(),
  location: z.string(),
  timeZone: z.string(),
  careerStage: CareerStageSchema,
  languages: z.array(z.string()),
  teach: z.array(TeachRowSchema),
  learn: z.array(LearnRowSchema),
  interests: z.array(z.string()),
  ergs: z.array(z.string()),
  goals: z.object({
    objective: z.string(),
    durationMonths: z.string(),
    cadence: CadenceSchema,
    sessionMinutes: z.string(),
    successMeasure: z.string(),
  }),
  formats: z.array(MeetingFormatSchema),
  capacity: z.string(),
  openTo: z.array(PartnershipKindSchema),
  status: z.enum(['open', 'paused']),
});
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;
export type TeachRow = z.infer<typeof TeachRowSchema>;
export type LearnRow = z.infer<typeof LearnRowSchema>;

/** Messages by field path: 'email', 'goals.durationMonths', 'teach.<row key>.name'. */
export type FieldErrors = Readonly<Record<string, string>>;

let rowCounter = 0;
/** Unique within a page; keys are never compared across pages. */
function newRowKey(): string {
  rowCounter += 1;
  return `row-${Date.now().toString(36)}-${rowCounter}`;
}

export function teachRow(name = '', level: TeachRow['level'] = 'intermediate'): TeachRow {
  return { key: newRowKey(), name, level };
}

export function learnRow(name = '', priority: LearnRow['priority'] = 'medium', ask = ''): LearnRow {
  return { key: newRowKey(), name, priority, ask };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    email: profile.email,
    title: profile.title,
    department: profile.department,
    location: profile.location,
    timeZone: profile.timeZone,
    careerStage: profile.careerStage,
    languages: [...profile.languages],
    teach: profile.teach.map((skill) => teachRow(skill.name, skill.level)),
    learn: profile.learn.map((skill) => learnRow(skill.name, skill.priority, skill.ask)),
    interests: [...profile.interests],
    ergs: [...profile.ergs],
    goals: {
      objective: profile.goals.objective,
      durationMonths: String(profile.goals.durationMonths),
      cadence: profile.goals.cadence,
      sessionMinutes: String(profile.goals.sessionMinutes),
      successMeasure: profile.goals.successMeasure,
    },
    formats: [...profile.formats],
    capacity: String(profile.capacity),
    openTo: [...profile.openTo],
    status: profile.status,
  };
}

/** Text to number; anything but plain digits (and an optional fraction) is NaN, so the schema says what is wrong. */
function numberFromText(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export interface AppliedDraft {
  /** The base profile with every valid field of the draft; invalid fields keep the base's value. */
  profile: Profile;
  errors: FieldErrors;
  /** Whether the profile differs from the base (then updatedAt is `now`). */
  changed: boolean;
}

export interface ApplyOptions {
  /** Duplicates are found through it ("JS" and "JavaScript" are one skill). */
  canonical?: CanonicalSkillName;
  now?: Date;
}

const SHAPE = ProfileSchema.shape;
const GOALS = SHAPE.goals.shape;

/**
 * The draft as a valid profile: each field is checked on its own, so one invalid field never
 * stops the rest from being saved. Rows without a skill name are still being filled in: skipped.
 */
export function applyDraft(draft: ProfileDraft, base: Profile, options: ApplyOptions = {}): AppliedDraft {
  const errors: Record<string, string> = {};
  function take<T>(path: string, schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    errors[path] = parsed.error.issues[0]?.message ?? 'Check this value';
    return fallback;
  }
  const canonical = options.canonical ?? asTyped;

  function rows<Row extends { key: string; name: string }, Skill>(side: 'teach' | 'learn', list: readonly Row[], schema: z.ZodMiniType<Skill>): Skill[] {
    const seen = new Set<string>();
    const skills: Skill[] = [];
    for (const row of list) {
      if (!row.name.trim()) continue;
      const path = `${side}.${row.key}.name`;
      const key = skillKey(row.name, canonical);
      if (seen.has(key)) {
        errors[path] = 'Already listed above';
        continue;
      }
      seen.add(key);
      if (skills.length === MAX_SKILLS) {
        errors[path] = `List at most ${MAX_SKILLS} skills`;
        continue;
      }
      const parsed = schema.safeParse(row);
      if (parsed.success) skills.push(parsed.data);
      else errors[`${side}.${row.key}.${String(parsed.error.issues[0]?.path[0] ?? 'name')}`] = parsed.error.issues[0]?.message ?? 'Check this skill';
    }
    return skills;
  }

  const content: Omit<Profile, 'updatedAt'> = {
    schemaVersion: base.schemaVersion,
    name: take('name', SHAPE.name, draft.name, base.name),
    email: take('email', SHAPE.email, draft.email.trim(), base.email),
    title: take('title', SHAPE.title, draft.title, base.title),
    department: take('department', SHAPE.department, draft.department, base.department),
    location: take('location', SHAPE.location, draft.location, base.location),
    timeZone: take('timeZone', SHAPE.timeZone, draft.timeZone, base.timeZone),
    careerStage: draft.careerStage,
    languages: take('languages', SHAPE.languages, draft.languages, base.languages),
    teach: rows<TeachRow, TeachSkill>('teach', draft.teach, TeachSkillSchema),
    learn: rows<LearnRow, LearnSkill>('learn', draft.learn, LearnSkillSchema),
    interests: take('interests', SHAPE.interests, draft.interests, base.interests),
    ergs: take('ergs', SHAPE.ergs, draft.ergs, base.ergs),
    goals: {
      objective: take('goals.objective', GOALS.objective, draft.goals.objective, base.goals.objective),
      durationMonths: take('goals.durationMonths', GOALS.durationMonths, numberFromText(draft.goals.durationMonths), base.goals.durationMonths),
      cadence: draft.goals.cadence,
      sessionMinutes: take('goals.sessionMinutes', GOALS.sessionMinutes, numberFromText(draft.goals.sessionMinutes), base.goals.sessionMinutes),
      successMeasure: take('goals.successMeasure', GOALS.successMeasure, draft.goals.successMeasure, base.goals.successMeasure),
    },
    formats: draft.formats,
    capacity: take('capacity', SHAPE.capacity, numberFromText(draft.capacity), base.capacity),
    openTo: draft.openTo,
    status: draft.status,
    ...(base.weights ? { weights: base.weights } : {}),
    matchMode: base.matchMode,
  };
  const { updatedAt: _, ...baseContent } = base;
  const changed = JSON.stringify(sortedKeys(content)) !== JSON.stringify(sortedKeys(baseContent));
  const profile = ProfileSchema.parse({ ...content, updatedAt: changed ? (options.now ?? new Date()).toISOString() : base.updatedAt });
  return { profile, errors, changed };
}

/** JSON of a value with object keys in one order, so equal profiles compare equal whatever built them. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, sortedKeys(item)]));
  }
  return value;
}
