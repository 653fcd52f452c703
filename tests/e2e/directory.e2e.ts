import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedEntries } from '../../lib/directory/demo';
import { FEED_FORMAT, FEED_VERSION } from '../../lib/directory/entry';
import { SPLIT_MIN_BYTES } from '../../lib/directory/split';
import { FIXTURES_DIR, cardNames, launch, quickStart, seriousAxeViolations, settled, type Mutual } from './harness';

/** Fixture feeds carry CONSENT_DATE so their consent is always recent when served. */
async function feed(name: string): Promise<string> {
  const text = await readFile(join(FIXTURES_DIR, 'feeds', name), 'utf8');
  return text.replaceAll('CONSENT_DATE', new Date().toISOString().slice(0, 10));
}

type FeedMode = 'ok' | 'error' | 'malformed';

/** Over SPLIT_MIN_BYTES: synced by two threads. Other people than the demo's (another seed). */
const LARGE = 7000;
const largeEntries = demoFeedEntries(new Date(), LARGE, 11).map((entry, i) => ({ ...entry, name: `${entry.name} ${i}`, email: `large.${i}@example.com` }));
const largeFeed = JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, name: 'Large', generatedAt: new Date().toISOString(), entries: largeEntries });

describe('directory', () => {
  let mutual: Mutual;
  let options: Page;
  let mode: FeedMode = 'ok';

  beforeAll(async () => {
    mutual = await launch();
    const mentors = await feed('mentors.json');
    mutual.server.route('/mentors.json', (req, res) => {
      if (mode === 'error') return void res.writeHead(500, 'Internal Server Error').end('database down');
      if (mode === 'malformed') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"format": "mutual-directory", "entr');
      if (req.headers['if-none-match'] === '"mentors-1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', etag: '"mentors-1"' }).end(mentors);
    });
    const badRows = await feed('bad-rows.csv');
    mutual.server.route('/bad-rows.csv', (_req, res) => void res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(badRows));
    mutual.server.route('/large.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(largeFeed));
    options = await mutual.openOptions();
  });

  afterAll(async () => {
    await mutual?.close();
  });

  const section = () => options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
  const source = (label: string): Locator => section().getByRole('listitem', { name: label });
  const feedLabel = () => `127.0.0.1:${new URL(mutual.server.origin).port}/mentors.json`;

  async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
    await expect.poll(async () => (await locator.textContent()) ?? '', { timeout: 15_000 }).toMatch(text);
  }

  it('has the demo directory on a fresh install', async () => {
    await waitForText(section(), /200 people from 1 source/);
    await waitForText(source('Demo directory (fictional colleagues)'), 'OK: 200 entries');
    expect(await seriousAxeViolations(options)).toEqual([]);
  });

  it('adds a feed URL and syncs it for the first time', async () => {
    await section().getByLabel('Feed URL').fill(mutual.server.url('/mentors.json'));
    await section().getByRole('button', { name: 'Add feed' }).click();
    await waitForText(source(feedLabel()), 'OK: 3 entries');
    await waitForText(section(), /203 people from 2 source/);
  });

  it('keeps its copy on 304 Not Modified, having asked conditionally', async () => {
    await source(feedLabel()).getByRole('button', { name: /^Sync/ }).click();
    await waitForText(source(feedLabel()), 'Not changed: 3 entries');
    const last = mutual.server.requests.filter((request) => request.path === '/mentors.json').at(-1);
    expect(last?.headers['if-none-match']).toBe('"mentors-1"');
  });

  it.each([
    ['an HTTP 500', 'error', /Server error\. The server answered 500/],
    ['a malformed feed', 'malformed', /Not a readable feed\. Not valid JSON/],
  ] as const)('keeps the last good copy after %s and shows the error', async (_, failure, shown) => {
    mode = failure;
    await source(feedLabel()).getByRole('button', { name: /^Sync/ }).click();
    await waitForText(source(feedLabel()), shown);
    await waitForText(source(feedLabel()), /stays in use/);
    await waitForText(section(), /203 people from 2 source/);
    mode = 'ok';
  });

  it('shows the report of a feed with bad rows', async () => {
    await section().getByLabel('Feed URL').fill(mutual.server.url('/bad-rows.csv'));
    await section().getByRole('button', { name: 'Add feed' }).click();
    const item = source(`127.0.0.1:${new URL(mutual.server.origin).port}/bad-rows.csv`);
    await waitForText(item, '2 of 5 rows listed, 2 rejected, 1 not opted in');
    await item.getByText('2 problems in rejected rows').click();
    const rows = await item.getByRole('table').getByRole('row').allTextContents();
    expect(rows).toEqual([
      'RowColumnProblem',
      "3Email address'not-an-email' is not an email address — write one such as name@example.com",
      "4Career stage'Astronaut' is not a career stage Mutual knows — use Early career, Mid-career, Senior or Executive",
    ]);
    await waitForText(section(), /205 people from 3 source/);
  });

  it('reflows at 420 px with 200% text, its report open: nothing needs sideways scrolling', async () => {
    const page = await mutual.openOptions();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const item = page.getByRole('listitem', { name: `127.0.0.1:${new URL(mutual.server.origin).port}/bad-rows.csv` });
    await item.getByText('2 problems in rejected rows').click();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect.poll(width).toBe(0);
    await page.close();
  });

  it('syncs a large feed with a second thread, and the popup finds people from both halves', async () => {
    expect(Buffer.byteLength(largeFeed)).toBeGreaterThan(SPLIT_MIN_BYTES);
    await section().getByLabel('Feed URL').fill(mutual.server.url('/large.json'));
    await section().getByRole('button', { name: 'Add feed' }).click();
    await waitForText(source(`127.0.0.1:${new URL(mutual.server.origin).port}/large.json`), `OK: ${LARGE} entries`);
    await waitForText(section(), new RegExp(`${205 + LARGE} people from 4 source`));
    // The worker stored the second half of the feed as a part of its own.
    const segments = await options.evaluate(
      () =>
        new Promise<{ count: number }[]>((resolve, reject) => {
          const open = indexedDB.open('mutual');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('directoryIndex').objectStore('directoryIndex').get('meta');
            get.onsuccess = () => {
              open.result.close();
              resolve((get.result as { segments: { count: number }[] }).segments);
            };
          };
        }),
    );
    // This thread's part, then one per worker: each small feed's reader, and the large feed's second half.
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(segments.reduce((sum, segment) => sum + segment.count, 0)).toBe(205 + LARGE);
    expect(Math.max(...segments.slice(1).map((segment) => segment.count))).toBeGreaterThan(LARGE / 3);

    const popup = await mutual.openPopup();
    await quickStart(popup);
    for (const person of [largeEntries[0]!, largeEntries.at(-1)!]) {
      await popup.getByRole('searchbox').fill(person.name);
      await settled(popup);
      expect(await cardNames(popup)).toContain(person.name);
    }
    await popup.close();
  });
  it('imports an Excel export saved in Windows-1252 from a file: its consent answers read, and the popup finds its people spelled as they wrote', async () => {
    // Excel (German regional settings) → "CSV (Trennzeichen-getrennt)": Windows-1252, ";", "Ja" / "Nein".
    const people = async () => Number(/([\d,]+) people from/.exec((await section().textContent()) ?? '')?.[1]?.replaceAll(',', '') ?? 0);
    await waitForText(section(), /people from/);
    const before = await people();
    await section().getByLabel('Import a file (CSV or JSON)').setInputFiles(join(import.meta.dirname, '../fixtures/feeds/excel-de-DE.csv'));
    // Jürgen and Zoë said "Ja", Renée "Nein"; the warning says how the file was read.
    await waitForText(source('excel-de-DE.csv'), 'OK: 2 of 3 entries listed: 1 not opted in');
    expect(await source('excel-de-DE.csv').textContent()).toContain('read as Windows-1252');
    await expect.poll(people, { timeout: 15_000 }).toBe(before + 2);
    const popup = await mutual.openPopup();
    const search = popup.getByRole('searchbox');
    await popup.getByLabel('Your name').or(search).first().waitFor();
    if (await popup.getByLabel('Your name').isVisible()) await quickStart(popup);
    // Jürgen shares English with the quick start's profile (Zoë speaks only German): his ü came through.
    await search.fill('Jürgen Müller');
    await settled(popup);
    expect(await cardNames(popup)).toContain('Jürgen Müller');
    await popup.close();
  });
});
