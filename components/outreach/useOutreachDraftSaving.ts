import { useEffect } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { OutreachContext } from '@/lib/templates';
import type { OutreachMessage } from './useOutreachMessage';
import type { OutreachServices } from './services';

const DRAFT_SAVE_DELAY_MS = 400;

/** Keeps the last prepared message as the draft the keyboard shortcut and the context menu insert. */
export function useOutreachDraftSaving(services: OutreachServices, partner: DirectoryEntry, context: OutreachContext, outreach: OutreachMessage): void {
  const { templateId, rendered, message } = outreach;
  useEffect(() => {
    if (!templateId) return;
    const timer = setTimeout(() => {
      services
        .saveOutreachDraft({
          partnerId: partner.id,
          partnerName: partner.name,
          templateId,
          ...message,
          blanks: rendered.missing.map((value) => value.placeholder),
          context,
          savedAt: new Date().toISOString(),
        })
        .catch(() => undefined); // A lost draft only affects the shortcut; the panel keeps working.
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [services, templateId, message.subject, message.body, rendered, context, partner]);
}
