import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { saveOutreachDraft } from '../../../lib/compose';
import { INSERTER_KEY, type FrameProbe, type InsertResult } from '../../../lib/insert';
import { loadOutreachLog, loadPartners } from '../../../lib/partners';
import { closeMutualDb } from '../../../lib/storage/db';
import { SAMPLE_CONTEXT } from '../../../lib/templates';
import { handleCommand, handleContextMenuClick, registerContextMenus } from '../../../platform/context-menu';
import { insertIntoTab } from '../../../platform/insert';

type Injection = { frameId: number; result?: unknown };

/** executeScript as Chromium answers it: first the probes of the injected frames, then the inserter's result. */
function scripting(probes: Injection[], inserted: InsertResult | unknown) {
  const executeScript = vi.fn(async (options: { files?: string[] }) => (options.files ? probes : [{ frameId: 0, result: inserted }]));
  fakeBrowser.scripting.executeScript = executeScript as never;
  return executeScript;
}

const field = (field: FrameProbe['field'], focused = true): FrameProbe => ({ field, focused });
const OK: InsertResult = { ok: true, method: 'paste-event', editor: 'quill', element: 'Quill editor <div>' };

beforeEach(() => {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
});

describe('insertIntoTab', () => {
  it('injects into every frame, then inserts in the chosen frame from the page’s MAIN world', async () => {
    const executeScript = scripting([{ frameId: 0, result: field('cross-origin') }, { frameId: 9, result: field('ok') }], OK);
    expect(await insertIntoTab(5, 'Hello')).toEqual({ ok: true, method: 'paste-event', where: 'the Quill editor' });
    expect(executeScript).toHaveBeenNthCalledWith(1, { target: { tabId: 5, allFrames: true }, files: ['/content-scripts/insert.js'], world: 'MAIN' });
    expect(executeScript).toHaveBeenNthCalledWith(2, expect.objectContaining({ target: { tabId: 5, frameIds: [9] }, world: 'MAIN', args: [INSERTER_KEY, 'Hello', ''] }));
  });

  it('targets only the frame it is given', async () => {
    const executeScript = scripting([{ frameId: 3, result: field('ok') }], OK);
    await insertIntoTab(5, 'Hello', { frameId: 3 });
    expect(executeScript).toHaveBeenNthCalledWith(1, expect.objectContaining({ target: { tabId: 5, frameIds: [3] } }));
  });

  it('explains a page without a focused field, and never trusts a malformed answer from the page', async () => {
    scripting([{ frameId: 0, result: field('no-focus') }, { frameId: 2, result: { field: 'ok', focused: 'yes' } }], OK);
    expect(await insertIntoTab(5, 'Hello')).toMatchObject({ ok: false, reason: 'no-focus', message: expect.stringMatching(/^Click into the field/) });
    scripting([{ frameId: 0, result: field('ok') }], { ok: true, method: 'telepathy' });
    expect(await insertIntoTab(5, 'Hello')).toMatchObject({ ok: false, reason: 'not-verified' });
    scripting([{ frameId: 0, result: field('ok') }], { ok: false, reason: 'read-only', tried: [] });
    expect(await insertIntoTab(5, 'Hello')).toMatchObject({ ok: false, reason: 'read-only' });
  });

  it('turns refusals into messages: no grant, browser pages, a closed tab', async () => {
    const refuse = (message: string) => {
      fakeBrowser.scripting.executeScript = vi.fn(async () => Promise.reject(new Error(message))) as never;
      return insertIntoTab(5, 'Hello');
    };
    expect(await refuse('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toMatchObject({
      ok: false,
      reason: 'no-access',
      message: expect.stringMatching(/click its toolbar button/),
    });
    expect(await refuse('Cannot access a chrome:// URL')).toMatchObject({ reason: 'no-access', message: expect.stringMatching(/^Browser pages/) });
    expect(await refuse('Missing host permission for the tab')).toMatchObject({ reason: 'no-access' });
    expect(await refuse('No tab with id: 5.')).toEqual({ ok: false, reason: 'error', message: 'That tab is no longer open.' });
  });
});

