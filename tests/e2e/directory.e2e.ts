import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launch, seriousAxeViolations, type Mutual } from './harness';

/** Fixture feeds carry CONSENT_DATE so their consent is always recent when served. */
async function feed(name: string): Promise<string> {
  const text = await readFile(join(FIXTURES_DIR, 'feeds', name), 'utf8');
  return text.replaceAll('CONSENT_DATE', new Date().toISOString().slice(0, 10));
}

type FeedMode = 'ok' | 'error' | 'malformed';

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
    await waitForText(item, '2 accepted of 5 read, 2 rejected, 1 not opted in, 0 expired, 0 duplicates');
    await item.getByText(/Problems in rejected entries/).click();
    const rows = await item.getByRole('table').getByRole('row').allTextContents();
    expect(rows).toEqual(['RowFieldProblem', '3emailNot a valid email address', expect.stringMatching(/^4careerStageInvalid option/)]);
    await waitForText(section(), /205 people from 3 source/);
  });
});
