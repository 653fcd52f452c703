import { useState } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { PartnerRecord, PartnerStatus } from '@/lib/partners/model';
import type { CardHandlers } from './PartnerCard';
import type { RankedPartner } from '@/lib/match';
import type { PopupServices } from './services';
import { useFocusAfterCardLeaves } from './useFocusKeeping';

interface PartnerActionsInput {
  services: PopupServices;
  ranked: readonly RankedPartner[];
  saved: readonly DirectoryEntry[];
  keepPartner(record: PartnerRecord): void;
  onReachOut(id: string): void;
}

/** What the cards' buttons do: shortlist, hide, set a status (each said to screen readers), reach out. */
export function usePartnerActions({ services, ranked, saved, keepPartner, onReachOut }: PartnerActionsInput): { handlers: CardHandlers; announcement: string } {
  const [announcement, setAnnouncement] = useState('');
  const willLeave = useFocusAfterCardLeaves();
  const nameOf = (id: string) => ranked.find((r) => r.entry.id === id)?.entry.name ?? saved.find((e) => e.id === id)?.name ?? 'Partner';
  // The shortlist and "my asks" keep the score and reasons the results list showed for the person.
  const updateRecord = async (id: string, change: Partial<Pick<PartnerRecord, 'shortlisted' | 'hidden' | 'status'>>, message: string) => {
    const match = ranked.find((r) => r.entry.id === id)?.match;
    keepPartner(await services.updatePartner(id, { ...change, ...(match ? { match } : {}) }));
    setAnnouncement(message);
  };
  const handlers: CardHandlers = {
    onReachOut,
    onShortlist: (id, shortlisted) => {
      willLeave(id);
      void updateRecord(id, { shortlisted }, `${nameOf(id)} ${shortlisted ? 'added to' : 'removed from'} your shortlist`);
    },
    onHide: (id, hidden) => {
      willLeave(id);
      void updateRecord(id, { hidden }, `${nameOf(id)} ${hidden ? 'hidden' : 'shown again'}`);
    },
    onStatus: (id: string, status: PartnerStatus) => void updateRecord(id, { status }, `Status of ${nameOf(id)}: ${status}`),
  };
  return { handlers, announcement };
}
