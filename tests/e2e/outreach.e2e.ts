import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, quickStart, seriousAxeViolations, type Mutual } from './harness';

/**
 * The reach-out panel in the real popup page: the message is filled from both profiles, inserted
 * into a real Quill editor in the tab the toolbar click granted, copied when insertion is not
 * possible. Inserting marks the partner contacted; a copy does not (nothing says it was sent)
 * until the person says so with "Mark as contacted".
 */

const squash = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');

describe('reach out from the popup', () => {
  let mutual: Mutual;
  let page: Page;
  let popup: Page;
  let partnerName: string;

  const quillText = () => page.evaluate(() => (window as unknown as { readers: Record<string, () => string> }).readers.quill!());
  const panel = () => popup.getByRole('region', { name: /^Reach out to / });

  async function focusQuillAtEnd(): Promise<void> {
    await page.bringToFront();
    await page.locator('#quill .ql-editor').click();
    await page.keyboard.press('Control+End');
  }

  beforeAll(async () => {
    mutual = await launch();
    // A profile through the popup's quick start, matched against the demo directory.
    const setup = await mutual.openPopup();
    await quickStart(setup);
    await setup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
    await setup.close();

    page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/editors/dist/index.html').replace('127.0.0.1', 'localhost'));
    await page.waitForSelector('body[data-ready="true"]');
    await focusQuillAtEnd();
    await mutual.clickToolbar(page);
    const [worker] = mutual.context.serviceWorkers();
    const tabId = await worker!.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    popup = await mutual.openPopup(`?tab=${tabId}`);
    const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
    await first.waitFor();
    partnerName = (await first.locator('h3').textContent())!;
    await first.getByRole('button', { name: /^Reach out/ }).click();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('opens with focus in the panel and a message filled for the partner', async () => {
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(`Reach out to ${partnerName}`);
    // A cold browser's policy service is slow: templates wait for it briefly (platform/managed-storage).
    await expect.poll(() => popup.getByRole('combobox', { name: 'Template' }).inputValue(), { timeout: 5_000 }).not.toBe('');
    expect(await popup.getByLabel('Message').inputValue()).toMatch(new RegExp(`^Hi ${partnerName.split(' ')[0]},`));
    expect(await popup.getByRole('link', { name: 'Open in email' }).getAttribute('href')).toMatch(/^mailto:[^?]+@example\.com\?subject=/);
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });

  it('inserts the message into the Quill editor of the granted tab', async () => {
    const before = await quillText();
    await popup.bringToFront();
    const message = await popup.getByLabel('Message').inputValue();
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toMatch(/^Inserted into the Quill editor/);
    expect(squash(await quillText())).toBe(squash(before + message));
  });

  it('copies the message instead, and says so, when the page has no focused field', async () => {
    await page.bringToFront();
    await page.locator('#elsewhere').focus();
    await popup.bringToFront();
    await popup.getByLabel('Message').fill('Short note for the clipboard');
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toMatch(/^Click into the field.*The message is on your clipboard instead/);
    // What the user would do next: paste it into the field themselves.
    await page.bringToFront();
    await page.locator('#textarea').fill('');
    await page.locator('#textarea').press('Control+V');
    expect(await page.locator('#textarea').inputValue()).toBe('Short note for the clipboard');
  });

  it('uses the wording the user saved on the options page', async () => {
    const options = await mutual.openOptions();
    const templates = options.locator('#templates');
    await templates.getByRole('button', { name: /^Polite decline/ }).click();
    await templates.getByLabel(/^Message/).fill('Hi {{them.firstName}}, not this quarter, sorry! {{me.firstName}}');
    await templates.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => templates.getByRole('status').textContent()).toBe('Saved “Polite decline”.');
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.close();

    await popup.bringToFront();
    await popup.reload();
    const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').filter({ hasText: partnerName }).first();
    await first.getByRole('button', { name: /^Reach out/ }).click();
    await popup.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Polite decline' });
    expect(await popup.getByLabel('Message').inputValue()).toBe(`Hi ${partnerName.split(' ')[0]}, not this quarter, sorry! Jordan`);
  });

  it('closes with Escape, returns focus to the partner’s card, which now shows contacted', async () => {
    await popup.getByLabel('Message').press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Reach out/);
    const card = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').filter({ hasText: partnerName }).first();
    expect(await card.getByLabel(`Status of ${partnerName}`).inputValue()).toBe('contacted');
  });

  it('does not call a copied message sent: the partner is contacted only once the person marks it', async () => {
    const results = () => popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li');
    const other = results().filter({ hasNotText: partnerName }).first();
    const name = (await other.locator('h3').textContent())!;
    const card = () => results().filter({ hasText: name }).first();
    const copyFor = async () => {
      await card().getByRole('button', { name: /^Reach out/ }).click();
      await expect.poll(() => popup.getByRole('combobox', { name: 'Template' }).inputValue(), { timeout: 5_000 }).not.toBe('');
      await popup.getByLabel('Subject').fill('Two-way mentoring');
      await popup.getByLabel('Message').fill(`Hi ${name}, would you like to swap skills?`);
      await popup.getByRole('button', { name: 'Copy message' }).click();
      await expect.poll(() => popup.getByRole('status').last().textContent()).toMatch(/^Message copied/);
    };

    await copyFor();
    expect(await popup.getByRole('status').last().textContent()).not.toMatch(/contacted/);
    await popup.getByRole('button', { name: /^Back/ }).click();
    expect(await card().getByLabel(`Status of ${name}`).inputValue()).toBe('none');

    await copyFor();
    await popup.getByRole('button', { name: 'Mark as contacted' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toMatch(new RegExp(`Marked ${name} as contacted\\.$`));
    expect(await seriousAxeViolations(popup)).toEqual([]);
    // Undone by mistake: marking is offered again, from the keyboard.
    await popup.getByRole('button', { name: 'Undo “contacted”' }).click();
    await popup.getByRole('button', { name: 'Mark as contacted' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('status').last().textContent()).toMatch(new RegExp(`Marked ${name} as contacted\\.$`));
    await popup.getByRole('button', { name: /^Back/ }).click();
    await expect.poll(() => card().getByLabel(`Status of ${name}`).inputValue()).toBe('contacted');
  });
});
