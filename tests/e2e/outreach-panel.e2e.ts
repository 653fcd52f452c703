import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, quickStart, seriousAxeViolations, type Mutual } from './harness';

/**
 * The reach-out panel as a person meets it in the popup: it fits the real toolbar popup with
 * "Insert into page" in view, a template that needs a value neither profile gives cannot leave
 * Mutual until that value is filled in, the subject goes into the page's subject field, and
 * "contacted" can be undone from the keyboard.
 */

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
}
interface Layout {
  /** The popup window, and the page's width inside it (less a vertical scrollbar). */
  window: { width: number; height: number };
  viewport: { width: number; height: number };
  scrollWidth: number;
  scrollTop: number;
  insert: Box;
  to: Box;
  fields: { label: string; labelBox: Box; control: Box; field: Box; hit: boolean }[];
}

/** Measures the open panel: evaluated inside the popup, so it may use nothing from outside. */
function measurePanel(): Layout {
  const box = (element: Element): Box => {
    const { top, bottom, left, right, width } = element.getBoundingClientRect();
    return { top, bottom, left, right, width };
  };
  const panel = document.querySelector('section.outreach')!;
  const insert = [...panel.querySelectorAll('button')].find((button) => button.textContent === 'Insert into page')!;
  const fields = [...panel.querySelectorAll('.field')].map((field) => {
    const label = field.querySelector('label')!;
    const control = document.getElementById(label.htmlFor)!;
    const rect = control.getBoundingClientRect();
    // Usable: what sits at the control's top-left corner (inside it) is the control, not something covering it.
    const hit = document.elementFromPoint(rect.left + 8, rect.top + 8) === control;
    return { label: label.textContent ?? '', labelBox: box(label), control: box(control), field: box(field), hit };
  });
  return {
    window: { width: innerWidth, height: innerHeight },
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    scrollWidth: document.querySelector('main')!.scrollWidth,
    scrollTop: document.scrollingElement?.scrollTop ?? 0,
    insert: box(insert),
    to: box(panel.querySelector('.outreach-to')!),
    fields,
  };
}

const squash = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');

async function activeTabId(mutual: Mutual): Promise<number> {
  const [worker] = mutual.context.serviceWorkers();
  return worker!.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
}

