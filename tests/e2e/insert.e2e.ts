import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { InsertOutcome } from '../../lib/messages';
import { launch, type Mutual } from './harness';

/**
 * Insertion the way the popup does it: a real toolbar click grants activeTab, then an extension
 * page asks the background ('insert/text') to insert into that tab while the page itself is in the
 * background (as it is behind the popup). Each editor's text is then read through its own API, and
 * typing afterwards must continue after the inserted text.
 */

// Markup and template syntax stay literal; the blank line becomes a paragraph break in rich editors.
const TEXT = 'Hi Ada,\n\nTwo-way mentoring? <b>bold</b> {{me.email}}';
const TYPED = ' typed after';

/** The extension API inside extension pages and the service worker (this project has no @types/chrome). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<InsertOutcome> };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
};

const squash = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');

interface Case {
  name: string;
  /** Focuses the field with the caret at its end. */
  focus(page: Page): Promise<void>;
  /** The field's text through the editor's own API (or the DOM for plain fields). */
  read(page: Page): Promise<string>;
  method: string;
  where: string;
}

const reader = (name: string) => (page: Page) => page.evaluate((key) => (window as unknown as { readers: Record<string, () => string> }).readers[key]!(), name);

/** The frame.html iframe served from `host`: the page's own origin, another the test build may reach, one it may not. */
function frame(page: Page, host: 'localhost' | '127.0.0.1' | 'foreign.localhost'): Frame {
  const found = page.frames().find((candidate) => candidate.url().endsWith('/frame.html') && new URL(candidate.url()).hostname === host);
  if (!found) throw new Error(`No frame from ${host}`);
  return found;
}

async function focusAtEnd(page: Page | Frame, selector: string): Promise<void> {
  await page.locator(selector).click();
  await page.locator(selector).press('Control+End');
}

const CASES: Case[] = [
  {
    name: 'textarea',
    focus: (page) => focusAtEnd(page, '#textarea'),
    read: (page) => page.locator('#textarea').inputValue(),
    method: 'execCommand',
    where: 'the text field',
  },
  {
    name: 'React-controlled textarea',
    focus: (page) => focusAtEnd(page, '#react'),
    read: reader('react'),
    method: 'execCommand',
    where: 'the text field',
  },
  {
    name: 'plain contenteditable',
    focus: (page) => focusAtEnd(page, '#contenteditable'),
    read: (page) => page.locator('#contenteditable').innerText(),
    method: 'execCommand',
    where: 'the editable area',
  },
  {
    name: 'textarea in an open shadow root',
    focus: (page) => focusAtEnd(page, '#shadow-host #shadow-textarea'),
    read: (page) => page.locator('#shadow-host #shadow-textarea').inputValue(),
    method: 'execCommand',
    where: 'the text field',
  },
  {
    name: 'contenteditable in a same-origin iframe',
    focus: (page) => focusAtEnd(frame(page, 'localhost'), '#frame-contenteditable'),
    read: (page) => frame(page, 'localhost').locator('#frame-contenteditable').innerText(),
    method: 'execCommand',
    where: 'the editable area',
  },
  {
    name: 'textarea in a cross-origin iframe (its own frame is chosen)',
    focus: (page) => focusAtEnd(frame(page, '127.0.0.1'), '#frame-textarea'),
    read: (page) => frame(page, '127.0.0.1').locator('#frame-textarea').inputValue(),
    method: 'execCommand',
    where: 'the text field',
  },
  { name: 'Tiptap (ProseMirror)', focus: (page) => focusAtEnd(page, '#tiptap .ProseMirror'), read: reader('tiptap'), method: 'paste-event', where: 'the ProseMirror editor' },
  { name: 'Quill 2', focus: (page) => focusAtEnd(page, '#quill .ql-editor'), read: reader('quill'), method: 'paste-event', where: 'the Quill editor' },
  { name: 'Lexical', focus: (page) => focusAtEnd(page, '#lexical'), read: reader('lexical'), method: 'beforeinput', where: 'the Lexical editor' },
  { name: 'CKEditor 5', focus: (page) => focusAtEnd(page, '.ck-editor__editable'), read: reader('ckeditor'), method: 'paste-event', where: 'the CKEditor 5 editor' },
];

