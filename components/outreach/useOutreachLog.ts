import { useState } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import { errorMessage } from '@/lib/errors';
import type { OutreachLogEntry, PartnerRecord, PartnerStatus } from '@/lib/partners';
import type { OutreachServices } from './services';

/** What the status line says after an action. */
export interface OutreachStatus {
  text: string;
  tone: 'info' | 'error';
}

type Use = Pick<OutreachLogEntry, 'action' | 'channel'>;

interface LogInput {
  services: OutreachServices;
  partner: DirectoryEntry;
  templateId: string;
  onLogged: ((record: PartnerRecord) => void) | undefined;
}

/**
 * The outreach log of this panel: each use is recorded; an insertion or an opened link marks the
 * partner contacted (with an undo), a copy offers to mark them once the person has sent it.
 */
export function useOutreachLog({ services, partner, templateId, onLogged }: LogInput) {
  /** The status to go back to, while "Undo contacted" is offered. */
  const [undo, setUndo] = useState<PartnerStatus>();
  /** After a copy that left them unmarked, their status then: "Mark as contacted" is offered (the person says when they sent it). */
  const [unmarked, setUnmarked] = useState<PartnerStatus>();
  /** Whether the contacted mark that Undo would take back was the person's own, after a copy. */
  const [markedByHand, setMarkedByHand] = useState(false);

  /** Logs one use; returns a note for the status when logging failed (the action itself worked). */
  async function record(use: Use): Promise<string> {
    try {
      const logged = await services.log({ partnerId: partner.id, partnerName: partner.name, templateId, ...use, at: new Date().toISOString() });
      onLogged?.(logged.record);
      setUndo(logged.record.status === logged.previousStatus ? undefined : logged.previousStatus);
      const { status } = logged.record;
      setUnmarked(use.action === 'copied' && (status === 'none' || status === 'declined') ? status : undefined);
      setMarkedByHand(false);
      return '';
    } catch (error) {
      return ` (Mutual could not record this in your log: ${errorMessage(error)})`;
    }
  }

  /** Puts the partner's status back; resolves with what to tell the user. */
  async function undoContacted(previous: PartnerStatus): Promise<OutreachStatus> {
    setUndo(undefined);
    try {
      onLogged?.(await services.setStatus(partner.id, previous));
      // Undoing one's own mark after a copy offers it again: the copied message may still be sent.
      if (markedByHand) setUnmarked(previous);
      return { text: `${partner.name} is no longer marked contacted.`, tone: 'info' };
    } catch (error) {
      return { text: `Mutual could not undo: ${errorMessage(error)}`, tone: 'error' };
    }
  }

  /** Marks the partner contacted after a copy; resolves with what to tell the user. */
  async function markContacted(): Promise<OutreachStatus> {
    const previous = unmarked ?? 'none';
    setUnmarked(undefined);
    try {
      onLogged?.(await services.setStatus(partner.id, 'contacted'));
      setUndo(previous);
      setMarkedByHand(true);
      return { text: '', tone: 'info' };
    } catch (error) {
      setUnmarked(previous);
      return { text: `Mutual could not mark ${partner.name} contacted: ${errorMessage(error)}`, tone: 'error' };
    }
  }

  return { undo, offerMark: unmarked !== undefined, record, undoContacted, markContacted };
}
