import { useEffect, useState } from 'react';
import { askCap, balanceOf, followUpDue, meetingsOver, nextMeeting, statusLabel, type Balance } from '@/lib/partnerships';
import { errorMessage } from '@/lib/errors';
import { dueReminderText } from './format';
import type { PartnershipData, PartnershipServices } from './services';

/**
 * The popup's Partners view: what needs the person now (check-ins due, a follow-up to send, the cap
 * on open asks), the balance of each active partnership, and the way to the partnership page.
 * Reminders show here whether or not notifications are allowed.
 */
export function PartnersSummary({ services }: { services: PartnershipServices }) {
  const [data, setData] = useState<PartnershipData>();
  const [balances, setBalances] = useState<Map<string, Balance>>(new Map());
  const [error, setError] = useState('');

  useEffect(() => {
    services.load().then(async (loaded) => {
      setData(loaded);
      const active = loaded.partnerships.filter((partnership) => partnership.status === 'active');
      const logs = await Promise.all(active.map((partnership) => services.sessions(partnership.id)));
      setBalances(new Map(active.map((partnership, i) => [partnership.id, balanceOf(logs[i]!)])));
    }, (reason: unknown) => setError(errorMessage(reason)));
  }, [services]);

  if (error) return <p role="alert" className="banner error">Mutual could not load your partnerships: {error}</p>;
  if (!data) return <p role="status">Loading your partnerships…</p>;

  const now = services.now();
  const timeZone = data.profile?.timeZone ?? 'UTC';
  const cap = askCap(data.partnerships, data.settings);
  const due = data.partnerships.filter((partnership) => partnership.reminders.dueAt);
  const followUps = data.partnerships.filter((partnership) => followUpDue(partnership, data.settings, now));
  const current = data.partnerships.filter((partnership) => ['asked', 'agreed', 'active'].includes(partnership.status));

  return (
    <div className="partners-summary">
      {cap.reached && (
        <p className="banner error" role="note">
          {cap.message}
        </p>
      )}
      {due.length > 0 && (
        <ul aria-label="Check-ins due" className="reminders">
          {due.map((partnership) => (
            <li key={partnership.id}>{dueReminderText(partnership, timeZone)}</li>
          ))}
        </ul>
      )}
      {followUps.map((partnership) => (
        <p key={partnership.id}>
          No answer from {partnership.partnerName} yet: a polite follow-up is ready on the partnerships page.
        </p>
      ))}
      {current.length === 0 ? (
        <p>No partnership yet. When you reach out to a match, the ask appears here and on the partnerships page.</p>
      ) : (
        <ul className="results" aria-label="Your partnerships">
          {current.map((partnership) => {
            const agreement = partnership.agreement;
            const next = agreement && partnership.status === 'active' ? nextMeeting({ ...agreement, timeZone: agreement.myTimeZone }, now) : undefined;
            return (
              <li key={partnership.id} className="card">
                <h3>{partnership.partnerName}</h3>
                <p className="card-meta">{statusLabel(partnership.status)}</p>
                {balances.get(partnership.id) && <p>{balances.get(partnership.id)!.summary}</p>}
                {meetingsOver(partnership, now) && <p>The agreed meetings are over: reflect and celebrate on the partnerships page.</p>}
                {next && <p className="card-meta">Next session: {next.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone })}</p>}
                <button type="button" onClick={() => services.openPage(partnership.id)}>
                  Open<span className="visually-hidden"> the partnership with {partnership.partnerName}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="field-hint">
        {cap.open} of {cap.cap} open asks.
      </p>
      <button type="button" className="primary" onClick={() => services.openPage()}>
        Open the partnerships page
      </button>
    </div>
  );
}
