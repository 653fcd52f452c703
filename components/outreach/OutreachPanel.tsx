import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink } from '@/lib/compose';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { InsertOutcome } from '@/lib/messages';
import type { OutreachLogEntry, PartnerRecord } from '@/lib/partners';
import type { Profile } from '@/lib/profile/model';
import {
  outreachValues,
  renderTemplate,
  suggestTemplate,
  unfilled,
  type LibraryTemplate,
  type MissingValue,
  type OutreachContext,
  type TemplateOrigin,
} from '@/lib/templates';
import { browserOutreachServices, type OutreachServices } from './services';
import './OutreachPanel.css';

export interface OutreachPanelProps {
  me: Profile;
  partner: DirectoryEntry;
  context: OutreachContext;
  /** The tab "Insert into page" writes into; without one the message is copied instead. */
  tabId?: number;
  onClose(): void;
  onLogged?(record: PartnerRecord): void;
  services?: OutreachServices;
}

interface Status {
  text: string;
  tone: 'info' | 'error';
}

type Use = Pick<OutreachLogEntry, 'action' | 'channel'>;

const DRAFT_SAVE_DELAY_MS = 400;
const ORIGIN_GROUPS: readonly (readonly [TemplateOrigin, string])[] = [
  ['organization', 'From your organization'],
  ['built-in', 'Mutual’s templates'],
  ['user', 'Your templates'],
];
const PASTE_HINT = 'paste it with Ctrl+V (⌘V on a Mac)';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The element that opened the panel gets focus back on close, or its twin if the list was
 * re-rendered meanwhile; only when focus was lost with the panel, never taken from elsewhere.
 */
function focusReturner(opener: Element | null): () => void {
  const partnerId = opener?.closest('[data-partner-id]')?.getAttribute('data-partner-id');
  const label = opener?.textContent;
  return () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    if (opener instanceof HTMLElement && opener.isConnected) return opener.focus();
    const card = [...document.querySelectorAll('[data-partner-id]')].find((element) => element.getAttribute('data-partner-id') === partnerId);
    [...(card?.querySelectorAll<HTMLElement>('button, a[href]') ?? [])].find((element) => element.textContent === label)?.focus();
  };
}

/**
 * The popup's "reach out" flow: choose a template, review and edit the message filled from both
 * profiles, then insert it into the page, copy it or open it in a mail or chat client. Mutual
 * never sends anything; every use is logged and marks the partner contacted.
 */
