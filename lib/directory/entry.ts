import { z } from '../schema';
import {
  CareerStageSchema,
  MeetingFormatSchema,
  PrioritySchema,
  SkillLevelSchema,
} from '../profile';

/** How long values may be: a longer one is rejected with its length, never cut silently. */
export const LIMITS = {
  name: 120,
  email: 254,
  contact: 254,
  field: 120,
  timeZone: 64,
  item: 80,
  ask: 280,
  items: 50,
  capacity: 10,
  dateMin: 10,
  dateMax: 40,
} as const;

const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max, { error: (issue) => `Too long: ${String(issue.input).length} characters (at most ${max})` }),
  );
const tagList = z.array(text(LIMITS.item).check(z.minLength(1, 'Empty item'))).check(z.maxLength(LIMITS.items, `At most ${LIMITS.items} items`));
/** ISO date or date-time; the exact form is free, but it must be a date. */
const isoDate = z
  .string()
  .check(
    z.minLength(LIMITS.dateMin, 'Not a date (use YYYY-MM-DD)'),
    z.maxLength(LIMITS.dateMax, 'Not a date (use YYYY-MM-DD)'),
    z.refine((value) => !Number.isNaN(Date.parse(value)), 'Not a date (use YYYY-MM-DD)'),
  );

/** What a feed publishes for one person: everything but the id and source, which Mutual derives. */
export const FeedEntrySchema = z.object({
  name: text(LIMITS.name).check(z.minLength(1, 'A name is required')),
  email: z.email('Not a valid email address').check(z.maxLength(LIMITS.email, `Too long: at most ${LIMITS.email} characters`)),
  /** Optional chat handle or profile URL, shown as text. */
  contact: z.optional(text(LIMITS.contact)),
  title: z._default(text(LIMITS.field), ''),
  department: z._default(text(LIMITS.field), ''),
  location: z._default(text(LIMITS.field), ''),
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: z._default(text(LIMITS.timeZone), 'UTC'),
  careerStage: CareerStageSchema,
  languages: tagList.check(z.minLength(1, 'At least one language is required')),
  teach: z
    .array(z.object({ name: text(LIMITS.item).check(z.minLength(1, 'Empty skill')), level: SkillLevelSchema }))
    .check(z.maxLength(LIMITS.items, `At most ${LIMITS.items} skills`)),
  learn: z
    .array(z.object({ name: text(LIMITS.item).check(z.minLength(1, 'Empty skill')), priority: PrioritySchema, ask: z._default(text(LIMITS.ask), '') }))
    .check(z.maxLength(LIMITS.items, `At most ${LIMITS.items} skills`)),
  interests: z._default(tagList, []),
  ergs: z._default(tagList, []),
  formats: z._default(z.array(MeetingFormatSchema).check(z.maxLength(4)), ['video']),
  /** How many more partners this person can take. 0 means full. */
  capacity: z.number().check(z.int(), z.gte(0), z.lte(LIMITS.capacity)),
  status: z._default(z.enum(['open', 'paused']), 'open'),
  consent: z.object({
    optedIn: z.literal(true, 'Explicit opt-in (true) is required'),
    /** When the person opted in (ISO date or date-time). */
    date: isoDate,
  }),
  /** Explicit expiry (ISO); otherwise consent date + the directory's maximum age. */
  expiresAt: z.optional(isoDate),
  updatedAt: isoDate,
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

/**
 * The public part of a profile as published in a directory feed. Every string is data: the UI
 * renders it as text and templates insert it verbatim, never as markup or template syntax.
 */
export const DirectoryEntrySchema = z.extend(FeedEntrySchema, {
  /** Stable id: the lower-cased email. */
  id: z.string().check(z.minLength(3), z.maxLength(254)),
  /** Label of the source the entry came from; set by the merge, not by the feed. */
  source: z.optional(text(120)),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const FEED_FORMAT = 'mutual-directory';
export const FEED_VERSION = 1;

/** The JSON feed (docs/directory-feed.md); entries are checked one by one so one bad entry rejects only itself. */
export const FeedSchema = z.object({
  format: z.literal(FEED_FORMAT),
  version: z.literal(FEED_VERSION),
  name: text(120).check(z.minLength(1)),
  generatedAt: isoDate,
  entries: z.array(FeedEntrySchema),
});

export function entryId(email: string): string {
  return email.trim().toLowerCase();
}
