import { z } from 'zod';
import {
  CareerStageSchema,
  MeetingFormatSchema,
  PrioritySchema,
  SkillLevelSchema,
} from '../profile/model';

const text = (max: number) => z.string().trim().max(max);
const tagList = z.array(text(80).min(1)).max(50);

/**
 * The public part of a profile as published in a directory feed. Every string is data: the UI
 * renders it as text and templates insert it verbatim, never as markup or template syntax.
 */
export const DirectoryEntrySchema = z.object({
  /** Stable id: the lower-cased email. */
  id: z.string().min(3).max(254),
  name: text(120).min(1, 'A name is required'),
  email: z.email('Not a valid email address').max(254),
  /** Optional chat handle or profile URL, shown as text. */
  contact: text(254).optional(),
  title: text(120).default(''),
  department: text(120).default(''),
  location: text(120).default(''),
  timeZone: text(64).default('UTC'),
  careerStage: CareerStageSchema,
  languages: tagList.min(1, 'At least one language is required'),
  teach: z.array(z.object({ name: text(80).min(1), level: SkillLevelSchema })).max(50),
  learn: z
    .array(z.object({ name: text(80).min(1), priority: PrioritySchema, ask: text(280).default('') }))
    .max(50),
  interests: tagList.default([]),
  ergs: tagList.default([]),
  formats: z.array(MeetingFormatSchema).default(['video']),
  /** How many more partners this person can take. 0 means full. */
  capacity: z.number().int().min(0).max(10),
  status: z.enum(['open', 'paused']).default('open'),
  consent: z.object({
    optedIn: z.literal(true),
    /** When the person opted in (ISO date or date-time). */
    date: z.string().min(10).max(40),
  }),
  /** Explicit expiry (ISO); otherwise consent date + the directory's maximum age. */
  expiresAt: z.string().min(10).max(40).optional(),
  updatedAt: z.string().min(10).max(40),
  /** Label of the source the entry came from; set by the merge, not by the feed. */
  source: text(120).optional(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