export function OutreachPanel({ me, partner, context, tabId, onClose, onLogged, services = browserOutreachServices }: OutreachPanelProps) {
  const [templates, setTemplates] = useState<LibraryTemplate[]>();
  const [loadError, setLoadError] = useState<string>();
  const [templateId, setTemplateId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState<MissingValue[]>([]);
  const [status, setStatus] = useState<Status>({ text: '', tone: 'info' });
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const ids = { heading: useId(), template: useId(), subject: useId(), body: useId(), fill: useId() };

  const values = useMemo(() => outreachValues({ ...context, me, partner }), [context, me, partner]);

  function applyTemplate(template: LibraryTemplate) {
    const rendered = renderTemplate(template, values);
    setTemplateId(template.id);
    setSubject(rendered.subject);
    setBody(rendered.body);
    setMissing(rendered.missing);
  }

  // Read while rendering: by the time effects run, the parent may already have removed the opener.
  const [returnFocus] = useState(() => focusReturner(document.activeElement));
  useEffect(() => {
    headingRef.current?.focus();
    return () => void setTimeout(returnFocus);
  }, [returnFocus]);

  useEffect(() => {
    let current = true;
    services.loadTemplates().then(
      (library) => {
        if (!current) return;
        setTemplates(library);
        const suggested = suggestTemplate({ ...context, me, partner });
        const initial = library.find((template) => template.id === suggested) ?? library[0];
        if (initial) applyTemplate(initial);
      },
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
    };
    // The template list loads once per panel; later prop changes keep the user's edits.
  }, [services]);

  // The last prepared message is the "current draft" the keyboard shortcut and context menu insert.
  useEffect(() => {
    if (!templateId) return;
    const timer = setTimeout(() => {
      services
        .saveDraft({ partnerId: partner.id, partnerName: partner.name, templateId, subject, body, context: { ...context, me, partner }, savedAt: new Date().toISOString() })
        .catch(() => undefined); // A lost draft only affects the shortcut; the panel keeps working.
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [services, templateId, subject, body, context, me, partner]);

  const links = useMemo(() => {
    const message = { to: partner.email, subject, body };
    return { mailto: mailtoLink(message), gmail: gmailLink(message), outlook: outlookLink(message), teams: teamsChatLink(message) };
  }, [partner.email, subject, body]);

  const pending = unfilled(`${subject}\n${body}`, missing);
  const say = (text: string, tone: Status['tone'] = 'info') => setStatus({ text, tone });

  /** Logs one use; returns a note for the status when logging failed (the action itself worked). */
  async function record(use: Use): Promise<string> {
    try {
      onLogged?.(await services.log({ partnerId: partner.id, partnerName: partner.name, templateId, ...use, at: new Date().toISOString() }));
      return '';
    } catch (error) {
      return ` (Mutual could not record this in your log: ${errorText(error)})`;
    }
  }

  async function copied(): Promise<boolean> {
    try {
      await services.copy(body);
      return true;
    } catch {
      return false;
    }
  }

  async function copyInstead(reason: string) {
    if (await copied()) {
      say(`${reason} The message is on your clipboard instead: ${PASTE_HINT}.${await record({ action: 'copied', channel: 'clipboard (insert failed)' })}`, 'error');
    } else {
      say(`${reason} Copying failed too: the message is selected below, copy it yourself.`, 'error');
      bodyRef.current?.select();
    }
  }

  async function insertIntoPage() {
    setBusy(true);
    try {
      if (tabId === undefined) return await copyInstead('There is no page to insert into: open Mutual from the page where you write to them.');
      say('Inserting…');
      const outcome: InsertOutcome = await services.insert(tabId, body).catch((error: unknown) => ({ ok: false, reason: 'error', message: errorText(error) }));
      if (outcome.ok) say(`Inserted into ${outcome.where}. Check it there and send it yourself.${await record({ action: 'inserted', channel: `page (${outcome.where})` })}`);
      else await copyInstead(outcome.message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (await copied()) say(`Message copied: ${PASTE_HINT} where you write to ${partner.name}.${await record({ action: 'copied', channel: 'clipboard' })}`);
    else say('Copying failed: select the message and copy it yourself.', 'error');
  }

  /** The link opens by itself (it is a real link); this logs it and covers a shortened message. */
  async function opened(link: ComposeLink, channel: string) {
    const note = !link.truncated
      ? ''
      : (await copied())
        ? ' The link holds a shortened message; the full text is on your clipboard.'
        : ' The link holds a shortened message: copy the full text from the box.';
    say(`Opened ${channel}. Nothing is sent until you send it there.${note}${await record({ action: 'opened', channel })}`);
  }

  function selectPlaceholder(value: MissingValue) {
    const field = body.includes(value.placeholder) ? bodyRef.current : subjectRef.current;
    const at = field?.value.indexOf(value.placeholder) ?? -1;
    if (!field || at < 0) return;
    field.focus();
    field.setSelectionRange(at, at + value.placeholder.length);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  const chosen = templates?.find((template) => template.id === templateId);
  const linkProps = (link: ComposeLink, channel: string, newTab: boolean) => ({
    href: link.url,
    onClick: () => void opened(link, channel),
    ...(newTab ? { target: '_blank', rel: 'noreferrer noopener' } : {}),
  });

  return (
    <section className="outreach" aria-labelledby={ids.heading} onKeyDown={onKeyDown}>
      <header className="outreach-header">
        <h2 id={ids.heading} ref={headingRef} tabIndex={-1}>
          Reach out to {partner.name}
        </h2>
        <button type="button" onClick={onClose}>
          Back<span className="visually-hidden"> to your matches</span>
        </button>
      </header>
      <p className="muted outreach-note">Mutual never sends anything: review the message, then send it yourself.</p>

      {loadError && (
        <p role="alert" className="notice error">
          Mutual could not load your templates: {loadError}
        </p>
      )}
      {!templates && !loadError && <p className="muted">Loading templates…</p>}

      {templates && (
        <>
          <div className="field">
            <label htmlFor={ids.template}>Template</label>
            <select
              id={ids.template}
              value={templateId}
              onChange={(event) => {
                const next = templates.find((template) => template.id === event.target.value);
                if (next) applyTemplate(next);
              }}
            >
              {ORIGIN_GROUPS.map(([origin, label]) => {
                const group = templates.filter((template) => template.origin === origin);
                return group.length === 0 ? null : (
                  <optgroup key={origin} label={label}>
                    {group.map((template) => (
                      <option key={template.id} value={template.id}>
                        {template.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          </div>

          <p className="outreach-to">
            To: {partner.name} <span className="muted">&lt;{partner.email}&gt;</span>
          </p>
          <div className="field">
            <label htmlFor={ids.subject}>Subject</label>
            <input id={ids.subject} ref={subjectRef} value={subject} onChange={(event) => setSubject(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.body}>Message</label>
            <textarea
              id={ids.body}
              ref={bodyRef}
              className="outreach-body"
              rows={12}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              {...(pending.length ? { 'aria-describedby': ids.fill } : {})}
            />
          </div>
          {pending.length > 0 && (
            <div id={ids.fill} className="outreach-fill">
              <span>Fill in:</span>
              {pending.map((value) => (
                <button key={value.name} type="button" className="outreach-placeholder" onClick={() => selectPlaceholder(value)}>
                  <span className="visually-hidden">Select </span>
                  {value.placeholder}
                </button>
              ))}
            </div>
          )}

          <div className="button-row outreach-actions">
            <button type="button" className="primary" disabled={busy || !chosen} onClick={() => void insertIntoPage()}>
              Insert into page
            </button>
            <button type="button" disabled={busy || !chosen} onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <nav className="outreach-links" aria-label="Open in a mail or chat app">
            <a {...linkProps(links.mailto, 'your email app', false)}>Open in email</a>
            <a {...linkProps(links.gmail, 'Gmail', true)}>Gmail</a>
            <a {...linkProps(links.outlook, 'Outlook on the web', true)}>Outlook</a>
            <a {...linkProps(links.teams, 'a Teams chat', true)}>Teams</a>
          </nav>
        </>
      )}

      <p role="status" aria-live="polite" className={status.tone === 'error' ? 'outreach-status error-text' : 'outreach-status'}>
        {status.text}
      </p>
    </section>
  );
}