describe('insert into the focused field of a page', () => {
  let mutual: Mutual;
  let page: Page;
  let extensionPage: Page;
  let tabId: number;
  const timings: string[] = [];

  async function insert(text: string): Promise<InsertOutcome> {
    await extensionPage.bringToFront();
    return extensionPage.evaluate(([tab, value]) => chrome.runtime.sendMessage({ type: 'insert/text', tabId: tab, text: value }), [tabId, text] as const);
  }

  beforeAll(async () => {
    mutual = await launch();
    page = await mutual.context.newPage();
    // localhost, not 127.0.0.1: the test build's host permission must not stand in for the activeTab grant.
    await page.goto(mutual.server.url('/editors/dist/index.html').replace('127.0.0.1', 'localhost'));
    await page.waitForSelector('body[data-ready="true"]');
    await page.bringToFront();
    const [worker] = mutual.context.serviceWorkers();
    tabId = await worker!.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    extensionPage = await mutual.openPopup(`?tab=${tabId}`);
  });
  afterAll(async () => {
    if (timings.length) console.log(`Insertion round trips (message → verified):\n${timings.join('\n')}`);
    await mutual?.close();
  });

  it('needs the user’s grant: refused before the toolbar click, allowed after it', async () => {
    await page.bringToFront();
    await focusAtEnd(page, '#textarea');
    const refused = await insert(TEXT);
    expect(refused).toMatchObject({ ok: false, reason: 'no-access' });
    expect(await page.locator('#textarea').inputValue()).toBe('Hello ');
    await mutual.clickToolbar(page);
    await mutual.waitForRealPopup();
  });

  for (const field of CASES) {
    it(`inserts into a ${field.name}, checked through its own API, and typing continues after it`, async () => {
      await page.bringToFront();
      await field.focus(page);
      const before = await field.read(page);
      const started = performance.now();
      const outcome = await insert(TEXT);
      timings.push(`  ${field.name}: ${Math.round(performance.now() - started)} ms (${outcome.ok ? outcome.method : outcome.reason})`);
      expect(outcome).toEqual({ ok: true, method: field.method, where: field.where });
      const inserted = await field.read(page);
      expect(squash(inserted)).toBe(squash(before + TEXT));
      await page.bringToFront();
      await page.keyboard.type(TYPED);
      await expect.poll(async () => squash(await field.read(page))).toBe(squash(before + TEXT + TYPED));
      expect(await page.locator('b').count()).toBe(0);
    });
  }

  it('is undoable in a plain field, like typing (execCommand)', async () => {
    await page.bringToFront();
    await focusAtEnd(page, '#textarea');
    const before = await page.locator('#textarea').inputValue();
    expect(await insert('UNDO ME')).toMatchObject({ ok: true });
    expect(await page.locator('#textarea').inputValue()).toBe(`${before}UNDO ME`);
    await page.bringToFront();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.locator('#textarea').inputValue()).toBe(before);
  });

  it('keeps the paragraph break in rich editors', async () => {
    expect(await reader('tiptap')(page)).toContain('Hi Ada,\n');
    expect(await reader('ckeditor')(page)).toContain('Hi Ada,\n');
    expect(await reader('quill')(page)).toContain('Hi Ada,\n\nTwo-way');
  });

  it('reports a read-only field and a page without a focused field', async () => {
    await page.bringToFront();
    await page.locator('#readonly').focus();
    expect(await insert(TEXT)).toMatchObject({ ok: false, reason: 'read-only' });
    await page.bringToFront();
    await page.locator('#elsewhere').focus();
    expect(await insert(TEXT)).toMatchObject({ ok: false, reason: 'no-focus' });
    expect(await page.locator('#readonly').inputValue()).toBe('Fixed');
  });

  it('reports a field inside a frame Mutual may not reach (activeTab covers the tab’s own origin only)', async () => {
    await page.bringToFront();
    await focusAtEnd(frame(page, 'foreign.localhost'), '#frame-textarea');
    expect(await insert(TEXT)).toMatchObject({ ok: false, reason: 'cross-origin' });
    expect(await frame(page, 'foreign.localhost').locator('#frame-textarea').inputValue()).toBe('');
  });

  it('refuses browser pages with a clear message', async () => {
    await page.goto('chrome://version');
    expect(await insert(TEXT)).toMatchObject({ ok: false, reason: 'no-access', message: expect.stringMatching(/Browser pages/) });
  });
});
