import { z } from '../schema';
import { openMutualDb } from '../storage';
import type { RankedPartner } from '../match';
import { RankedPartnerSchema } from '../match-result';

/**
 * The popup's last ranking without filters or search, kept in the 'settings' store so the next
 * popup paints it before the match index has loaded. Only a ranking made for the same key is
 * returned; anything unreadable counts as none (the popup then ranks as usual).
 */
const LAST_RESULTS_KEY = 'lastResults';
const LastResultsSchema = z.object({ key: z.string(), results: z.array(RankedPartnerSchema).check(z.maxLength(100)) });

export type LastRanking = z.infer<typeof LastResultsSchema>;

/** The kept ranking with the key it was made for; the caller compares that key with its own. */
export async function loadLastRanking(): Promise<LastRanking | undefined> {
  try {
    const db = await openMutualDb();
    const parsed = LastResultsSchema.safeParse(await db.get('settings', LAST_RESULTS_KEY));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function loadLastResults(key: string): Promise<RankedPartner[] | undefined> {
  const kept = await loadLastRanking();
  return kept?.key === key ? kept.results : undefined;
}

/** Best effort: a ranking that is not kept is only ranked again next time. */
export async function saveLastResults(key: string, results: readonly RankedPartner[]): Promise<void> {
  try {
    const db = await openMutualDb();
    await db.put('settings', { key, results }, LAST_RESULTS_KEY);
  } catch {
    // Nothing lost: the cache is rebuilt from the directory on the next open.
  }
}
