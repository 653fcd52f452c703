import { browser, type Browser } from 'wxt/browser';
import { loadCurrentDraft, type CurrentDraft } from '@/lib/compose';
import type { InsertOutcome } from '@/lib/messages';
import { logOutreach } from '@/lib/partners';
import { emptyProfile, loadProfile } from '@/lib/profile';
import { loadTemplates, outreachValues, profileValues, renderTemplate, type Template } from '@/lib/templates';
import { insertIntoTab } from './insert';
import { readManagedTemplates } from './templates-policy';

const MENU_ROOT = 'mutual-insert';
const MENU_DRAFT = 'mutual-insert-draft';
const MENU_SEPARATOR = 'mutual-insert-separator';
const TEMPLATE_PREFIX = 'mutual-template:';
export const INSERT_DRAFT_COMMAND = 'insert-draft';

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

/** A template filled for the current draft's partner, or with my side only when there is no draft yet. */
async function renderForMenu(templateId: string, draft: CurrentDraft | undefined): Promise<{ text: string; template: Template } | undefined> {
  const template = (await library()).find((candidate) => candidate.id === templateId);
  if (!template) return undefined;
  const values = draft ? outreachValues(draft.context) : profileValues((await loadProfile().catch(() => undefined)) ?? emptyProfile());
  return { text: renderTemplate(template, values).body, template };
}

/** Failures show on the toolbar button of that tab (the background has no clipboard and no page of its own). */
async function showOutcome(tabId: number, outcome: InsertOutcome | { ok: false; message: string }): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '' : '!' });
  if (!outcome.ok) await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  await browser.action.setTitle({ tabId, title: outcome.ok ? 'Mutual' : `Mutual could not insert: ${outcome.message} Open Mutual to copy the text instead.` });
}

async function insertAndLog(tabId: number, text: string, frameId: number | undefined, log: { draft?: CurrentDraft; templateId: string; channel: string }): Promise<InsertOutcome> {
  const outcome = await insertIntoTab(tabId, text, frameId === undefined ? {} : { frameId });
  await showOutcome(tabId, outcome);
  if (outcome.ok && log.draft) {
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

const NO_DRAFT = { ok: false as const, message: 'There is no draft yet: prepare a message in the Mutual popup first.' };

export async function handleContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const itemId = String(info.menuItemId);
  if (tab?.id === undefined || !(itemId === MENU_DRAFT || itemId.startsWith(TEMPLATE_PREFIX))) return;
  const draft = await loadCurrentDraft();
  if (itemId === MENU_DRAFT) {
    if (!draft) return showOutcome(tab.id, NO_DRAFT);
    await insertAndLog(tab.id, draft.body, info.frameId, { draft, templateId: draft.templateId, channel: 'page (context menu)' });
    return;
  }
  const rendered = await renderForMenu(itemId.slice(TEMPLATE_PREFIX.length), draft);
  if (!rendered) return registerContextMenus();
  await insertAndLog(tab.id, rendered.text, info.frameId, { ...(draft ? { draft } : {}), templateId: rendered.template.id, channel: 'page (context menu)' });
}

/** The 'insert-draft' command (Alt+Shift+I): the current draft's body into the focused field. */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== INSERT_DRAFT_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const draft = await loadCurrentDraft();
  if (!draft) return showOutcome(tabId, NO_DRAFT);
  await insertAndLog(tabId, draft.body, undefined, { draft, templateId: draft.templateId, channel: 'page (keyboard shortcut)' });
}
