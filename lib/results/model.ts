import { z } from '../schema';
import { DirectoryEntrySchema } from '../directory';

/** The parts of an engine result a partner card shows: what the popup keeps of a ranking. */
export const MatchSummarySchema = z.object({
  score: z.number(),
  reasons: z.array(z.string()),
  theyTeachMe: z.array(z.string()),
  iTeachThem: z.array(z.string()),
  sharedErgs: z.array(z.string()),
  sharedInterests: z.array(z.string()),
  factors: z.array(z.object({ name: z.string(), contribution: z.number(), detail: z.string() })),
  /** A search's result: exactly whom the search asked for (its card never says "Weak match"). */
  fitsSearch: z.optional(z.boolean()),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

export const RankedPartnerSchema = z.object({ entry: DirectoryEntrySchema, match: MatchSummarySchema });
export type RankedPartner = z.infer<typeof RankedPartnerSchema>;

/** What a ranking depends on. The engine is deterministic, so equal keys give equal results. */
export interface RankingKey {
  directoryVersion: string;
  /** The profile's updatedAt: any edit (skills, weights, logistics) changes it. */
  profileUpdatedAt: string;
  mode: string;
  hiddenIds: readonly string[];
  top: number;
  /** Local day: consent expiry and daylight-saving offsets move with the date. */
  day: string;
}

export function rankingKey(key: RankingKey): string {
  return JSON.stringify([key.directoryVersion, key.profileUpdatedAt, key.mode, [...key.hiddenIds].sort(), key.top, key.day]);
}
