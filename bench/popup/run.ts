import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoFeedEntries } from '../../lib/directory/demo';
import { FEED_FORMAT, FEED_VERSION } from '../../lib/directory/entry';
import { launch, QUICK_START, quickStart, TEST_BUILD_DIR } from '../../tests/e2e/harness';

/**
 * `npx tsx bench/popup/run.ts [count…]`: how long after the popup opens its ranked results are
 * painted, in real Chromium with the built extension, for directories of each size (default 10k
 * and 100k). The directory arrives the way an organization's does: a feed URL synced by the
 * extension itself. Each popup is a fresh page, so nothing is warm but the browser.
 */
const COUNTS = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [10_000, 100_000];
const TARGETS: Record<number, number> = { 10_000: 100, 100_000: 250 };
const OPENS = 9;

function feed(count: number): Buffer {
  const now = new Date();
  // Another seed than the demo's: bench people are not the demo people.
  const entries = demoFeedEntries(now, count, 11);
  return Buffer.from(JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, name: 'Bench directory', generatedAt: now.toISOString(), entries }));
}

/** Milliseconds from the popup's navigation start to the first paint of ranked cards. */
async function timeToResults(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('mutual:results-painted').length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('mutual:results-painted')[0]!.startTime);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

async function measure(count: number): Promise<number> {
  const mutual = await launch();
  try {
    const bytes = feed(count);
    mutual.server.route('/bench.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.byteLength }).end(bytes));
    const options = await mutual.openOptions();
    const directory = options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
    await directory.getByLabel('Feed URL').fill(mutual.server.url('/bench.json'));
    await directory.getByRole('button', { name: 'Add feed' }).click();
    const source = directory.getByRole('listitem', { name: /bench\.json/ });
    await source.getByText(/OK: [\d,. ]+ entries/).waitFor({ timeout: 120_000 });
    await options.close();

    const setup = await mutual.openPopup();
    await quickStart(setup, { ...QUICK_START, teach: `${QUICK_START.teach}, Public speaking`, learn: `${QUICK_START.learn}, Figma` });
    await setup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor({ timeout: 30_000 });
    await setup.close();

    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const popup = await mutual.openPopup();
      times.push(await timeToResults(popup));
      if (process.env.DBG) console.log(await popup.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('dbg:', '')}=${m.startTime.toFixed(0)}`).join(' ')));
      await popup.close();
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    const target = TARGETS[count];
    console.log(
      `${String(count).padStart(7)} people: results painted after median ${median.toFixed(0)} ms, ` +
        `min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)} over ${OPENS} opens` +
        (target ? ` (target ≤ ${target} ms) ${median <= target ? 'OK' : 'OVER'}` : ''),
    );
    return median;
  } finally {
    await mutual.close();
  }
}

/**
 * The floor on this machine: a blank page in the same extension (written into the test build only)
 * with a one-line script, timed to its first frame the same way.
 */
async function measureBlankPage(): Promise<void> {
  writeFileSync(join(TEST_BUILD_DIR, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/bench-blank.js"></script>');
  writeFileSync(join(TEST_BUILD_DIR, 'bench-blank.js'), "requestAnimationFrame(() => performance.mark('blank-frame'));");
  const mutual = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const page = await mutual.context.newPage();
      await page.goto(mutual.extensionUrl('bench-blank.html'));
      await page.waitForFunction(() => performance.getEntriesByName('blank-frame').length > 0);
      times.push(await page.evaluate(() => performance.getEntriesByName('blank-frame')[0]!.startTime));
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  reference: a blank extension page reaches its first frame after median ${percentile(times, 0.5).toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`);
  } finally {
    await mutual.close();
  }
}

console.log('Popup: time from opening to painted ranked results (Chromium, built extension)');
execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, MUTUAL_TEST_BUILD: '1' } });
await measureBlankPage();
for (const count of COUNTS) await measure(count);
