import type { OutreachDraft } from '@/lib/compose';
import type { InsertOutcome } from '@/lib/messages';
import type { LoggedOutreach, OutreachLogEntry, PartnerRecord, PartnerStatus } from '@/lib/partners';
import type { LibraryTemplate } from '@/lib/templates';

/** A message as it leaves Mutual: the subject goes where the page has a subject field. */
export interface OutgoingMessage {
  subject: string;
  body: string;
}

/** What the outreach panel needs from storage and the browser; the popup's entrypoint supplies it, tests fake it. */
export interface OutreachServices {
  loadTemplates(): Promise<LibraryTemplate[]>;
  insert(tabId: number, message: OutgoingMessage): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
  /** Logs one use; an insertion or an opened link also marks the partner contacted (lib/partners logOutreach). */
  log(entry: OutreachLogEntry): Promise<LoggedOutreach>;
  /** Sets the partner's status back (undo of "contacted"). */
  setStatus(partnerId: string, status: PartnerStatus): Promise<PartnerRecord>;
  saveOutreachDraft(draft: OutreachDraft): Promise<void>;
}
