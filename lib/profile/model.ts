import { z } from '../schema';

/** Career stage, never age: it is what the reverse/traditional direction is computed from. */
export const CAREER_STAGES = ['early', 'mid', 'senior', 'executive'] as const;
export const CareerStageSchema = z.enum(CAREER_STAGES);
export type CareerStage = z.infer<typeof CareerStageSchema>;

/** How a career stage is written for people, everywhere Mutual shows one. */
export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  early: 'Early career',
  mid: 'Mid-career',
  senior: 'Senior',
  executive: 'Executive',
};

/** The profile form's names for the profile's fields, so a problem names what the person can fix. */
export const PROFILE_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  email: 'Work email',
  title: 'Job title',
  department: 'Department or team',
  careerStage: 'Career stage',
  location: 'Location',
  timeZone: 'Time zone',
  languages: 'Languages',
  teach: 'I can teach',
  learn: 'I want to learn',
  interests: 'Interests',
  ergs: 'Employee resource groups',
  formats: 'Meeting formats',
  capacity: 'How many partners at a time',
  status: 'Open to new partners',
  matchMode: 'Kind of mentoring',
  goals: 'Goals',
  weights: 'What matters in a match',
  schemaVersion: 'Profile version',
  updatedAt: 'Last saved',
};

export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export const SkillLevelSchema = z.enum(SKILL_LEVELS);
export type SkillLevel = z.infer<typeof SkillLevelSchema>;

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const MEETING_FORMATS = ['video', 'in-person', 'chat', 'phone'] as const;
export const MeetingFormatSchema = z.enum(MEETING_FORMATS);
export type MeetingFormat = z.infer<typeof MeetingFormatSchema>;

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export const CadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof CadenceSchema>;

/** reverse-mentor: I (earlier career) teach someone senior; reverse-mentee: I (senior) learn from someone earlier-career. */
export const PARTNERSHIP_KINDS = ['reverse-mentor', 'reverse-mentee', 'two-way', 'traditional'] as const;
export const PartnershipKindSchema = z.enum(PARTNERSHIP_KINDS);
export type PartnershipKind = z.infer<typeof PartnershipKindSchema>;

export const MATCH_MODES = ['two-way', 'reverse', 'traditional'] as const;
const MatchModeSchema = z.enum(MATCH_MODES);
export type MatchMode = z.infer<typeof MatchModeSchema>;

/** Messages are written for the person filling in the form: the options page shows them next to the field. */
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, `Use at most ${max} characters`));
const skillName = text(80).check(z.minLength(1, 'Enter a skill name'));
const tagList = z.array(text(80).check(z.minLength(1, 'Remove the empty entry'))).check(z.maxLength(50, 'List at most 50'));
const wholeNumber = (min: number, max: number, unit: string) =>
  z.number({ error: `Enter a number of ${unit} from ${min} to ${max}` }).check(z.int(`Enter a whole number of ${unit}`), z.gte(min, `Enter ${min} to ${max} ${unit}`), z.lte(max, `Enter ${min} to ${max} ${unit}`));

export const TeachSkillSchema = z.object({ name: skillName, level: SkillLevelSchema });
export type TeachSkill = z.infer<typeof TeachSkillSchema>;

export const LearnSkillSchema = z.object({
  name: skillName,
  priority: PrioritySchema,
  /** A concrete ask: "be able to run our TikTok account", not "social media". */
  ask: z._default(text(280), ''),
});
export type LearnSkill = z.infer<typeof LearnSkillSchema>;

/** Relative weights of the match factors; the engine documents the defaults and why. */
const weight = () => z.number().check(z.gte(0), z.lte(5));
const MatchWeightsSchema = z.object({
  theyTeachMe: weight(),
  iTeachThem: weight(),
  commonGround: weight(),
  crossDepartment: weight(),
  /** Absent in profiles saved before it existed: the engine's default applies. */
  crossGeneration: z.optional(weight()),
  timeZone: weight(),
  formats: weight(),
});
export type MatchWeights = z.infer<typeof MatchWeightsSchema>;

export const PROFILE_SCHEMA_VERSION = 1;
/** The most skills a profile lists on each side (teach, learn). */
export const MAX_SKILLS = 50;

export const ProfileSchema = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  name: text(120),
  email: z.union([z.literal(''), z.email('Enter a valid email address').check(z.maxLength(254))]),
  title: text(120),
  department: text(120),
  location: text(120),
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: text(64),
  careerStage: CareerStageSchema,
  languages: tagList,
  teach: z.array(TeachSkillSchema).check(z.maxLength(MAX_SKILLS, `List at most ${MAX_SKILLS} skills`)),
  learn: z.array(LearnSkillSchema).check(z.maxLength(MAX_SKILLS, `List at most ${MAX_SKILLS} skills`)),
  interests: tagList,
  ergs: tagList,
  goals: z.object({
    objective: text(500),
    durationMonths: wholeNumber(1, 24, 'months'),
    cadence: CadenceSchema,
    sessionMinutes: wholeNumber(15, 180, 'minutes'),
    successMeasure: text(500),
  }),
  formats: z.array(MeetingFormatSchema).check(z.maxLength(MEETING_FORMATS.length)),
  /** How many partners at once; 0 = none right now. */
  capacity: wholeNumber(0, 10, 'partners'),
  openTo: z.array(PartnershipKindSchema).check(z.maxLength(PARTNERSHIP_KINDS.length)),
  status: z.enum(['open', 'paused']),
  matchMode: MatchModeSchema,
  weights: z.optional(MatchWeightsSchema),
  updatedAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function emptyProfile(now: Date = new Date()): Profile {
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    name: '',
    email: '',
    title: '',
    department: '',
    location: '',
    timeZone: detectTimeZone(),
    careerStage: 'mid',
    languages: ['English'],
    teach: [],
    learn: [],
    interests: [],
    ergs: [],
    goals: { objective: '', durationMonths: 6, cadence: 'biweekly', sessionMinutes: 45, successMeasure: '' },
    formats: ['video'],
    capacity: 1,
    openTo: ['two-way'],
    status: 'open',
    matchMode: 'two-way',
    updatedAt: now.toISOString(),
  };
}
