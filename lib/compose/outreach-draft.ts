import { z } from '../schema';
import { DirectoryEntrySchema } from '../directory';
import { ProfileSchema } from '../profile';
import { openMutualDb } from '../storage';
import type { OutreachContext } from '../templates';

/** The key the outreach draft has always been stored under (kept, so a stored draft still reads). */
const DRAFT_KEY = 'currentDraft';

/**
 * The last outreach the user prepared in the popup ('settings' store). The keyboard shortcut
 * inserts its body; the context menu fills other templates from its context.
 */
const OutreachDraftSchema = z.object({
  partnerId: z.string().check(z.minLength(1)),
  partnerName: z.string(),
  templateId: z.string(),
  subject: z.string().check(z.maxLength(1000)),
  body: z.string().check(z.maxLength(20_000)),
  /** The placeholders the template left for the user to fill in: while the text holds one, it is not inserted. */
  blanks: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(100)), []),
  context: z.object({
    me: ProfileSchema,
    partner: DirectoryEntrySchema,
    theyTeachMe: z.array(z.string()),
    iTeachThem: z.array(z.string()),
    sharedErgs: z.array(z.string()),
    sharedInterests: z.array(z.string()),
  }),
  savedAt: z.iso.datetime(),
});
export type OutreachDraft = z.infer<typeof OutreachDraftSchema> & { context: OutreachContext };

/** The blanks the draft still holds: a draft with any left must not leave Mutual. */
export function outreachDraftBlanks(draft: Pick<OutreachDraft, 'subject' | 'body' | 'blanks'>): string[] {
  return draft.blanks.filter((blank) => draft.subject.includes(blank) || draft.body.includes(blank));
}

export async function saveOutreachDraft(draft: OutreachDraft): Promise<void> {
  const db = await openMutualDb();
  await db.put('settings', OutreachDraftSchema.parse(draft), DRAFT_KEY);
}

/** The current draft, or undefined when there is none or it cannot be read. */
export async function loadOutreachDraft(): Promise<OutreachDraft | undefined> {
  const db = await openMutualDb();
  const parsed = OutreachDraftSchema.safeParse(await db.get('settings', DRAFT_KEY));
  return parsed.success ? parsed.data : undefined;
}
