import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { gmailLink, mailtoLink, outlookLink, teamsChatLink, type ComposeLink } from '@/lib/compose';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { InsertOutcome } from '@/lib/messages';
import type { OutreachLogEntry, PartnerRecord, PartnerStatus } from '@/lib/partners';
import type { Profile } from '@/lib/profile/model';
import {
  fillBlanks,
  offeredTemplates,
  outreachValues,
  renderTemplate,
  suggestTemplate,
  unfilled,
  type LibraryTemplate,
  type MissingValue,
  type OutreachContext,
  type RenderedMessage,
  type TemplateOrigin,
} from '@/lib/templates';
import { errorMessage } from '@/lib/errors';
import type { OutreachServices } from './services';
import '@/components/ui/ui.css';
import './OutreachPanel.css';

export interface OutreachPanelProps {
  me: Profile;
  partner: DirectoryEntry;
  context: OutreachContext;
  /** The tab "Insert into page" writes into; without one the message is copied instead. */
  tabId?: number;
  onClose(): void;
  onLogged?(record: PartnerRecord): void;
  services: OutreachServices;
}

interface Status {
  text: string;
  tone: 'info' | 'error';
}

type Use = Pick<OutreachLogEntry, 'action' | 'channel'>;
type Message = { subject: string; body: string };

const DRAFT_SAVE_DELAY_MS = 400;
const ORIGIN_GROUPS: readonly (readonly [TemplateOrigin, string])[] = [
  ['organization', 'From your organization'],
  ['built-in', 'Mutual’s templates'],
  ['user', 'Your templates'],
];
const PASTE_HINT = 'paste it with Ctrl+V (⌘V on a Mac)';

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

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `text` with one blank's previous wording (its value or its placeholder) replaced by the next. */
function replaceBlank(text: string, from: string, to: string): string {
  return from === to ? text : text.replaceAll(from, () => to);
}

/**
 * The popup's "reach out" flow: choose a template that fits this pair, fill in what neither
 * profile says, review the message, then insert it into the page, copy it or open it in a mail or
 * chat client. Nothing leaves Mutual while a blank is unfilled, and Mutual never sends anything;
 * every use is logged and marks the partner contacted (with an undo).
 */
