import { z } from '../schema';
import { DirectoryEntrySchema } from '../directory';
import { MATCH_MODES, MEETING_FORMATS, PRIORITIES, SKILL_LEVELS } from '../profile';
import type { SkillResolution } from '../skills';

/** How a skill text was read (SkillResolution's `how`), in the order the match index numbers them. */
export const RESOLUTION_KINDS = ['exact', 'alias', 'fuzzy', 'unknown'] as const satisfies readonly SkillResolution['how'][];

/**
 * The engine's result as read back from storage (the popup's kept ranking, the match kept with a
 * partner record). It reads exactly lib/match's `MatchResult` (tests/unit/match/result-schema.test.ts
 * checks the two agree), so a stored result is the engine's type again, not a copy of it. It lives
 * apart from the engine so that pages reading a kept ranking do not load the engine.
 */
const SkillMeetSchema = z.object({
  myText: z.string(),
  theirText: z.string(),
  skill: z.string(),
  myName: z.string(),
  skillId: z.optional(z.string()),
  match: z.enum(['same', 'related']),
  myHow: z.enum(RESOLUTION_KINDS),
  theirHow: z.enum(RESOLUTION_KINDS),
  level: z.enum(SKILL_LEVELS),
  priority: z.enum(PRIORITIES),
  weight: z.number(),
  note: z.string(),
});

const MatchExplanationSchema = z.object({
  mode: z.enum(MATCH_MODES),
  direction: z.enum(['both', 'they-teach-me', 'i-teach-them']),
  theyTeachMe: z.array(SkillMeetSchema),
  iTeachThem: z.array(SkillMeetSchema),
  commonGround: z.object({ ergs: z.array(z.string()), interests: z.array(z.string()) }),
  sharedLanguages: z.array(z.string()),
  sharedFormats: z.array(z.enum(MEETING_FORMATS)),
  overlapHours: z.optional(z.number()),
  factors: z.array(z.object({ name: z.string(), contribution: z.number(), detail: z.string() })),
  limitingFactor: z.optional(z.object({ factor: z.string(), lostPoints: z.number(), reason: z.string() })),
  search: z.optional(z.string()),
});

export const MatchResultSchema = z.object({
  id: z.string(),
  position: z.number(),
  score: z.number(),
  fitsSearch: z.optional(z.literal(true)),
  reasons: z.array(z.string()),
  explanation: MatchExplanationSchema,
});

export const RankedPartnerSchema = z.object({ entry: DirectoryEntrySchema, match: MatchResultSchema });
