import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, seriousAxeViolations, TEST_BUILD_DIR, type Mutual } from './harness';

/**
 * A new user's first minute: installing Mutual opens its welcome once; an update or a restart
 * never does. The build is copied so the test can publish an update of it (a bumped version).
 */

const WELCOME = /\/options\.html#welcome$/;
/** Long enough for the service worker's onInstalled handler to have opened a tab if it were going to. */
const SETTLE_MS = 3_000;

async function welcomePage(context: BrowserContext): Promise<Page | undefined> {
  return context.pages().find((page) => WELCOME.test(page.url()));
}

describe('welcome on install', () => {
  let mutual: Mutual;
  let buildDir: string;

  beforeAll(async () => {
    buildDir = await mkdtemp(join(tmpdir(), 'mutual-build-'));
    await cp(TEST_BUILD_DIR, buildDir, { recursive: true });
    mutual = await launch({ extensionDir: buildDir });
  });
  afterAll(async () => {
    await mutual?.close();
    await rm(buildDir, { recursive: true, force: true });
  });

  it('opens the welcome in the options page on install: what Mutual does, three steps, how to pin it', async () => {
    await expect.poll(() => welcomePage(mutual.context), { timeout: 10_000 }).toBeDefined();
    const page = (await welcomePage(mutual.context))!;
    const welcome = page.getByRole('region', { name: 'Welcome to Mutual' });
    await welcome.waitFor();
    expect(await welcome.locator('.welcome-lead').textContent()).toMatch(/^Mutual finds colleagues you can mentor each other with/);
    expect(await welcome.locator('.welcome-steps > li strong').allTextContents()).toEqual(['Your skills.', 'Your directory.', 'Find partners.']);
    expect(await welcome.textContent()).toMatch(/puzzle-piece Extensions button.*pin beside Mutual/);
    expect(await welcome.textContent()).toMatch(/Then open Mutual from the toolbar/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // It leads straight into the profile, with the demo directory on.
    await welcome.getByRole('button', { name: 'Start with your profile' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('profile');
    expect(page.url()).toMatch(/#profile$/);
    expect(await welcome.count()).toBe(0);
    await expect.poll(() => page.locator('#directory').textContent(), { timeout: 10_000 }).toMatch(/demo/i);
    await page.close();
  });

  it('then the popup’s quick start asks for what the first templates need, and passes axe-core', async () => {
    const popup = await mutual.openPopup();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('heading', { name: 'Welcome to Mutual' }).waitFor();
    await popup.getByLabel('Your name').fill('Jordan Lee');
    await popup.getByLabel(/Skills you can teach/).fill('Budgeting');
    await popup.getByLabel(/Skills you want to learn/).fill('TikTok');
    await popup.getByLabel('What you want from a mentoring partnership').fill('Each of us learns one new skill');
    await popup.getByLabel('How you will know it worked').fill('I post a video on my own');
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Show my matches' }).click();
    const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
    await first.getByRole('button', { name: /^Reach out/ }).click();
    // The goal filled the first-meeting proposal: no blanks to fill in.
    await popup.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'First meeting: setting expectations' });
    expect(await popup.getByLabel('Message').inputValue()).toContain('What we want from it: Each of us learns one new skill');
    expect(await popup.getByRole('group', { name: 'Fill in before it can leave Mutual' }).count()).toBe(0);
    await popup.close();
  });

  it('does not open it again when the browser restarts', async () => {
    await mutual.restart();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(await welcomePage(mutual.context)).toBeUndefined();
  });

  it('does not open it on an update, and shows it again only when asked', async () => {
    const manifestPath = join(buildDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
    // The browser starts again with a newer build of the same extension in the same place.
    await mutual.restart();
    const [updated] = mutual.context.serviceWorkers();
    expect(await updated!.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe('99.0.0');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(await welcomePage(mutual.context)).toBeUndefined();

    const options = await mutual.openOptions();
    await options.getByRole('link', { name: 'Welcome and setup tips' }).click();
    await options.getByRole('region', { name: 'Welcome to Mutual' }).waitFor();
  });
});