export function OutreachPanel({ me, partner, context, tabId, onClose, onLogged, services }: OutreachPanelProps) {
  const [templates, setTemplates] = useState<LibraryTemplate[]>();
  const [loadError, setLoadError] = useState<string>();
  const [templateId, setTemplateId] = useState('');
  const [rendered, setRendered] = useState<RenderedMessage>({ subject: '', body: '', missing: [] });
  /** What the user typed for each blank, by variable name; kept when they switch templates. */
  const [fills, setFills] = useState<Record<string, string>>({});
  /** The message once edited by hand, and the fills it was written with. */
  const [edited, setEdited] = useState<{ message: Message; fills: Record<string, string> }>();
  const [status, setStatus] = useState<Status>({ text: '', tone: 'info' });
  const [undo, setUndo] = useState<PartnerStatus>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const blankRefs = useRef(new Map<string, HTMLInputElement>());
  const focusBlank = useRef<string>(undefined);
  const baseId = useId();
  const ids = { heading: `${baseId}h`, template: `${baseId}t`, subject: `${baseId}s`, body: `${baseId}b`, blanks: `${baseId}f`, offered: `${baseId}o` };

  const full = useMemo(() => ({ ...context, me, partner }), [context, me, partner]);
  const values = useMemo(() => outreachValues(full), [full]);
  const offered = useMemo(() => (templates ? offeredTemplates(templates, full) : []), [templates, full]);

  function applyTemplate(template: LibraryTemplate) {
    setTemplateId(template.id);
    setRendered(renderTemplate(template, values));
    setEdited(undefined);
    setTried(false);
  }

  const filled = (text: string) => fillBlanks(text, rendered.missing, fills);
  const message: Message = edited?.message ?? { subject: filled(rendered.subject), body: filled(rendered.body) };
  const pending = unfilled(`${message.subject}\n${message.body}`, rendered.missing);

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
        const fitting = offeredTemplates(library, full);
        const suggested = suggestTemplate(full);
        const initial = fitting.find((template) => template.id === suggested) ?? fitting[0];
        if (!initial) return;
        applyTemplate(initial);
        // A template that needs something neither profile says opens on the first thing to fill in.
        focusBlank.current = renderTemplate(initial, values).missing[0]?.name;
      },
      (error: unknown) => current && setLoadError(errorMessage(error)),
    );
    return () => {
      current = false;
    };
    // The template list loads once per panel; later prop changes keep the user's edits.
  }, [services]);

  useEffect(() => {
    if (!focusBlank.current) return;
    blankRefs.current.get(focusBlank.current)?.focus();
    focusBlank.current = undefined;
  });

  // The last prepared message is the "current draft" the keyboard shortcut and context menu insert.
  useEffect(() => {
    if (!templateId) return;
    const timer = setTimeout(() => {
      services
        .saveDraft({
          partnerId: partner.id,
          partnerName: partner.name,
          templateId,
          ...message,
          blanks: rendered.missing.map((value) => value.placeholder),
          context: full,
          savedAt: new Date().toISOString(),
        })
        .catch(() => undefined); // A lost draft only affects the shortcut; the panel keeps working.
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [services, templateId, message.subject, message.body, rendered, full, partner]);

  const links = useMemo(() => {
    const outgoing = { to: partner.email, ...message };
    return { mailto: mailtoLink(outgoing), gmail: gmailLink(outgoing), outlook: outlookLink(outgoing), teams: teamsChatLink(outgoing) };
  }, [partner.email, message.subject, message.body]);

  const say = (text: string, tone: Status['tone'] = 'info') => setStatus({ text, tone });

  /** True when the message may leave Mutual; otherwise says what is missing and focuses it. */
  function ready(): boolean {
    if (pending.length === 0) return true;
    setTried(true);
    say(`Fill in ${listed(pending.map((value) => value.description.replace(/,? e\.g\..*$/, '').toLowerCase()))} first: the message still has ${pending.length === 1 ? 'a blank' : 'blanks'}.`, 'error');
    blankRefs.current.get(pending[0]!.name)?.focus();
    return false;
  }

  /** Logs one use; returns a note for the status when logging failed (the action itself worked). */
  async function record(use: Use): Promise<string> {
    try {
      const logged = await services.log({ partnerId: partner.id, partnerName: partner.name, templateId, ...use, at: new Date().toISOString() });
      onLogged?.(logged.record);
      setUndo(logged.record.status === logged.previousStatus ? undefined : logged.previousStatus);
      return '';
    } catch (error) {
      return ` (Mutual could not record this in your log: ${errorMessage(error)})`;
    }
  }

  async function undoContacted(previous: PartnerStatus) {
    setUndo(undefined);
    try {
      onLogged?.(await services.setStatus(partner.id, previous));
      say(`${partner.name} is no longer marked contacted.`);
    } catch (error) {
      say(`Mutual could not undo: ${errorMessage(error)}`, 'error');
    }
    bodyRef.current?.focus();
  }

  async function copied(text: string): Promise<boolean> {
    try {
      await services.copy(text);
      return true;
    } catch {
      return false;
    }
  }

  async function copyInstead(reason: string) {
    if (await copied(message.body)) {
      say(`${reason} The message is on your clipboard instead: ${PASTE_HINT}.${await record({ action: 'copied', channel: 'clipboard (insert failed)' })}`, 'error');
    } else {
      say(`${reason} Copying failed too: the message is selected below, copy it yourself.`, 'error');
      bodyRef.current?.select();
    }
  }

  // While an insertion runs the buttons stay focusable (aria-disabled): a disabled button would drop focus to the page.
  async function insertIntoPage() {
    if (busy || !ready()) return;
    setBusy(true);
    try {
      if (tabId === undefined) return await copyInstead('There is no page to insert into: open Mutual from the page where you write to them.');
      say('Inserting…');
      const outcome: InsertOutcome = await services.insert(tabId, message).catch((error: unknown) => ({ ok: false, reason: 'error', message: errorMessage(error) }));
      if (!outcome.ok) return await copyInstead(outcome.message);
      const subject = outcome.subjectFilled ? ' and the subject into its subject field' : '';
      say(`Inserted into ${outcome.where}${subject}. Check it there and send it yourself.${await record({ action: 'inserted', channel: `page (${outcome.where})` })}`);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (busy || !ready()) return;
    if (await copied(message.body)) say(`Message copied: ${PASTE_HINT} where you write to ${partner.name}.${await record({ action: 'copied', channel: 'clipboard' })}`);
    else say('Copying failed: select the message and copy it yourself.', 'error');
  }

  async function copySubject() {
    if (busy || !ready()) return;
    if (await copied(message.subject)) say(`Subject copied: ${PASTE_HINT} into the subject field.`);
    else say('Copying failed: select the subject and copy it yourself.', 'error');
  }

  /** The link opens by itself (it is a real link); this logs it and covers a shortened message. */
  async function opened(link: ComposeLink, channel: string) {
    const note = !link.truncated
      ? ''
      : (await copied(message.body))
        ? ' The link holds a shortened message; the full text is on your clipboard.'
        : ' The link holds a shortened message: copy the full text from the box.';
    say(`Opened ${channel}. Nothing is sent until you send it there.${note}${await record({ action: 'opened', channel })}`);
  }

  function editMessage(change: Partial<Message>) {
    setEdited({ message: { ...message, ...change }, fills: edited?.fills ?? fills });
  }

  /** A blank the user filled in: applied at once, or (once the message was edited by hand) when they leave the field. */
  function setFill(name: string, text: string) {
    setFills((current) => ({ ...current, [name]: text }));
  }
  function commitFill(blank: MissingValue) {
    if (!edited) return;
    const wording = (text: string | undefined) => fillBlanks(blank.placeholder, [blank], { [blank.name]: text ?? '' });
    const [from, to] = [wording(edited.fills[blank.name]), wording(fills[blank.name])];
    setEdited({
      message: { subject: replaceBlank(edited.message.subject, from, to), body: replaceBlank(edited.message.body, from, to) },
      fills: { ...edited.fills, [blank.name]: fills[blank.name] ?? '' },
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  const chosen = templates?.find((template) => template.id === templateId);
  const hiddenCount = (templates?.length ?? 0) - offered.length;
  const composeLinks: readonly (readonly [ComposeLink, string, string, boolean])[] = [
    [links.mailto, 'Open in email', 'your email app', false],
    [links.gmail, 'Gmail', 'Gmail', true],
    [links.outlook, 'Outlook', 'Outlook on the web', true],
    [links.teams, 'Teams', 'a Teams chat', true],
  ];

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
      <p className="outreach-to">
        To: {partner.name} <span className="muted">&lt;{partner.email}&gt;</span>
      </p>

      {loadError && (
        <p role="alert" className="notice error">
          Mutual could not load your templates: {loadError}
        </p>
      )}
      {!templates && !loadError && <p className="muted">Loading templates…</p>}
      {templates && offered.length === 0 && (
        <p role="alert" className="notice error">
          None of your templates fits {partner.name} in this mode. Try another mode, or write a template of your own on the options page.
        </p>
      )}

      {chosen && (
        <>
          <div className="field">
            <label htmlFor={ids.template}>Template</label>
            <select
              id={ids.template}
              value={templateId}
              {...(hiddenCount > 0 ? { 'aria-describedby': ids.offered } : {})}
              onChange={(event) => {
                const next = offered.find((template) => template.id === event.target.value);
                if (next) applyTemplate(next);
              }}
            >
              {ORIGIN_GROUPS.map(([origin, label]) => {
                const group = offered.filter((template) => template.origin === origin);
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
            {hiddenCount > 0 && (
              <p id={ids.offered} className="field-hint">
                Only templates that fit you and {partner.name} in {me.matchMode} mode are listed.
              </p>
            )}
          </div>

          {rendered.missing.length > 0 && (
            <fieldset className="outreach-blanks" aria-describedby={ids.blanks}>
              <legend>Fill in before it can leave Mutual</legend>
              <p id={ids.blanks} className="field-hint">
                Neither profile says this. Insert, Copy and the links wait until {rendered.missing.length === 1 ? 'it is' : 'each is'} filled in.
              </p>
              {rendered.missing.map((blank) => {
                const id = `${baseId}-${blank.name}`;
                const open = pending.includes(blank);
                return (
                  <div className="field" key={blank.name}>
                    <label htmlFor={id}>{blank.description}</label>
                    <input
                      id={id}
                      maxLength={200}
                      ref={(element) => void (element ? blankRefs.current.set(blank.name, element) : blankRefs.current.delete(blank.name))}
                      required
                      aria-invalid={tried && open}
                      value={fills[blank.name] ?? ''}
                      placeholder={blank.placeholder}
                      onChange={(event) => setFill(blank.name, event.target.value)}
                      onBlur={() => commitFill(blank)}
                      onKeyDown={(event) => event.key === 'Enter' && commitFill(blank)}
                    />
                  </div>
                );
              })}
            </fieldset>
          )}

          <div className="field">
            <label htmlFor={ids.subject}>Subject</label>
            <div className="outreach-subject">
              <input id={ids.subject} value={message.subject} onChange={(event) => editMessage({ subject: event.target.value })} />
              <button type="button" aria-disabled={busy} onClick={() => void copySubject()}>
                Copy<span className="visually-hidden"> subject</span>
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor={ids.body}>Message</label>
            <textarea
              id={ids.body}
              ref={bodyRef}
              className="outreach-body"
              rows={7}
              value={message.body}
              onChange={(event) => editMessage({ body: event.target.value })}
            />
          </div>

          <div className="outreach-footer">
            <div className="button-row">
              <button type="button" className="primary" aria-disabled={busy} onClick={() => void insertIntoPage()}>
                Insert into page
              </button>
              <button type="button" aria-disabled={busy} onClick={() => void copy()}>
                Copy message
              </button>
              {undo && (
                <button type="button" className="outreach-undo" onClick={() => void undoContacted(undo)}>
                  Undo “contacted”
                </button>
              )}
            </div>
            <p role="status" aria-live="polite" className={status.tone === 'error' ? 'outreach-status error-text' : 'outreach-status'}>
              {status.text}
              {undo && ` Marked ${partner.name} as contacted.`}
            </p>
          </div>

          <nav className="outreach-links" aria-label="Open in a mail or chat app">
            {composeLinks.map(([link, label, channel, newTab]) =>
              pending.length > 0 ? (
                <button key={label} type="button" className="link-button" onClick={() => ready()}>
                  {label}
                </button>
              ) : (
                <a key={label} href={link.url} onClick={() => void opened(link, channel)} {...(newTab ? { target: '_blank', rel: 'noreferrer noopener' } : {})}>
                  {label}
                </a>
              ),
            )}
          </nav>
          <p className="muted outreach-note">Mutual never sends anything: review the message, then send it yourself.</p>
        </>
      )}
    </section>
  );
}
