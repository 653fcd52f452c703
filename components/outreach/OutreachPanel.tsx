import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { PartnerRecord } from '@/lib/partners';
import type { Profile } from '@/lib/profile/model';
import type { OutreachContext } from '@/lib/templates';
import { BlankFields } from './BlankFields';
import { ComposeLinks } from './ComposeLinks';
import { focusReturner } from './focus-return';
import { TemplatePicker } from './TemplatePicker';
import { useOutreachActions, type OutreachActions } from './useOutreachActions';
import { useOutreachDraftSaving } from './useOutreachDraftSaving';
import { useOutreachMessage, type OutreachMessage } from './useOutreachMessage';
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
  /** What opened the panel, when it was read before the panel mounted (the panel loads on demand). */
  opener?: Element | null;
}

/** Focus moves to the panel's heading when it opens and back to what opened it when it closes. */
function useFocusOnOpen(opener: Element | null | undefined) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Read while rendering: by the time effects run, the parent may already have removed the opener.
  const [returnFocus] = useState(() => focusReturner(opener ?? document.activeElement));
  useEffect(() => {
    heading.current?.focus();
    return () => void setTimeout(returnFocus);
  }, [returnFocus]);
  return heading;
}

/**
 * The popup's "reach out" flow: choose a template that fits this pair, fill in what neither
 * profile says, review the message, then insert it into the page, copy it or open it in a mail or
 * chat client. Nothing leaves Mutual while a blank is unfilled, and Mutual never sends anything;
 * every use is logged; inserting or opening a link marks the partner contacted (with an undo),
 * copying offers to.
 */
export function OutreachPanel({ me, partner, context, tabId, onClose, onLogged, services, opener }: OutreachPanelProps) {
  const full = useMemo(() => ({ ...context, me, partner }), [context, me, partner]);
  const outreach = useOutreachMessage(services, full);
  useOutreachDraftSaving(services, partner, full, outreach);
  const body = useRef<HTMLTextAreaElement>(null);
  const actions = useOutreachActions({ services, partner, outreach, tabId, onLogged, body });
  const heading = useFocusOnOpen(opener);
  const baseId = useId();
  const ids = { heading: `${baseId}h`, template: `${baseId}t`, subject: `${baseId}s`, body: `${baseId}b`, offered: `${baseId}o` };
  const { templates, offered, message } = outreach;
  const chosen = templates?.find((template) => template.id === outreach.templateId);
  const leftOut = (templates?.length ?? 0) > offered.length;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  }

  return (
    <section className="outreach" aria-labelledby={ids.heading} onKeyDown={onKeyDown}>
      <header className="outreach-header">
        <h2 id={ids.heading} ref={heading} tabIndex={-1}>
          Reach out to {partner.name}
        </h2>
        <button type="button" onClick={onClose}>
          Back<span className="visually-hidden"> to your matches</span>
        </button>
      </header>
      <p className="outreach-to">
        To: {partner.name} <span className="muted">&lt;{partner.email}&gt;</span>
      </p>
      <TemplateNotices outreach={outreach} partnerName={partner.name} />
      {chosen && (
        <>
          <TemplatePicker
            id={ids.template}
            offered={offered}
            selected={outreach.templateId}
            {...(leftOut ? { leftOutHint: { id: ids.offered, text: `Only templates that fit you and ${partner.name} in ${me.matchMode} mode are listed.` } } : {})}
            onChoose={outreach.applyTemplate}
          />
          {outreach.rendered.missing.length > 0 && <BlankFields idPrefix={baseId} outreach={outreach} />}
          <div className="field">
            <label htmlFor={ids.subject}>Subject</label>
            <div className="outreach-subject">
              <input id={ids.subject} value={message.subject} onChange={(event) => outreach.editMessage({ subject: event.target.value })} />
              <button type="button" aria-disabled={actions.busy} onClick={() => void actions.copySubject()}>
                Copy<span className="visually-hidden"> subject</span>
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor={ids.body}>Message</label>
            <textarea id={ids.body} ref={body} className="outreach-body" rows={7} value={message.body} onChange={(event) => outreach.editMessage({ body: event.target.value })} />
          </div>
          <OutreachFooter actions={actions} partnerName={partner.name} />
          <ComposeLinks to={partner.email} message={message} blocked={outreach.pending.length > 0} onBlocked={actions.ready} onOpened={(link, channel) => void actions.opened(link, channel)} />
          <p className="muted outreach-note">Mutual never sends anything: review the message, then send it yourself.</p>
        </>
      )}
    </section>
  );
}

/** Loading, a library that failed to load, or no template that fits. */
function TemplateNotices({ outreach, partnerName }: { outreach: OutreachMessage; partnerName: string }) {
  if (outreach.loadError) {
    return (
      <p role="alert" className="notice error">
        Mutual could not load your templates: {outreach.loadError}
      </p>
    );
  }
  if (!outreach.templates) return <p className="muted">Loading templates…</p>;
  if (outreach.offered.length > 0) return null;
  return (
    <p role="alert" className="notice error">
      None of your templates fits {partnerName} in this mode. Try another mode, or write a template of your own on the options page.
    </p>
  );
}

/** The actions that stay in view, and what the last one did. */
function OutreachFooter({ actions, partnerName }: { actions: OutreachActions; partnerName: string }) {
  const { undo, status, busy } = actions;
  return (
    <div className="outreach-footer">
      <div className="button-row">
        <button type="button" className="primary" aria-disabled={busy} onClick={() => void actions.insertIntoPage()}>
          Insert into page
        </button>
        <button type="button" aria-disabled={busy} onClick={() => void actions.copy()}>
          Copy message
        </button>
        {undo && (
          <button type="button" className="outreach-undo" onClick={() => void actions.undoContacted(undo)}>
            Undo “contacted”
          </button>
        )}
        {actions.offerMark && (
          <button type="button" onClick={() => void actions.markContacted()}>
            Mark as contacted
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className={status.tone === 'error' ? 'outreach-status error-text' : 'outreach-status'}>
        {status.text}
        {undo && ` Marked ${partnerName} as contacted.`}
      </p>
    </div>
  );
}
