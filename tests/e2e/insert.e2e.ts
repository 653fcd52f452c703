import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, quickStart, type Mutual } from './harness';

/**
 * Insertion the way a person does it: a real toolbar click on the page grants activeTab, then in
 * the popup (opened for that tab, behind which the page waits in the background) they reach out to
 * a match, write the message and press "Insert into page". Each editor's text is then read through
 * its own API, typing afterwards must continue after the inserted text, and what the popup's status
 * line says is what the person is told.
 */

// Markup and template syntax stay literal; the blank line becomes a paragraph break in rich editors.
const TEXT = 'Hi Ada,\n\nTwo-way mentoring? <b>bold</b> {{me.email}}';
const TYPED = ' typed after';

/** The extension API inside the service worker (this project has no @types/chrome). */
declare const chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };

const squash = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');

interface Case {
  name: string;
  /** Focuses the field with the caret at its end. */
  focus(page: Page): Promise<void>;
  /** The field's text through the editor's own API (or the DOM for plain fields). */
  read(page: Page): Promise<string>;
  /** How the popup names the field it wrote into. */
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
    where: 'the text field',
  },
  {
    name: 'React-controlled textarea',
    focus: (page) => focusAtEnd(page, '#react'),
    read: reader('react'),
    where: 'the text field',
  },
  {
    name: 'plain contenteditable',
    focus: (page) => focusAtEnd(page, '#contenteditable'),
    read: (page) => page.locator('#contenteditable').innerText(),
    where: 'the editable area',
  },
  {
    name: 'textarea in an open shadow root',
    focus: (page) => focusAtEnd(page, '#shadow-host #shadow-textarea'),
    read: (page) => page.locator('#shadow-host #shadow-textarea').inputValue(),
    where: 'the text field',
  },
  {
    name: 'contenteditable in a same-origin iframe',
    focus: (page) => focusAtEnd(frame(page, 'localhost'), '#frame-contenteditable'),
    read: (page) => frame(page, 'localhost').locator('#frame-contenteditable').innerText(),
    where: 'the editable area',
  },
  {
    name: 'textarea in a cross-origin iframe (its own frame is chosen)',
    focus: (page) => focusAtEnd(frame(page, '127.0.0.1'), '#frame-textarea'),
    read: (page) => frame(page, '127.0.0.1').locator('#frame-textarea').inputValue(),
    where: 'the text field',
  },
  { name: 'Tiptap (ProseMirror)', focus: (page) => focusAtEnd(page, '#tiptap .ProseMirror'), read: reader('tiptap'), where: 'the ProseMirror editor' },
  { name: 'Quill 2', focus: (page) => focusAtEnd(page, '#quill .ql-editor'), read: reader('quill'), where: 'the Quill editor' },
  { name: 'Lexical', focus: (page) => focusAtEnd(page, '#lexical'), read: reader('lexical'), where: 'the Lexical editor' },
  { name: 'CKEditor 5', focus: (page) => focusAtEnd(page, '.ck-editor__editable'), read: reader('ckeditor'), where: 'the CKEditor 5 editor' },
];

describe('insert into the focused field of a page, from the reach-out panel', () => {
  let mutual: Mutual;
  let page: Page;
  let popup: Page;
  const timings: string[] = [];

  /**
   * Writes `text` as the message and presses "Insert into page" in the popup, as the person does
   * with the page's field focused behind it; resolves with what the status line ends on.
   */
  async function insert(text: string): Promise<string> {
    await popup.bringToFront();
    await popup.getByLabel('Message').fill(text);
    // Every text the status line shows, so that the answer to this press is not mistaken for the last one's.
    await popup.evaluate(() => {
      const status = document.querySelector('.outreach-status')!;
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, subtree: true, characterData: true });
    });
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    // "Inserting…" (followed, after an earlier insertion, by "Marked … as contacted.") is not the answer yet.
    const answered = () => popup.evaluate(() => (window as unknown as { statuses: string[] }).statuses.filter((text) => text.trim() !== '' && !text.startsWith('Inserting…')).at(-1) ?? '');
    await expect.poll(answered, { timeout: 10_000 }).not.toBe('');
    return answered();
  }

  beforeAll(async () => {
    mutual = await launch();
    const setup = await mutual.openPopup();
    await quickStart(setup);
    await setup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
    await setup.close();
    page = await mutual.context.newPage();
    // localhost, not 127.0.0.1: the test build's host permission must not stand in for the activeTab grant.
    await page.goto(mutual.server.url('/editors/dist/index.html').replace('127.0.0.1', 'localhost'));
    await page.waitForSelector('body[data-ready="true"]');
    await page.bringToFront();
    const [worker] = mutual.context.serviceWorkers();
    const tabId = await worker!.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    popup = await mutual.openPopup(`?tab=${tabId}`);
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().getByRole('button', { name: /^Reach out/ }).click();
    await popup.waitForFunction(() => document.querySelector<HTMLSelectElement>('section.outreach select')?.value);
  });
  afterAll(async () => {
    if (timings.length) console.log(`Insertion round trips (Insert pressed → status):\n${timings.join('\n')}`);
    await mutual?.close();
  });

  it('needs the user’s grant: refused before the toolbar click, allowed after it', async () => {
    await page.bringToFront();
    await focusAtEnd(page, '#textarea');
    expect(await insert(TEXT)).toMatch(/^Mutual can reach a page only right after you click its toolbar button there/);
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
      const said = await insert(TEXT);
      timings.push(`  ${field.name}: ${Math.round(performance.now() - started)} ms`);
      expect(said).toMatch(new RegExp(`^Inserted into ${field.where}\\. Check it there and send it yourself\\.`));
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
    expect(await insert('UNDO ME')).toMatch(/^Inserted into the text field\./);
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
    expect(await insert(TEXT)).toMatch(/^The focused field is read-only, so Mutual cannot type into it\./);
    await page.bringToFront();
    await page.locator('#elsewhere').focus();
    expect(await insert(TEXT)).toMatch(/^Click into the field where the message should go/);
    expect(await page.locator('#readonly').inputValue()).toBe('Fixed');
  });

  it('reports a field inside a frame Mutual may not reach (activeTab covers the tab’s own origin only)', async () => {
    await page.bringToFront();
    await focusAtEnd(frame(page, 'foreign.localhost'), '#frame-textarea');
    expect(await insert(TEXT)).toMatch(/^The field is inside a frame from another site, which Mutual cannot reach\./);
    expect(await frame(page, 'foreign.localhost').locator('#frame-textarea').inputValue()).toBe('');
  });

  it('refuses browser pages with a clear message', async () => {
    await page.goto('chrome://version');
    expect(await insert(TEXT)).toMatch(/^Browser pages \(settings, new tab, the extension store\) do not let extensions insert text\./);
  });
});
