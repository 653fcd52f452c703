import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { demoFeedEntries } from '../../lib/directory/demo';
import { FEED_FORMAT, FEED_VERSION } from '../../lib/directory/entry';

/**
 * `npx tsx bench/directory/run.ts [count] [rounds]`: generates a realistic feed (default 100k people),
 * serves it on 127.0.0.1, and times sync and the popup's load in real Chromium with the same
 * lib/ code the extension ships, bundled by Vite into a bench page served with the extension's CSP.
 */
const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const TARGETS = { sync: 2000, load: 150 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
/** As in an extension page: no eval, so zod runs without its JIT, as it does in Mutual. */
const CSP = "script-src 'self'; object-src 'self'";

interface BenchResult {
  steps: Record<string, number>;
  sync: Record<string, number>;
  rounds: Record<string, number[]>;
  load: Record<string, number>;
  count: number;
}

async function bundlePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: import.meta.dirname,
    base: './',
    build: { outDir, emptyOutDir: true, target: 'esnext', rollupOptions: { input: join(import.meta.dirname, 'page.html') } },
  });
}

function feedBytes(): Buffer {
  const now = new Date();
  // Another seed than the demo's: bench people are not the demo people.
  const entries = demoFeedEntries(now, COUNT, 7);
  return Buffer.from(JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, name: 'Bench directory', generatedAt: now.toISOString(), entries }));
}

/** Node's JSON.parse speed on this machine, so the browser figures can be read against it. */
function calibrate(feed: Buffer): number {
  const text = feed.toString('utf-8');
  const start = performance.now();
  JSON.parse(text);
  return feed.byteLength / 1024 / 1024 / ((performance.now() - start) / 1000);
}

async function serve(root: string, feed: Buffer) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/feed.json') {
      // Bytes ready to send, as a static file server has them: the bench times the browser, not Node.
      if (req.headers['if-none-match'] === '"bench"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': feed.byteLength, etag: '"bench"' });
      return void res.end(feed);
    }
    try {
      const body = await readFile(join(root, path === '/' ? 'page.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function print(title: string, timings: Record<string, number>): void {
  console.log(`\n${title}`);
  for (const [name, ms] of Object.entries(timings)) console.log(`  ${name.padEnd(42)} ${String(ms).padStart(6)} ms`);
}

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'mutual-bench-'));
  await bundlePage(outDir);
  const feed = feedBytes();
  const parseSpeed = calibrate(feed);
  const { server, origin } = await serve(outDir, feed);
  // A profile on disk, as the extension has: a default context keeps IndexedDB in memory.
  const profileDir = await mkdtemp(join(tmpdir(), 'mutual-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(error));
    await page.goto(`${origin}/page.html`);
    await page.waitForFunction(() => 'runBench' in globalThis);
    const result = await page.evaluate(
      ([url, rounds]) => (globalThis as unknown as { runBench(url: string, rounds: number): Promise<BenchResult> }).runBench(url, rounds),
      [`${origin}/feed.json`, ROUNDS] as const,
    );
    console.log(`${result.count} entries, feed ${(feed.byteLength / 1024 / 1024).toFixed(1)} MB, Chromium ${browser.browser()?.version()}`);
    console.log(`Machine: Node parses this feed's JSON at ${parseSpeed.toFixed(0)} MB/s`);
    print('Sync as the extension runs it', result.sync);
    console.log(`\nFirst sync on an empty database, ${ROUNDS} rounds taken in turns`);
    for (const [mode, times] of Object.entries(result.rounds)) {
      console.log(`  ${mode.padEnd(42)} median ${String(median(times)).padStart(5)} ms (${Math.min(...times)}-${Math.max(...times)})`);
    }
    print('Popup load', result.load);
    print('Steps (the same code, one at a time, warm)', result.steps);
    const sync = median(result.rounds['two threads']!);
    const load = result.load['total: what the popup waits for']!;
    console.log(`\nsync ${sync} ms, median with a worker (target ≤ ${TARGETS.sync}) ${sync <= TARGETS.sync ? 'OK' : 'OVER'}`);
    console.log(`load ${load} ms (target ≤ ${TARGETS.load}) ${load <= TARGETS.load ? 'OK' : 'OVER'}`);
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

await main();
