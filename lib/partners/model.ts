import { z } from '../schema';
import { MatchResultSchema } from '../match-result';

export const PARTNER_STATUSES = ['none', 'contacted', 'talking', 'partnered', 'declined'] as const;
const PartnerStatusSchema = z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

/** What the user keeps about one directory entry (key: entry id). */
export const PartnerRecordSchema = z.object({
  id: z.string(),
  shortlisted: z.boolean(),
  hidden: z.boolean(),
  status: PartnerStatusSchema,
  /**
   * The engine's result as the results list showed it when the user kept this person (score,
   * reasons); a match kept in an older shape is dropped, and the next ranking shows theirs again.
   */
  match: z.catch(z.optional(MatchResultSchema), undefined),
  updatedAt: z.iso.datetime(),
});
export type PartnerRecord = z.infer<typeof PartnerRecordSchema>;

const OUTREACH_ACTIONS = ['inserted', 'copied', 'opened'] as const;

/** One use of a template: logged so the user can follow through (store outreachLog). */
export const OutreachLogEntrySchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  templateId: z.string(),
  action: z.enum(OUTREACH_ACTIONS),
  /** Where it went: "Gmail compose", "copied to clipboard", "mailto:" ... */
  channel: z.string(),
  at: z.iso.datetime(),
});
export type OutreachLogEntry = z.infer<typeof OutreachLogEntrySchema>;

export function newPartnerRecord(id: string, now: Date = new Date()): PartnerRecord {
  return { id, shortlisted: false, hidden: false, status: 'none', updatedAt: now.toISOString() };
}

/** The people the user hid: they leave the matches until shown again. */
export function hiddenIds(partners: ReadonlyMap<string, PartnerRecord>): Set<string> {
  return new Set([...partners.values()].filter((record) => record.hidden).map((record) => record.id));
}
