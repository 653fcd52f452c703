import { z } from '../schema';
import { CadenceSchema, MeetingFormatSchema } from '../profile';
import { isTimeZone, parseClock, parseIsoDate } from './time';

/**
 * A partnership: from the first ask to its end. Stored in IndexedDB (store `partnerships`) and
 * validated again on every read, because storage is a boundary.
 */
const PARTNERSHIP_STATUSES = ['asked', 'agreed', 'active', 'ended', 'declined', 'no-answer'] as const;
const PartnershipStatusSchema = z.enum(PARTNERSHIP_STATUSES);
export type PartnershipStatus = z.infer<typeof PartnershipStatusSchema>;

/** Where each status may go next; "ended", "declined" and "no answer" are kept, never reopened. */
const NEXT_STATUSES: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = {
  asked: ['agreed', 'declined', 'no-answer'],
  agreed: ['active', 'ended'],
  active: ['ended'],
  ended: [],
  declined: [],
  'no-answer': ['agreed', 'declined'],
};

/** Asks still waiting for an answer: they count against the cap on open asks. */
export const OPEN_STATUSES: readonly PartnershipStatus[] = ['asked'];

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, `Use at most ${max} characters`));
const isoDate = z.string().check(z.refine((value) => parseIsoDate(value) !== undefined, 'Enter a date as YYYY-MM-DD'));
const timeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, 'Not a time zone the browser knows'));
/** A whole number from min to max; `range` is what the person is told when it is not one. */
const wholeNumber = (min: number, max: number, range: string, whole: string) =>
  z.number({ error: range }).check(z.int(whole), z.gte(min, range), z.lte(max, range));
const minutes = (max: number) => wholeNumber(0, max, `Enter 0 to ${max} minutes`, 'Enter whole minutes');

const AGREEMENT_LIMITS = { line: 280, rules: 12, rule: 200 } as const;

/** The terms two people agree on; every field is editable, and an empty one shows a placeholder. */
export const AgreementSchema = z.object({
  /** What I will teach them, and their concrete ask for it. */
  iTeach: text(AGREEMENT_LIMITS.line),
  theirAsk: text(AGREEMENT_LIMITS.line),
  /** What they will teach me, and my concrete ask for it. */
  theyTeach: text(AGREEMENT_LIMITS.line),
  myAsk: text(AGREEMENT_LIMITS.line),
  format: MeetingFormatSchema,
  cadence: CadenceSchema,
  sessionMinutes: wholeNumber(15, 180, 'Enter 15 to 180 minutes', 'Enter whole minutes'),
  durationMonths: wholeNumber(1, 24, 'Enter 1 to 24 months', 'Enter whole months'),
  startDate: isoDate,
  /** 'HH:MM' in my time zone, or '' while no time suits both. */
  time: z.string().check(z.refine((value) => value === '' || parseClock(value) !== undefined, 'Enter a time as HH:MM')),
  myTimeZone: timeZone,
  theirTimeZone: timeZone,
  /** How each side will know it worked: one line each. */
  mySuccess: text(AGREEMENT_LIMITS.line),
  theirSuccess: text(AGREEMENT_LIMITS.line),
  groundRules: z
    .array(text(AGREEMENT_LIMITS.rule).check(z.minLength(1, 'Remove the empty rule')))
    .check(z.maxLength(AGREEMENT_LIMITS.rules, `Keep at most ${AGREEMENT_LIMITS.rules} ground rules`)),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const OBJECTIVE_ANSWERS = ['yes', 'partly', 'no'] as const;

const ReflectionSchema = z.object({
  myObjectivesMet: z.enum(OBJECTIVE_ANSWERS),
  theirObjectivesMet: z.enum(OBJECTIVE_ANSWERS),
  pairAgain: z.boolean(),
  /** One line the person may share. */
  shareLine: text(AGREEMENT_LIMITS.line),
  at: z.iso.datetime(),
});
export type Reflection = z.infer<typeof ReflectionSchema>;

const StatusChangeSchema = z.object({ status: PartnershipStatusSchema, at: z.iso.datetime() });

export const PartnershipSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The directory entry id (lower-cased email). */
  partnerId: z.string().check(z.minLength(1), z.maxLength(254)),
  /** Kept so the partnership reads the same when the directory no longer lists the person. */
  partnerName: text(120),
  status: PartnershipStatusSchema,
  askedAt: z.iso.datetime(),
  /** Every status change, oldest first: nothing about the path is lost. */
  history: z.array(StatusChangeSchema),
  /** When the one follow-up suggestion was offered: it is never offered again. */
  followUpOfferedAt: z.optional(z.iso.datetime()),
  agreement: z.optional(AgreementSchema),
  reminders: z.object({
    on: z.boolean(),
    /** The check-in the last alarm announced, until the person has seen it. */
    dueAt: z.optional(z.iso.datetime()),
  }),
  reflection: z.optional(ReflectionSchema),
  /** The partner record this partnership was made from, as it was (migration from lib/partners). */
  migratedFrom: z.optional(z.record(z.string(), z.unknown())),
  updatedAt: z.iso.datetime(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;

/** One session in the private log. */
export const SessionLogEntrySchema = z.object({
  partnershipId: z.string().check(z.minLength(1), z.maxLength(300)),
  date: isoDate,
  learned: text(1000),
  taught: text(1000),
  minutesLearning: minutes(600),
  minutesTeaching: minutes(600),
  at: z.iso.datetime(),
});
export type SessionLogEntry = z.infer<typeof SessionLogEntrySchema>;

export const PARTNERSHIP_SETTINGS_DEFAULTS = { openAskCap: 3, followUpDays: 7 } as const;

export const PartnershipSettingsSchema = z.object({
  /** How many asks may wait for an answer at once. */
  openAskCap: wholeNumber(1, 20, 'Enter 1 to 20 asks', 'Enter a whole number of asks'),
  /** Days without an answer before one polite follow-up is suggested. */
  followUpDays: wholeNumber(1, 60, 'Enter 1 to 60 days', 'Enter a whole number of days'),
});
export type PartnershipSettings = z.infer<typeof PartnershipSettingsSchema>;

export class TransitionError extends Error {
  override name = 'TransitionError';
}

const STATUS_WORDS: Record<PartnershipStatus, string> = {
  asked: 'ask sent',
  agreed: 'agreed',
  active: 'active',
  ended: 'ended',
  declined: 'declined',
  'no-answer': 'no answer',
};

export function statusLabel(status: PartnershipStatus): string {
  return STATUS_WORDS[status];
}

/** The partnership in its next status, or a TransitionError saying why it cannot move there. */
export function moveTo(partnership: Partnership, status: PartnershipStatus, now: Date): Partnership {
  if (!NEXT_STATUSES[partnership.status].includes(status)) {
    throw new TransitionError(`A partnership that is “${statusLabel(partnership.status)}” cannot become “${statusLabel(status)}”.`);
  }
  const at = now.toISOString();
  return {
    ...partnership,
    status,
    history: [...partnership.history, { status, at }],
    // Reminders belong to meetings: a partnership that ends stops them.
    reminders: status === 'ended' ? { on: false } : partnership.reminders,
    updatedAt: at,
  };
}

export function newAsk(partnerId: string, partnerName: string, at: Date): Partnership {
  const iso = at.toISOString();
  return {
    id: `${partnerId}@${iso}`,
    partnerId,
    partnerName,
    status: 'asked',
    askedAt: iso,
    history: [{ status: 'asked', at: iso }],
    reminders: { on: false },
    updatedAt: iso,
  };
}
