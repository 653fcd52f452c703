import type { DirectoryEntry } from '@/lib/directory/entry';
import type { PartnerRecord } from '@/lib/partners/model';
import { PartnerCard, type CardHandlers } from './PartnerCard';
import type { RankedPartner } from '@/lib/match';
import { toPartnerView } from './view-model';

export type SavedViewName = 'shortlist' | 'asks' | 'hidden';

/** The views of people the user keeps a record of: who belongs in each, its list name, its empty text. */
const SAVED_VIEWS: Record<SavedViewName, { keeps(record: PartnerRecord): boolean; label: string; empty: string }> = {
  shortlist: {
    keeps: (record) => record.shortlisted && !record.hidden,
    label: 'Shortlist',
    empty: 'Your shortlist is empty. Use “Shortlist” on a match to keep it here.',
  },
  asks: {
    keeps: (record) => record.status === 'contacted' || record.status === 'talking',
    label: 'Open asks',
    empty: 'No open asks yet. When you reach out to someone, they appear here until you mark how it went.',
  },
  hidden: {
    keeps: (record) => record.hidden,
    label: 'Hidden people',
    empty: 'Nobody is hidden. People you hide leave your matches and wait here until you show them again.',
  },
};

export function SavedView(props: {
  view: SavedViewName;
  entries: DirectoryEntry[];
  partners: ReadonlyMap<string, PartnerRecord>;
  ranked: readonly RankedPartner[];
  now: Date;
  handlers: CardHandlers;
}) {
  const { keeps, label, empty } = SAVED_VIEWS[props.view];
  // The current ranking's match when the person is in it, else the one kept with the record.
  const matchOf = (entry: DirectoryEntry) => props.ranked.find((r) => r.entry.id === entry.id)?.match ?? props.partners.get(entry.id)?.match;
  const wanted = props.entries.filter((entry) => {
    const record = props.partners.get(entry.id);
    return record !== undefined && keeps(record);
  });
  if (wanted.length === 0) {
    return (
      <div className="empty">
        <p>{empty}</p>
      </div>
    );
  }
  return (
    <ul className="results" aria-label={label}>
      {wanted.map((entry) => (
        <PartnerCard key={entry.id} partner={toPartnerView(entry, matchOf(entry), props.partners.get(entry.id), props.now)} {...props.handlers} />
      ))}
    </ul>
  );
}
