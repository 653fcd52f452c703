import { useId, useState } from 'react';
import { PARTNER_STATUSES, type PartnerRecord, type PartnerStatus } from '@/lib/partners/model';

/** What one partner card shows: a match (or a shortlisted person) and what the user keeps about them. */
export interface PartnerView {
  id: string;
  name: string;
  title: string;
  department: string;
  location: string;
  /** "14:05 local time (Europe/Berlin)" */
  localTime: string;
  score?: number;
  theyTeachMe: readonly string[];
  iTeachThem: readonly string[];
  sharedErgs: readonly string[];
  sharedInterests: readonly string[];
  reasons: readonly string[];
  factors: readonly { name: string; contribution: number; detail: string }[];
  /** Exactly whom the search asked for: never labelled a weak match. */
  fitsSearch?: boolean;
  /** What the search found in their entry ("teaches Python"), said on the card. */
  searchFound?: string;
  record: PartnerRecord;
}

const STATUS_LABELS: Record<PartnerStatus, string> = {
  none: 'No status',
  contacted: 'Contacted',
  talking: 'Talking',
  partnered: 'Partnered',
  declined: 'Declined',
};

function scoreLabel(score: number, fitsSearch = false): string {
  if (score >= 75) return 'Strong match';
  if (score >= 50) return 'Good match';
  if (score >= 25) return 'Some overlap';
  return fitsSearch ? 'Fits your search' : 'Weak match';
}

/** What a card's buttons do, the same for every list of cards. */
export interface CardHandlers {
  onReachOut(id: string): void;
  onShortlist(id: string, shortlisted: boolean): void;
  onHide(id: string, hidden: boolean): void;
  onStatus(id: string, status: PartnerStatus): void;
}

export function PartnerCard({ partner, onReachOut, onShortlist, onHide, onStatus }: CardHandlers & { partner: PartnerView }) {
  const [open, setOpen] = useState(false);
  const whyId = useId();
  const headingId = useId();
  const { record } = partner;
  return (
    <li className="card" aria-labelledby={headingId} data-partner-id={partner.id} tabIndex={-1}>
      <div className="card-head">
        <div>
          <h3 id={headingId}>{partner.name}</h3>
          <p className="card-meta">{[partner.title, partner.department].filter(Boolean).join(' · ')}</p>
          <p className="card-meta">{[partner.location, partner.localTime].filter(Boolean).join(' · ')}</p>
        </div>
        {partner.score !== undefined && (
          <p className="score" aria-label={`${scoreLabel(partner.score, partner.fitsSearch)}, score ${partner.score} of 100`}>
            <strong>{partner.score}</strong>
            {scoreLabel(partner.score, partner.fitsSearch)}
          </p>
        )}
      </div>
      {partner.searchFound && <p className="card-search">Your search: {partner.searchFound}</p>}
      {(partner.iTeachThem.length > 0 || partner.theyTeachMe.length > 0) && (
        <dl className="exchange">
          <dt>You → them</dt>
          <dd>{partner.iTeachThem.length ? partner.iTeachThem.join(', ') : 'nothing they asked for yet'}</dd>
          <dt>Them → you</dt>
          <dd>{partner.theyTeachMe.length ? partner.theyTeachMe.join(', ') : 'nothing you asked for yet'}</dd>
        </dl>
      )}
      {(partner.sharedErgs.length > 0 || partner.sharedInterests.length > 0) && (
        <p className="common">
          <strong>Common ground: </strong>
          {[...partner.sharedErgs, ...partner.sharedInterests].join(', ')}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="primary" onClick={() => onReachOut(partner.id)}>
          Reach out<span className="visually-hidden"> to {partner.name}</span>
        </button>
        <button type="button" aria-pressed={record.shortlisted} onClick={() => onShortlist(partner.id, !record.shortlisted)}>
          {record.shortlisted ? 'Shortlisted' : 'Shortlist'}
          <span className="visually-hidden"> {partner.name}</span>
        </button>
        <button type="button" onClick={() => onHide(partner.id, !record.hidden)}>
          {record.hidden ? 'Unhide' : 'Hide'}
          <span className="visually-hidden"> {partner.name}</span>
        </button>
        <label>
          <span className="visually-hidden">Status of {partner.name}</span>
          <select value={record.status} onChange={(e) => onStatus(partner.id, e.target.value as PartnerStatus)}>
            {PARTNER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        {(partner.reasons.length > 0 || partner.factors.length > 0) && (
          <button type="button" aria-expanded={open} aria-controls={whyId} onClick={() => setOpen(!open)}>
            Why this match
          </button>
        )}
      </div>
      {open && (
        <div className="why" id={whyId}>
          <ul>
            {partner.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {partner.factors.length > 0 && (
            <table>
              <caption className="visually-hidden">Score by factor</caption>
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  <th scope="col">Points</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {partner.factors.map((factor) => (
                  <tr key={factor.name}>
                    <td>{factor.name}</td>
                    <td>{factor.contribution.toFixed(1)}</td>
                    <td>{factor.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </li>
  );
}
