import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, quickStart, seriousAxeViolations, type Mutual } from './harness';

/**
 * A partnership from ask to end in the real extension: the ask made from the popup, "they agreed",
 * the agreement inserted into the granted page and downloaded as an .ics, a check-in alarm firing
 * in the service worker, a logged session, the end with a reflection, and the next partner.
 */

type Chrome = {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
    alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]>; create(name: string, info: object): Promise<void> };
  };
};

describe('a partnership from ask to end', () => {
  let mutual: Mutual;
  let page: Page;
  let popup: Page;
  let partnership: Page;
  let partnerName: string;

  const worker = () => mutual.context.serviceWorkers()[0]!;
  const status = () => partnership.getByRole('status').first();

  beforeAll(async () => {
    mutual = await launch();
    const setup = await mutual.openPopup();
    await quickStart(setup);
    await setup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
    await setup.close();

    // The page the agreement goes to, granted by a real toolbar click (localhost is not in the test build's hosts).
    page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/editors/dist/index.html').replace('127.0.0.1', 'localhost'));
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#textarea').fill('');
    await page.locator('#textarea').focus();
    await mutual.clickToolbar(page);
    const tabId = await worker().evaluate(async () => (await (globalThis as unknown as Chrome).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    popup = await mutual.openPopup(`?tab=${tabId}`);
    await popup.setViewportSize({ width: 420, height: 600 });
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('asks a match from the popup, and the Partners view counts the open ask', async () => {
    const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
    await first.waitFor();
    partnerName = (await first.locator('h3').textContent())!;
    await first.getByLabel(`Status of ${partnerName}`).selectOption('contacted');
    await popup.getByRole('tab', { name: 'Partners' }).click();
    const mine = popup.getByRole('list', { name: 'Your partnerships' });
    await expect.poll(() => mine.locator('h3').allTextContents()).toEqual([partnerName]);
    expect(await mine.locator('li').first().textContent()).toContain('ask sent');
    expect(await popup.getByText('1 of 3 open asks.').count()).toBe(1);
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });

  it('opens the partnership page from the popup, for the page the popup was opened on', async () => {
    const opened = mutual.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open the partnerships page' }).click();
    partnership = await opened;
    await partnership.waitForLoadState();
    expect(new URL(partnership.url()).pathname).toBe('/partnership.html');
    expect(new URL(partnership.url()).searchParams.get('tab')).toMatch(/^\d+$/);
    await partnership.getByRole('heading', { level: 2, name: partnerName }).waitFor();
    expect(await seriousAxeViolations(partnership)).toEqual([]);
  });

  it('keeps to the cap on open asks the person set, and the popup says why', async () => {
    await partnership.getByLabel('Open asks at once').fill('1');
    await partnership.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => status().textContent()).toBe('Settings saved.');
    await popup.reload();
    const note = popup.getByRole('note');
    await expect.poll(() => note.textContent()).toMatch(/^You have 1 open ask waiting for an answer, and your limit is 1\. A few personal asks get more answers than many/);
    expect(await popup.getByRole('tab', { name: 'Matches' }).getAttribute('aria-selected')).toBe('true');
    await partnership.getByLabel('Open asks at once').fill('3');
    await partnership.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => status().textContent()).toBe('Settings saved.');
  });

  it('marks the answer with the keyboard: “They agreed” opens the agreement, prefilled, focus on the partner', async () => {
    await partnership.getByRole('button', { name: 'They agreed' }).focus();
    await partnership.keyboard.press('Enter');
    await partnership.getByRole('heading', { name: 'The agreement' }).waitFor();
    await expect.poll(() => partnership.evaluate(() => document.activeElement?.id)).toBe('detail-heading');
    const text = await partnership.getByLabel('Agreement text').inputValue();
    expect(text).toMatch(new RegExp(`^Our mentoring partnership – Jordan Lee and ${partnerName}`));
    expect(text).toContain('Ground rules\n- What we share stays between us.');
    expect(await seriousAxeViolations(partnership)).toEqual([]);
  });

  it('refuses to insert while a placeholder is left, then inserts the agreement into the granted page', async () => {
    await partnership.getByLabel('How they will know it worked').fill('');
    await partnership.getByRole('button', { name: 'Insert into page – Agreement text' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Fill in .*“\[how they will know it worked\]” in the text first/);
    await expect.poll(() => partnership.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.locator('#textarea').inputValue()).toBe('');

    await partnership.getByLabel('How you will know it worked').fill('I post one short video a week on my own');
    await partnership.getByLabel('How they will know it worked').fill('they ship a budget on their own');
    // The meeting time: the one Mutual proposed, or (when the working days do not meet) one chosen here.
    if (!(await partnership.getByLabel(/^Time \(yours\)/).inputValue())) await partnership.getByLabel(/^Time \(yours\)/).fill('16:00');
    const agreement = await partnership.getByLabel('Agreement text').inputValue();
    expect(agreement).not.toMatch(/\[[a-z ]+\]/);
    await partnership.getByRole('button', { name: 'Insert into page – Agreement text' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Inserted into /);
    expect(await page.locator('#textarea').inputValue()).toBe(agreement);
  });

  it('downloads the .ics, which parses back to the agreed recurring meetings', async () => {
    const download = partnership.waitForEvent('download');
    await partnership.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mentoring-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(await readFile((await file.path())!, 'utf8')));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    if (zone) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(`Mentoring: Jordan Lee and ${partnerName} (video call)`);
    const iterator = event.iterator();
    const starts: Date[] = [];
    for (let next = iterator.next(); next && starts.length < 100; next = iterator.next()) starts.push(next.toJSDate());
    // The quick-start profile meets every two weeks for 6 months.
    expect(starts.length).toBeGreaterThanOrEqual(13);
    expect(starts.length).toBeLessThanOrEqual(14);
    expect(starts[1]!.getTime() - starts[0]!.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000 - 3_600_000);
  });

  it('turns reminders on (notifications optional), starts the partnership, and the check-in alarm fires into the popup', async () => {
    await partnership.getByRole('button', { name: 'Start the partnership' }).click();
    await partnership.getByRole('heading', { name: 'Private session log' }).waitFor();
    await partnership.getByRole('button', { name: /^Check-in reminders off/ }).click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/^Check-in reminders are on/);

    // Notifications stay an optional permission that was never granted here: the popup shows the reminder.
    const permissions = await worker().evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { getManifest(): { permissions?: string[]; optional_permissions?: string[] } }; permissions: { contains(p: object): Promise<boolean> } } }).chrome;
      const manifest = chrome.runtime.getManifest();
      return { required: manifest.permissions, optional: manifest.optional_permissions, granted: await chrome.permissions.contains({ permissions: ['notifications'] }) };
    });
    expect(permissions).toEqual({ required: expect.not.arrayContaining(['notifications']), optional: ['notifications'], granted: false });

    const alarms = await worker().evaluate(async () => (await (globalThis as unknown as Chrome).chrome.alarms.getAll()).map((alarm) => alarm.name));
    const name = alarms.find((alarm) => alarm.startsWith('partnership-checkin:'))!;
    expect(name).toBeDefined();
    // The real alarm, moved to now: Chromium fires it in the service worker as it would at the meeting.
    await worker().evaluate(async (alarm) => (globalThis as unknown as Chrome).chrome.alarms.create(alarm, { when: Date.now() + 100 }), name);

    await popup.bringToFront();
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.getByRole('tab', { name: 'Partners' }).click();
          return popup.getByRole('list', { name: 'Check-ins due' }).textContent({ timeout: 2_000 }).catch(() => '');
        },
        { timeout: 15_000 },
      )
      .toMatch(new RegExp(`^Check-in with ${partnerName}: session on \\d{4}-\\d{2}-\\d{2} at \\d{2}:\\d{2}`));
    // The next reminder is set for a later meeting.
    const next = await worker().evaluate(async (alarm) => (await (globalThis as unknown as Chrome).chrome.alarms.getAll()).find((a) => a.name === alarm)?.scheduledTime, name);
    expect(next).toBeGreaterThan(Date.now());
  });

  it('logs a session privately and shows the balance', async () => {
    await partnership.bringToFront();
    const log = partnership.getByRole('form', { name: 'Log a session' });
    await log.getByLabel('What I learned').fill('How the For You page picks videos');
    await log.getByLabel('What I taught').fill('Reading a P&L');
    await log.getByLabel('Minutes learning').fill('30');
    await log.getByLabel('Minutes teaching').fill('25');
    await log.getByRole('button', { name: 'Log session' }).click();
    await expect.poll(() => partnership.locator('.balance').textContent()).toContain('You’ve taught 1 session, learned 1 (25 minutes teaching, 30 learning).');
    expect(await partnership.getByRole('table').textContent()).toContain('How the For You page picks videos');
    expect(await seriousAxeViolations(partnership)).toEqual([]);
  });

  it('ends with a reflection, a thank-you and a story, and suggests the next partner with what was learned now taught', async () => {
    await partnership.getByRole('button', { name: 'End partnership' }).click();
    await partnership.getByRole('heading', { name: 'Reflect' }).waitFor();
    await partnership.getByRole('group', { name: 'Did you meet your objectives?' }).getByLabel('Partly').check();
    await partnership.getByLabel('One line you would share').fill('Two-way mentoring *works*');
    await partnership.getByRole('button', { name: 'Save reflection' }).click();
    await partnership.getByRole('heading', { name: 'Celebrate' }).waitFor();
    // The form is gone: focus moved to what replaced it, not to the page body.
    await expect.poll(() => partnership.evaluate(() => document.activeElement?.id)).toBe('celebrate-heading');
    expect(await partnership.getByLabel(`Thank-you message to ${partnerName}`).inputValue()).toMatch(new RegExp(`^Hi ${partnerName.split(' ')[0]},`));
    const story = await partnership.getByLabel('Your story (Markdown, optional to share)').inputValue();
    expect(story).toContain('> Two-way mentoring \\*works\\*');
    expect(story).toContain('- My objectives: partly met');
    expect(await seriousAxeViolations(partnership)).toEqual([]);

    // The partner taught short-form video, which the quick-start profile wanted to learn.
    await partnership.getByRole('group', { name: /^Can you teach these now\?/ }).getByRole('checkbox', { name: 'short-form video' }).check();
    await partnership.getByRole('button', { name: 'Find my next partner' }).click();
    const next = partnership.getByRole('list', { name: 'Find my next partner' });
    await next.waitFor();
    const names = await next.locator('strong').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(partnerName);
    await expect.poll(() => status().textContent()).toMatch(/^short-form video moved to “can teach”\. \d suggested partners? below\.$/);
    const options = await mutual.openOptions();
    const skillsIn = (kind: 'teach' | 'learn') => options.locator(`.skill-row.${kind} input[name$=".name"]`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await expect.poll(() => skillsIn('teach')).toContain('short-form video');
    expect(await skillsIn('learn')).not.toContain('short-form video');
    await options.close();
  });

  it('is in “Export all my data”, and “Delete all my data” removes it', async () => {
    const options = await mutual.openOptions();
    const data = options.getByRole('region', { name: 'Your data' });
    const [download] = await Promise.all([options.waitForEvent('download'), data.getByRole('button', { name: 'Export all my data' }).click()]);
    const all = JSON.parse(await readFile((await download.path())!, 'utf8')) as { stores: Record<string, { value: Record<string, unknown> }[]> };
    expect(all.stores.partnerships!.map((record) => record.value)).toEqual([
      expect.objectContaining({ partnerName: partnerName, status: 'ended', reflection: expect.objectContaining({ myObjectivesMet: 'partly' }) }),
    ]);
    expect(all.stores.partnershipSessions!.map((record) => record.value.learned)).toEqual(['How the For You page picks videos']);

    await data.getByRole('button', { name: 'Delete all my data' }).click();
    await data.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => data.textContent()).toMatch(/Deleted all your data from this browser/);
    await options.close();
    await partnership.reload();
    await partnership.getByText(/^No partnerships yet\./).waitFor();
  });
});
