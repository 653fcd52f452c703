import { execFileSync } from 'node:child_process';
import { demoFeedEntries } from '../../lib/directory/demo';
import { FEED_FORMAT, FEED_VERSION } from '../../lib/directory/entry';
import { launch } from '../../tests/e2e/harness';

/**
 * `npx tsx bench/directory/extension.ts [count] [rounds]`: the sync as a user's browser runs it,
 * in real Chromium with the built extension (service worker, offscreen document, worker): the time
 * from asking the background to sync a feed of `count` people (default 100k) to its answer, each
 * round with changed content (a new `generatedAt`), so that every round parses, stores and indexes
 * the whole feed again. The first round is the feed's first sync, on a browser just started (once
 * the install's own sync of the demo is done): nothing in the extension is warm.
 */
const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const TARGET = 2000;

const entries = demoFeedEntries(new Date(), COUNT, 7);
let round = 0;
const feed = () => Buffer.from(JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, name: 'Bench', generatedAt: new Date(Date.now() + round++).toISOString(), entries }));

execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, MUTUAL_TEST_BUILD: '1' } });
const mutual = await launch();
try {
  // Each round's bytes are ready before it starts: the bench times the browser, not Node.
  let next = feed();
  mutual.server.route('/bench.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-length': next.byteLength }).end(next));
  const options = await mutual.openOptions();
  // The install's own sync (the demo, after the policy service first answers) is not timed.
  await options.getByText(/200 people from 1 source/).waitFor({ timeout: 60_000 });
  const url = mutual.server.url('/bench.json');
  // Added as a user does, without its first sync: that one is timed below like the others.
  await options.evaluate(async (feedUrl) => {
    const request = indexedDB.open('mutual');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const db = request.result;
    const tx = db.transaction('settings', 'readwrite');
    const store = tx.objectStore('settings');
    const get = store.get('directory');
    await new Promise((resolve) => (get.onsuccess = resolve));
    const settings = (get.result as { demoEnabled: boolean; sources: unknown[] } | undefined) ?? { demoEnabled: true, sources: [] };
    settings.sources.push({ id: `url:${feedUrl}`, kind: 'url', url: feedUrl, label: 'Bench' });
    store.put(settings, 'directory');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, url);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { ms, ok, message } = await options.evaluate(async (sourceId) => {
      const start = performance.now();
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
      const summary = (await runtime.sendMessage({ type: 'directory/sync', sourceId })) as { ok: boolean; sources: { message: string }[] };
      return { ms: Math.round(performance.now() - start), ok: summary.ok, message: summary.sources.map((source) => source.message).join('; ') };
    }, `url:${url}`);
    if (!ok) throw new Error(`sync failed: ${message}`);
    next = feed();
    times.push(ms);
    console.log(`  round ${i + 1}${i === 0 ? ' (first sync of the feed, browser just started)' : ''}: ${ms} ms (${message})`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`\n${COUNT} people, ${ROUNDS} syncs in the extension: median ${median} ms (${sorted[0]}-${sorted.at(-1)}), first ${times[0]} ms (target ≤ ${TARGET}) ${median <= TARGET ? 'OK' : 'OVER'}`);
} finally {
  await mutual.close();
}
