import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import {
  askCap,
  draftAgreement,
  followUpDue,
  followUpOffered,
  meetingsOver,
  messageOfKind,
  moveTo,
  PartnershipSettingsSchema,
  statusLabel,
  type Partnership,
  type PartnershipSettings,
  type PartnershipStatus,
  type SessionLogEntry,
} from '@/lib/partnerships';
import type { Profile } from '@/lib/profile';
import { outreachValues, type OutreachContext, type RenderedMessage } from '@/lib/templates';
import { Field } from '@/components/ui/Field';
import { errorMessage } from '@/lib/errors';
import { AgreementPanel } from './AgreementPanel';
import { EndPanel } from './EndPanel';
import { MessageBox, type Say } from './MessageBox';
import { SessionLog } from './SessionLog';
import type { PartnershipData, PartnershipServices } from './services';
import { dueReminderText, formatDay } from './format';
import '@/components/ui/ui.css';
import './partnership.css';

interface Status {
  text: string;
  tone: 'info' | 'error';
}

/** The partnership page: every partnership from ask to end, one at a time, usable with the keyboard alone. */
export function PartnershipPage({ services, initialId }: { services: PartnershipServices; initialId?: string }) {
  const [data, setData] = useState<PartnershipData>();
  const [loadError, setLoadError] = useState('');
  const [selectedId, setSelectedId] = useState(initialId);
  const [status, setStatus] = useState<Status>({ text: '', tone: 'info' });
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const say: Say = useCallback((text, tone = 'info') => setStatus({ text, tone }), []);

  useEffect(() => {
    services.load().then(setData, (error: unknown) => setLoadError(errorMessage(error)));
  }, [services]);

  if (loadError) {
    return (
      <main className="partnership-page">
        <h1>Partnerships</h1>
        <p role="alert" className="notice error">
          Mutual could not load your partnerships: {loadError}
        </p>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="partnership-page" aria-busy="true">
        <h1>Partnerships</h1>
        <p role="status">Loading…</p>
      </main>
    );
  }

  const { partnerships, profile } = data;
  const selected = partnerships.find((partnership) => partnership.id === selectedId) ?? partnerships[0];
  const cap = askCap(partnerships, data.settings);
  const onSaved = (saved: Partnership) => setData((current) => current && { ...current, partnerships: current.partnerships.map((p) => (p.id === saved.id ? saved : p)) });
  const select = (id: string) => {
    setSelectedId(id);
    setStatus({ text: '', tone: 'info' });
    history.replaceState(null, '', `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), id }).toString()}`);
    requestAnimationFrame(() => detailHeading.current?.focus());
  };

  return (
    <main className="partnership-page">
      <header className="partnership-header">
        <h1>Partnerships</h1>
        <p className="field-hint">From the first ask to the thank-you. Everything here stays in this browser.</p>
      </header>
      <p role="status" aria-live="polite" className={status.tone === 'error' ? 'notice error' : status.text ? 'notice success' : 'visually-hidden'}>
        {status.text}
      </p>
      {data.unreadable > 0 && (
        <p className="notice error">
          {data.unreadable} stored {data.unreadable === 1 ? 'partnership' : 'partnerships'} could not be read and {data.unreadable === 1 ? 'is' : 'are'} not shown. {data.unreadable === 1 ? 'It stays' : 'They stay'} in storage and in “Export my data”.
        </p>
      )}
      <div className="partnership-layout">
        <nav aria-labelledby="list-heading" className="partnership-list">
          <h2 id="list-heading">Your partnerships</h2>
          <p className={cap.reached ? 'notice error' : 'field-hint'}>
            {cap.reached ? cap.message : `${cap.open} of ${cap.cap} open asks.`}
          </p>
          {partnerships.length === 0 ? (
            <p>No partnerships yet. Reach out to a match from Mutual’s popup: the ask appears here.</p>
          ) : (
            <ul>
              {partnerships.map((partnership) => (
                <li key={partnership.id}>
                  <button type="button" aria-current={partnership.id === selected?.id ? 'true' : undefined} onClick={() => select(partnership.id)}>
                    <span className="name">{partnership.partnerName}</span> <span className="badge">{statusLabel(partnership.status)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="partnership-detail">
          {selected && profile ? (
            <Detail
              key={selected.id}
              partnership={selected}
              profile={profile}
              data={data}
              services={services}
              say={say}
              heading={detailHeading}
              onSaved={onSaved}
              onProfile={(next) => setData((current) => current && { ...current, profile: next })}
            />
          ) : (
            selected && <p>Fill in your profile first (Profile &amp; settings): the agreement is written from it.</p>
          )}
          <SettingsForm settings={data.settings} services={services} say={say} onSaved={(settings) => setData((current) => current && { ...current, settings })} />
        </div>
      </div>
    </main>
  );
}

function Detail(props: {
  partnership: Partnership;
  profile: Profile;
  data: PartnershipData;
  services: PartnershipServices;
  say: Say;
  heading: RefObject<HTMLHeadingElement | null>;
  onSaved(partnership: Partnership): void;
  onProfile(profile: Profile): void;
}) {
  const { partnership, profile, data, services, say } = props;
  const [context, setContext] = useState<OutreachContext>();
  const [log, setLog] = useState<SessionLogEntry[]>([]);
  const [followUp, setFollowUp] = useState<RenderedMessage>();
  const [followUpText, setFollowUpText] = useState('');

  useEffect(() => {
    let current = true;
    void Promise.all([services.context(profile, partnership), services.sessions(partnership.id)]).then(([loaded, sessions]) => {
      if (!current) return;
      setContext(loaded);
      setLog(sessions);
    });
    return () => {
      current = false;
    };
    // Loaded once per partnership shown (the page keys this view by id).
  }, [services, partnership.id]);

  const values = context ? outreachValues(context) : undefined;

  // The one follow-up: offered the first time the page shows a due ask, and recorded so it never comes again.
  useEffect(() => {
    if (!context || !followUpDue(partnership, data.settings, services.now())) return;
    const message = messageOfKind(data.templates, 'follow-up', outreachValues(context));
    setFollowUp(message);
    setFollowUpText(message.body);
    void services.save(followUpOffered(partnership, services.now())).then(props.onSaved);
    // Once, when the context has loaded: the saved partnership is no longer due afterwards.
  }, [context]);

  async function move(status: PartnershipStatus, change: Partial<Partnership> = {}) {
    try {
      const saved = await services.save(moveTo({ ...partnership, ...change }, status, services.now()));
      props.onSaved(saved);
      say(`${partnership.partnerName}: ${statusLabel(status)}.${status === 'agreed' ? ' The agreement below is prefilled from both profiles.' : ''}`);
      requestAnimationFrame(() => props.heading.current?.focus());
    } catch (error) {
      say(errorMessage(error), 'error');
    }
  }

  const days = Math.floor((services.now().getTime() - Date.parse(partnership.askedAt)) / 86_400_000);
  const askedIds = new Set(data.partnerships.map((p) => p.partnerId));
  return (
    <article aria-labelledby="detail-heading">
      <h2 id="detail-heading" ref={props.heading} tabIndex={-1}>
        {partnership.partnerName}
      </h2>
      <p>
        <span className="badge">{statusLabel(partnership.status)}</span>{' '}
        {partnership.history.map((change) => `${statusLabel(change.status)} ${formatDay(change.at)}`).join(' · ')}
      </p>
      {partnership.reminders.dueAt && (
        <div className="notice" role="note">
          <p>{dueReminderText(partnership, profile.timeZone)}</p>
          <button
            type="button"
            onClick={() =>
              void services.save({ ...partnership, reminders: { on: partnership.reminders.on } }).then((saved) => {
                props.onSaved(saved);
                // The button goes with the reminder: focus stays in the partnership.
                requestAnimationFrame(() => props.heading.current?.focus());
              })
            }
          >
            Seen<span className="visually-hidden">: check-in with {partnership.partnerName}</span>
          </button>
        </div>
      )}
      {(partnership.status === 'asked' || partnership.status === 'no-answer') && (
        <section aria-labelledby="answer-heading" className="partnership-part">
          <h3 id="answer-heading">Their answer</h3>
          <p>
            Asked {days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} ago`}. When {partnership.partnerName} answers, mark it here.
          </p>
          <div className="button-row">
            <button type="button" className="primary" disabled={!context} onClick={() => context && void move('agreed', { agreement: draftAgreement(context, services.now()) })}>
              They agreed
            </button>
            <button type="button" onClick={() => void move('declined')}>
              They declined
            </button>
            {partnership.status === 'asked' && (
              <button type="button" onClick={() => void move('no-answer')}>
                No answer
              </button>
            )}
          </div>
          {followUp && (
            <div className="notice">
              <p>
                No answer after {days} days. One polite follow-up often helps; Mutual suggests it once and never again.
              </p>
              <MessageBox label="Follow-up message" text={followUpText} onChange={setFollowUpText} missing={followUp.missing} services={services} say={say} rows={8} />
            </div>
          )}
        </section>
      )}
      {meetingsOver(partnership, services.now()) && (
        <p className="notice" role="note">
          The agreed meetings are over. Time to look back together: end the partnership to reflect and celebrate, or change the agreement to go on.
        </p>
      )}
      {(partnership.status === 'agreed' || partnership.status === 'active') && context && values && (
        <AgreementPanel
          partnership={partnership}
          initial={partnership.agreement ?? draftAgreement(context, services.now())}
          values={values}
          myName={profile.name}
          services={services}
          say={say}
          onSaved={props.onSaved}
          onStart={partnership.status === 'agreed' ? (agreement) => void move('active', { agreement }) : undefined}
        />
      )}
      {partnership.status === 'active' && (
        <SessionLog partnership={partnership} log={log} timeZone={profile.timeZone} services={services} say={say} onAdded={(entry) => setLog([...log, entry])} />
      )}
      {(partnership.status === 'agreed' || partnership.status === 'active') && (
        <div className="button-row partnership-part">
          <button type="button" onClick={() => void move('ended')}>
            End partnership
          </button>
        </div>
      )}
      {partnership.status === 'ended' && values && (
        <EndPanel
          partnership={partnership}
          profile={profile}
          log={log}
          values={values}
          templates={data.templates}
          askedIds={askedIds}
          services={services}
          say={say}
          onSaved={props.onSaved}
          onProfile={props.onProfile}
        />
      )}
      {partnership.status === 'declined' && <p>{partnership.partnerName} declined. It stays here for your records; nothing more is suggested.</p>}
    </article>
  );
}

function SettingsForm(props: { settings: PartnershipSettings; services: PartnershipServices; say: Say; onSaved(settings: PartnershipSettings): void }) {
  const [form, setForm] = useState({ openAskCap: String(props.settings.openAskCap), followUpDays: String(props.settings.followUpDays) });
  async function save() {
    const parsed = PartnershipSettingsSchema.safeParse({ openAskCap: Number(form.openAskCap), followUpDays: Number(form.followUpDays) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return props.say(`${issue.path[0] === 'openAskCap' ? 'Open asks at once' : 'Days before a follow-up'}: ${issue.message}.`, 'error');
    }
    props.onSaved(await props.services.saveSettings(parsed.data));
    props.say('Settings saved.');
  }
  return (
    <section aria-labelledby="settings-heading" className="partnership-part">
      <h2 id="settings-heading">Settings</h2>
      <div className="form-grid">
        <Field label="Open asks at once" hint="New asks wait until one is answered. Default 3.">
          {(control) => <input {...control} type="number" min={1} max={20} value={form.openAskCap} onChange={(event) => setForm({ ...form, openAskCap: event.target.value })} />}
        </Field>
        <Field label="Days before a follow-up" hint="One polite follow-up is suggested after this many days without an answer.">
          {(control) => <input {...control} type="number" min={1} max={60} value={form.followUpDays} onChange={(event) => setForm({ ...form, followUpDays: event.target.value })} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save settings
        </button>
      </div>
    </section>
  );
}
