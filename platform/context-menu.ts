import { browser, type Browser } from 'wxt/browser';
import { outreachDraftBlanks, loadOutreachDraft, type OutreachDraft } from '@/lib/compose';
import type { InsertOutcome } from '@/lib/messages';
import { logOutreach } from '@/lib/partners';
import { kindFits, loadTemplates, outreachValues, renderTemplate, type Template } from '@/lib/templates';
import { insertIntoTab } from './insert';
import { readManagedTemplates } from './templates-policy';

const MENU_ROOT = 'mutual-insert';
const MENU_DRAFT = 'mutual-insert-draft';
const MENU_SEPARATOR = 'mutual-insert-separator';
const TEMPLATE_PREFIX = 'mutual-template:';
const INSERT_DRAFT_COMMAND = 'insert-draft';

async function library(): Promise<Template[]> {
  return loadTemplates((await readManagedTemplates()).templates);
}

/** "&" marks an access key in menu titles; "&&" shows one. */
const menuTitle = (name: string) => name.replaceAll('&', '&&');

let registering: Promise<void> = Promise.resolve();

/**
 * "Insert a Mutual template ▸ Current draft | <each template>" on editable fields. Rebuilt from
 * scratch (call again when templates change); calls are queued so two rebuilds never interleave.
 */
export function registerContextMenus(): Promise<void> {
  registering = registering.catch(() => undefined).then(async () => {
    await browser.contextMenus.removeAll();
    const contexts: ['editable'] = ['editable'];
    browser.contextMenus.create({ id: MENU_ROOT, title: 'Insert a Mutual template', contexts });
    browser.contextMenus.create({ id: MENU_DRAFT, parentId: MENU_ROOT, title: 'Current draft', contexts });
    browser.contextMenus.create({ id: MENU_SEPARATOR, parentId: MENU_ROOT, type: 'separator', contexts });
    for (const template of await library()) {
      browser.contextMenus.create({ id: TEMPLATE_PREFIX + template.id, parentId: MENU_ROOT, title: menuTitle(template.name), contexts });
    }
  });
  return registering;
}

type Refusal = { ok: false; message: string };
type Outgoing = { subject: string; body: string; template: Template };

/**
 * A template filled for the current draft's partner, or why it cannot be inserted: it does not fit
 * that partner, or it needs a value neither profile gives (the popup asks for those; a menu cannot).
 */
async function renderForMenu(templateId: string, draft: OutreachDraft): Promise<Outgoing | Refusal | undefined> {
  const template = (await library()).find((candidate) => candidate.id === templateId);
  if (!template) return undefined;
  const name = draft.partnerName;
  if (!kindFits(template.kind, draft.context)) return { ok: false, message: `“${template.name}” does not fit ${name} in your current mode. Open Mutual to choose another template.` };
  const { subject, body, missing } = renderTemplate(template, outreachValues(draft.context));
  if (missing.length > 0) {
    return { ok: false, message: `“${template.name}” needs ${missing.map((value) => value.placeholder).join(', ')} for ${name}. Open Mutual to fill it in.` };
  }
  return { subject, body, template };
}

/** Failures show on the toolbar button of that tab (the background has no clipboard and no page of its own). */
async function showOutcome(tabId: number, outcome: InsertOutcome | { ok: false; message: string }): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '' : '!' });
  if (!outcome.ok) await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  await browser.action.setTitle({ tabId, title: outcome.ok ? 'Mutual' : `Mutual could not insert: ${outcome.message} Open Mutual to copy the text instead.` });
}

async function insertAndLog(tabId: number, message: { subject: string; body: string }, frameId: number | undefined, log: { draft: OutreachDraft; templateId: string; channel: string }): Promise<InsertOutcome> {
  const outcome = await insertIntoTab(tabId, message.body, { subject: message.subject, ...(frameId === undefined ? {} : { frameId }) });
  await showOutcome(tabId, outcome);
  if (outcome.ok) {
    await logOutreach({
      partnerId: log.draft.partnerId,
      partnerName: log.draft.partnerName,
      templateId: log.templateId,
      action: 'inserted',
      channel: log.channel,
      at: new Date().toISOString(),
    });
  }
  return outcome;
}

const NO_DRAFT: Refusal = { ok: false, message: 'There is no draft yet: prepare a message in the Mutual popup first.' };

/** The current draft when it may be inserted; a draft with blanks left is refused with what is missing. */
async function insertableDraft(): Promise<OutreachDraft | Refusal> {
  const draft = await loadOutreachDraft();
  if (!draft) return NO_DRAFT;
  const blanks = outreachDraftBlanks(draft);
  return blanks.length === 0 ? draft : { ok: false, message: `The current draft still has blanks to fill in (${blanks.join(', ')}). Open Mutual to fill them in.` };
}

export async function handleContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const itemId = String(info.menuItemId);
  if (tab?.id === undefined || !(itemId === MENU_DRAFT || itemId.startsWith(TEMPLATE_PREFIX))) return;
  if (itemId === MENU_DRAFT) {
    const draft = await insertableDraft();
    if ('ok' in draft) return showOutcome(tab.id, draft);
    await insertAndLog(tab.id, draft, info.frameId, { draft, templateId: draft.templateId, channel: 'page (context menu)' });
    return;
  }
  // A template is filled for the current draft's partner: without one there is nobody to write to.
  const draft = await loadOutreachDraft();
  if (!draft) return showOutcome(tab.id, NO_DRAFT);
  const rendered = await renderForMenu(itemId.slice(TEMPLATE_PREFIX.length), draft);
  if (!rendered) return registerContextMenus();
  if ('ok' in rendered) return showOutcome(tab.id, rendered);
  await insertAndLog(tab.id, rendered, info.frameId, { draft, templateId: rendered.template.id, channel: 'page (context menu)' });
}

/** The 'insert-draft' command (Alt+Shift+I): the current draft into the focused field, once it has no blanks left. */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== INSERT_DRAFT_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const draft = await insertableDraft();
  if ('ok' in draft) return showOutcome(tabId, draft);
  await insertAndLog(tabId, draft, undefined, { draft, templateId: draft.templateId, channel: 'page (keyboard shortcut)' });
}