describe('the outreach panel in the popup', () => {
  let mutual: Mutual;

  beforeAll(async () => {
    mutual = await launch();
    const setup = await mutual.openPopup();
    await setup.setViewportSize({ width: 420, height: 600 });
    await quickStart(setup);
    await setup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
    await setup.close();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('fits the real toolbar popup: recipient, template, message and Insert in view, every field labelled above a full-width control', async () => {
    const page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/blank.html'));
    await mutual.clickToolbar(page);
    await mutual.waitForRealPopup();
    await expect.poll(() => mutual.evaluateInRealPopup<number>('document.querySelectorAll("[data-partner-id] button.primary").length'), { timeout: 10_000 }).toBeGreaterThan(0);
    await mutual.evaluateInRealPopup('document.querySelector("[data-partner-id] button.primary").click()');
    await expect.poll(() => mutual.evaluateInRealPopup<string>('document.querySelector("section.outreach select")?.value ?? ""'), { timeout: 10_000 }).not.toBe('');
    const layout = await mutual.evaluateInRealPopup<Layout>(`(${measurePanel.toString()})()`);

    expect(layout.window.width).toBeGreaterThanOrEqual(420);
    expect(layout.window.height).toBeLessThanOrEqual(600);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport.width);
    expect(layout.scrollTop).toBe(0);
    // The primary action is on the first screen, with no scrolling.
    expect(layout.insert.top).toBeGreaterThanOrEqual(0);
    expect(layout.insert.bottom).toBeLessThanOrEqual(layout.viewport.height);
    expect(layout.to.bottom).toBeLessThanOrEqual(layout.viewport.height);
    expect(layout.fields.map((field) => field.label)).toEqual(['Template', 'Subject', 'Message']);
    for (const field of layout.fields) {
      // Label and control visible on the first screen, the label above the control's top.
      expect(field.labelBox.bottom, field.label).toBeLessThanOrEqual(field.control.top + 1);
      expect(field.control.top, field.label).toBeLessThan(layout.viewport.height - 20);
      expect(field.hit, `${field.label} is covered`).toBe(true);
      // Full width: the control spans its field (the subject shares its row with its Copy button).
      if (field.label === 'Subject') expect(field.control.width).toBeGreaterThan(field.field.width * 0.6);
      else expect(field.control.width).toBeGreaterThanOrEqual(field.field.width - 1);
      expect(field.control.right).toBeLessThanOrEqual(layout.viewport.width);
    }
    await page.close();
  });

  describe('at the popup’s size, writing into a page the toolbar click granted', () => {
    let page: Page;
    let popup: Page;
    let partner: string;

    beforeAll(async () => {
      page = await mutual.context.newPage();
      await page.goto(mutual.server.url('/editors/dist/index.html').replace('127.0.0.1', 'localhost'));
      await page.waitForSelector('body[data-ready="true"]');
      await page.locator('#quill .ql-editor').click();
      await mutual.clickToolbar(page);
      popup = await mutual.openPopup(`?tab=${await activeTabId(mutual)}`);
      await popup.setViewportSize({ width: 420, height: 600 });
      const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
      await first.waitFor();
      partner = (await first.locator('h3').textContent())!;
      await first.getByRole('button', { name: /^Reach out/ }).click();
      await popup.waitForFunction(() => document.querySelector<HTMLSelectElement>('section.outreach select')?.value);
    });

    const quillText = () => page.evaluate(() => (window as unknown as { readers: Record<string, () => string> }).readers.quill!());

    it('does not insert, copy or link a template with a missing value until it is filled in', async () => {
      // The quick start gave no goal: the first-meeting proposal needs one.
      await popup.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'First meeting: setting expectations' });
      const blanks = popup.getByRole('group', { name: 'Fill in before it can leave Mutual' });
      await blanks.waitFor();
      expect(await blanks.textContent()).toMatch(/Neither profile says this/);
      expect(await popup.getByLabel('Message').inputValue()).toContain('[what you both want from it]');
      expect(await seriousAxeViolations(popup)).toEqual([]);

      const before = await quillText();
      await popup.getByRole('button', { name: 'Insert into page' }).click();
      await expect.poll(() => popup.evaluate(() => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent)).toBe('Your objective for the partnership');
      expect(await popup.getByRole('status').textContent()).toMatch(/^Fill in your objective for the partnership and how you will know it worked first/);
      // No compose link carries the blank either.
      expect(await popup.locator('a[href*="%5Bwhat"], a[href*="[what"]').count()).toBe(0);
      await popup.getByRole('navigation', { name: 'Open in a mail or chat app' }).getByRole('button', { name: 'Gmail' }).click();
      await popup.getByRole('button', { name: 'Copy message' }).click();
      expect(await quickText(page)).toBe(squash(before));

      await popup.keyboard.type('Each of us learns one new skill');
      await popup.getByLabel('How you will know it worked').fill('We each teach the other one thing');
      await popup.getByRole('button', { name: 'Insert into page' }).click();
      await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Inserted into the Quill editor/);
      const inserted = await quillText();
      expect(inserted).toContain('What we want from it: Each of us learns one new skill');
      expect(inserted).toContain('How we’ll know it worked: We each teach the other one thing'.replace('’', "'"));
      expect(inserted).not.toMatch(/\[[a-z][^\]]*\]/);
    });

    it('marks the partner contacted and undoes it from the keyboard', async () => {
      await expect.poll(() => popup.getByRole('status').textContent()).toMatch(new RegExp(`Marked ${partner} as contacted\\.$`));
      await popup.getByRole('button', { name: 'Insert into page' }).focus();
      await popup.keyboard.press('Tab');
      await popup.keyboard.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Undo “contacted”');
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.getByRole('status').textContent()).toBe(`${partner} is no longer marked contacted.`);
      await popup.getByRole('button', { name: /^Back/ }).click();
      const card = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').filter({ hasText: partner }).first();
      expect(await card.getByLabel(`Status of ${partner}`).inputValue()).toBe('none');
      await popup.getByRole('tab', { name: 'My asks' }).click();
      await expect.poll(() => popup.getByRole('tabpanel').textContent()).toMatch(/No open asks yet/);
      await popup.getByRole('tab', { name: 'Matches' }).click();
    });
  });

  it('fills the subject into the compose window’s subject field and the message into its body', async () => {
    const page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/compose.html').replace('127.0.0.1', 'localhost'));
    await page.locator('#body').click();
    await mutual.clickToolbar(page);
    const popup = await mutual.openPopup(`?tab=${await activeTabId(mutual)}`);
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().getByRole('button', { name: /^Reach out/ }).click();
    await expect.poll(() => popup.getByRole('combobox', { name: 'Template' }).inputValue(), { timeout: 5_000 }).not.toBe('');
    const subject = await popup.getByLabel('Subject').inputValue();
    const message = await popup.getByLabel('Message').inputValue();
    expect(subject).not.toBe('');
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/and the subject into its subject field\./);
    expect(await page.locator('input[name="subjectbox"]').inputValue()).toBe(subject);
    expect(squash(await page.locator('#body').innerText())).toBe(squash(message));
    expect(subject).not.toMatch(/\[[a-z][^\]]*\]/);
    await popup.close();
    await page.close();
  });
});

async function quickText(page: Page): Promise<string> {
  return squash(await page.evaluate(() => (window as unknown as { readers: Record<string, () => string> }).readers.quill!()));
}