describe('context menu and keyboard command', () => {
  const draft = {
    partnerId: SAMPLE_CONTEXT.partner.id,
    partnerName: SAMPLE_CONTEXT.partner.name,
    templateId: 'two-way',
    subject: 'Two-way mentoring, Dana?',
    body: 'Hi Dana, the draft.',
    blanks: ['[the ERG you share]'],
    context: SAMPLE_CONTEXT,
    savedAt: '2026-11-02T10:00:00.000Z',
  };

  it('offers the current draft and every template on editable fields', async () => {
    const create = vi.fn();
    fakeBrowser.contextMenus.create = create as never;
    fakeBrowser.contextMenus.removeAll = vi.fn(async () => undefined) as never;
    await registerContextMenus();
    expect(create.mock.calls.map(([item]) => [item.id, item.parentId, item.title, item.contexts])).toEqual([
      ['mutual-insert', undefined, 'Insert a Mutual template', ['editable']],
      ['mutual-insert-draft', 'mutual-insert', 'Current draft', ['editable']],
      ['mutual-insert-separator', 'mutual-insert', undefined, ['editable']],
      ...['Offer to reverse-mentor a senior colleague', 'Ask to be reverse-mentored', 'Ask for mentoring', 'Two-way mentoring proposal', 'Introduction through a shared ERG', 'Follow-up after no reply', 'First meeting: setting expectations', 'Thank you', 'Polite decline'].map(
        (title) => [expect.stringMatching(/^mutual-template:/), 'mutual-insert', title, ['editable']],
      ),
    ]);
  });

  it('Alt+Shift+I inserts the current draft, logs it and marks the partner contacted', async () => {
    await saveOutreachDraft(draft);
    const executeScript = scripting([{ frameId: 0, result: field('ok') }], OK);
    await handleCommand('insert-draft', { id: 12 } as never);
    expect(executeScript).toHaveBeenNthCalledWith(2, expect.objectContaining({ args: [INSERTER_KEY, 'Hi Dana, the draft.', 'Two-way mentoring, Dana?'] }));
    expect(await loadOutreachLog(draft.partnerId)).toEqual([expect.objectContaining({ action: 'inserted', channel: 'page (keyboard shortcut)', templateId: 'two-way' })]);
    expect((await loadPartners()).get(draft.partnerId)?.status).toBe('contacted');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('');
  });

  it('without a draft, or when insertion fails, says so on the toolbar button of that tab', async () => {
    const executeScript = scripting([{ frameId: 0, result: field('ok') }], OK);
    await handleCommand('insert-draft', { id: 12 } as never);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/There is no draft yet/);

    await saveOutreachDraft(draft);
    scripting([{ frameId: 0, result: field('read-only') }], OK);
    await handleCommand('insert-draft', { id: 12 } as never);
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/read-only/);
    expect(await loadOutreachLog()).toEqual([]);
    await handleCommand('some-other-command', { id: 12 } as never);
  });

  it('a template from the menu is filled for the draft’s partner and inserted into the clicked frame', async () => {
    await saveOutreachDraft(draft);
    const executeScript = scripting([{ frameId: 4, result: field('ok') }], OK);
    await handleContextMenuClick({ menuItemId: 'mutual-template:decline', frameId: 4, editable: true } as never, { id: 12 } as never);
    expect(executeScript).toHaveBeenNthCalledWith(1, expect.objectContaining({ target: { tabId: 12, frameIds: [4] } }));
    const [, second] = executeScript.mock.calls;
    expect((second![0] as unknown as { args: string[] }).args[1]).toMatch(/^Hi Dana,\n\nThank you for thinking of me/);
    expect(await loadOutreachLog()).toEqual([expect.objectContaining({ templateId: 'decline', channel: 'page (context menu)' })]);
  });

  it('without a draft, a menu template is not inserted: there is nobody to fill it for', async () => {
    const executeScript = scripting([{ frameId: 0, result: field('ok') }], OK);
    await handleContextMenuClick({ menuItemId: 'mutual-template:two-way', frameId: 0, editable: true } as never, { id: 12 } as never);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/There is no draft yet/);
    expect(await loadOutreachLog()).toEqual([]);
  });

  it('a draft that still holds a blank is refused by the shortcut and the menu, naming the blank', async () => {
    await saveOutreachDraft({ ...draft, body: 'Hi Dana, we are both in [the ERG you share].' });
    const executeScript = scripting([{ frameId: 0, result: field('ok') }], OK);
    await handleCommand('insert-draft', { id: 12 } as never);
    await handleContextMenuClick({ menuItemId: 'mutual-insert-draft', frameId: 0, editable: true } as never, { id: 12 } as never);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/still has blanks to fill in \(\[the ERG you share\]\)/);
    expect(await loadOutreachLog()).toEqual([]);
  });

  it('a menu template that needs a value this pair lacks, or that does not fit the pair, is refused', async () => {
    // No shared ERG: the ERG introduction does not fit; no goals: the first-meeting proposal has blanks.
    const context = { ...SAMPLE_CONTEXT, sharedErgs: [], me: { ...SAMPLE_CONTEXT.me, goals: { ...SAMPLE_CONTEXT.me.goals, objective: '' } } };
    await saveOutreachDraft({ ...draft, context });
    const executeScript = scripting([{ frameId: 0, result: field('ok') }], OK);
    await handleContextMenuClick({ menuItemId: 'mutual-template:first-meeting', frameId: 0, editable: true } as never, { id: 12 } as never);
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/“First meeting: setting expectations” needs \[what you both want from it\] for Dana Okafor/);
    await handleContextMenuClick({ menuItemId: 'mutual-template:erg-intro', frameId: 0, editable: true } as never, { id: 12 } as never);
    expect(await fakeBrowser.action.getTitle({ tabId: 12 })).toMatch(/“Introduction through a shared ERG” does not fit Dana Okafor/);
    expect(executeScript).not.toHaveBeenCalled();
  });

});
