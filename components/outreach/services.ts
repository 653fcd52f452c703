import { saveCurrentDraft, type CurrentDraft } from '@/lib/compose';
import type { InsertOutcome } from '@/lib/messages';
import { logOutreach, type OutreachLogEntry, type PartnerRecord } from '@/lib/partners';
import { loadTemplates, type LibraryTemplate } from '@/lib/templates';
import { insertIntoTab } from '@/platform/insert';
import { readManagedTemplates } from '@/platform/templates-policy';

/** What the outreach panel needs from storage and the browser; injected so tests can drive it. */
export interface OutreachServices {
  loadTemplates(): Promise<LibraryTemplate[]>;
  insert(tabId: number, text: string): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
  /** Logs one use and marks the partner contacted (lib/partners logOutreach). */
  log(entry: OutreachLogEntry): Promise<PartnerRecord>;
  saveDraft(draft: CurrentDraft): Promise<void>;
}

export const browserOutreachServices: OutreachServices = {
  loadTemplates: async () => loadTemplates((await readManagedTemplates()).templates),
  insert: (tabId, text) => insertIntoTab(tabId, text),
  copy: (text) => navigator.clipboard.writeText(text),
  log: logOutreach,
  saveDraft: saveCurrentDraft,
};
