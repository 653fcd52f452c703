import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launch, seriousAxeViolations, type Mutual } from './harness';

/** How long the sync waits for a feed's server (lib/directory DEFAULT_TIMEOUT_MS), plus room for the rest. */
const STUCK_MS = 20_000 + 15_000;

async function feed(name: string): Promise<string> {
  const text = await readFile(join(FIXTURES_DIR, 'feeds', name), 'utf8');
  return text.replaceAll('CONSENT_DATE', new Date().toISOString().slice(0, 10));
}

describe('a feed that cannot be read does not sink the others', () => {
  let mutual: Mutual;
  let options: Page;
  const hanging: ServerResponse[] = [];
  let goodVersion = 1;

  beforeAll(async () => {
    mutual = await launch();
    const mentors = await feed('mentors.json');
    const parsed = JSON.parse(mentors) as { entries: { email: string; name: string }[] };
    mutual.server.route('/good.json', (_req, res) => {
      // The second version lists one more person, so a sync that reads it shows a new count.
      const entries = goodVersion === 1 ? parsed.entries : [...parsed.entries, { ...parsed.entries[0]!, email: 'new.person@example.com', name: 'New Person' }];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...parsed, entries }));
    });
    // Starts answering, then never finishes: the hostile source.
    mutual.server.route('/stuck.json', (_req, res) => {
      hanging.push(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"format": "mutual-directory", "version": 1, "entries": [');
    });
    mutual.server.route('/missing.json', (_req, res) => void res.writeHead(404, 'Not Found').end('no such feed'));
    options = await mutual.openOptions();
  });

  afterAll(async () => {
    for (const res of hanging) res.destroy();
    await mutual?.close();
  });

  const section = () => options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
  const source = (path: string): Locator => section().getByRole('listitem', { name: `127.0.0.1:${new URL(mutual.server.origin).port}${path}` });
  const status = () => section().getByRole('status');

  async function waitForText(locator: Locator, text: string | RegExp, timeout = 15_000): Promise<void> {
    await expect.poll(async () => (await locator.textContent()) ?? '', { timeout }).toMatch(text);
  }

  /**
   * axe's target-size rule measures what is in view: scrolled down to the sources, the profile
   * form's radio buttons above sit under the page's top and are reported as too small.
   */
  async function axeClean() {
    await options.evaluate(() => window.scrollTo(0, 0));
    return seriousAxeViolations(options);
  }

  async function addFeed(path: string): Promise<void> {
    await section().getByLabel('Feed URL').fill(mutual.server.url(path));
    await section().getByRole('button', { name: 'Add feed' }).press('Enter');
  }

  it('shows a feed URL that answers 404 as failed, with Retry and Remove', async () => {
    await waitForText(section(), /200 people from 1 source/);
    await addFeed('/missing.json');
    await waitForText(status(), /Could not read .*\/missing\.json: The server answered 404 Not Found\. It is listed below as failed: Retry it, or Remove it\./);
    const item = source('/missing.json');
    await waitForText(item, 'Failed: The server answered 404 Not Found.');
    expect(await item.textContent()).not.toMatch(/\bOK\b/);
    expect(await axeClean()).toEqual([]);

    const requests = () => mutual.server.requests.filter((request) => request.path === '/missing.json').length;
    const before = requests();
    await item.getByRole('button', { name: /^Retry / }).click();
    await expect.poll(requests).toBe(before + 1);
    await waitForText(item, 'Failed: The server answered 404 Not Found.');

    await item.getByRole('button', { name: /^Remove / }).click();
    await expect.poll(() => item.count()).toBe(0);
    await waitForText(section(), /200 people from 1 source/);
  });

  it('fails a feed that never finishes, alone and with a clear message, while another source syncs', async () => {
    await addFeed('/good.json');
    await waitForText(source('/good.json'), 'OK: 3 entries');
    await addFeed('/stuck.json');
    await waitForText(source('/stuck.json'), /Failed: The feed took too long to read: no complete answer from its server within 20 s\./, STUCK_MS);
    expect(await source('/stuck.json').getByRole('button', { name: /^(Retry|Remove) / }).allTextContents()).toEqual(['Retry', 'Remove']);

    // Everything at once: the stuck feed fails again, alone; the good feed's new version is read.
    goodVersion = 2;
    await section().getByRole('button', { name: 'Sync now' }).click();
    await waitForText(status(), /^Sync finished with problems\. The feed took too long to read/, STUCK_MS);
    await waitForText(source('/good.json'), 'OK: 4 entries');
    await waitForText(source('/stuck.json'), /Failed: The feed took too long to read/);
    await waitForText(section(), /204 people from 2 source/);
    expect(await axeClean()).toEqual([]);
  }, 120_000);
});
