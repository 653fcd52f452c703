import { useState, type RefObject } from 'react';
import type { ComposeLink } from '@/lib/compose';
import { errorMessage } from '@/lib/errors';
import type { InsertOutcome } from '@/lib/messages';
import type { PartnerRecord, PartnerStatus } from '@/lib/partners';
import type { DirectoryEntry } from '@/lib/directory/entry';
import { useOutreachLog, type OutreachStatus } from './useOutreachLog';
import type { OutreachMessage } from './useOutreachMessage';
import type { OutreachServices } from './services';

const PASTE_HINT = 'paste it with Ctrl+V (⌘V on a Mac)';

interface ActionsInput {
  services: OutreachServices;
  partner: DirectoryEntry;
  outreach: OutreachMessage;
  /** The tab "Insert into page" writes into; without one the message is copied instead. */
  tabId: number | undefined;
  onLogged: ((record: PartnerRecord) => void) | undefined;
  /** The message box: selected when even copying fails, focused after an undo. */
  body: RefObject<HTMLTextAreaElement | null>;
}

/**
 * What the panel's buttons and links do: insert, copy, open a compose link, undo "contacted".
 * Each use is logged (which marks the partner contacted) and said in the status line.
 */
export function useOutreachActions({ services, partner, outreach, tabId, onLogged, body }: ActionsInput) {
  const [status, setStatus] = useState<OutreachStatus>({ text: '', tone: 'info' });
  const [busy, setBusy] = useState(false);
  const { message } = outreach;
  const log = useOutreachLog({ services, partner, templateId: outreach.templateId, onLogged });
  const record = log.record;
  const say = (text: string, tone: OutreachStatus['tone'] = 'info') => setStatus({ text, tone });

  /** True when the message may leave Mutual; otherwise says what is missing. */
  function ready(): boolean {
    const problem = outreach.checkReady();
    if (problem) say(problem, 'error');
    return problem === undefined;
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
      body.current?.select();
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

  async function undoContacted(previous: PartnerStatus) {
    const outcome = await log.undoContacted(previous);
    say(outcome.text, outcome.tone);
    body.current?.focus();
  }

  async function markContacted() {
    const outcome = await log.markContacted();
    say(outcome.text, outcome.tone);
    body.current?.focus();
  }

  return { status, undo: log.undo, offerMark: log.offerMark, markContacted, busy, ready, insertIntoPage, copy, copySubject, opened, undoContacted };
}

export type OutreachActions = ReturnType<typeof useOutreachActions>;
