import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { startServer, type TestServer } from './server';

const ROOT = resolve(import.meta.dirname, '../..');
/** The test build (npm run build:test): the shipped build plus host access to 127.0.0.1 only. */
export const TEST_BUILD_DIR = join(ROOT, '.output/chrome-mv3-test');
export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian: `sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export interface Mutual {
  context: BrowserContext;
  extensionId: string;
  server: TestServer;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** The popup page opened in a normal tab (after clickToolbar, it keeps the clicked tab's grant). */
  openPopup(query?: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** A real toolbar click on the tab showing `page`: grants activeTab exactly as a user's click does. */
  clickToolbar(page: Page): Promise<void>;
  /** Resolves with the URL of the real toolbar popup once Chromium has opened it. */
  waitForRealPopup(timeoutMs?: number): Promise<string>;
  /** Evaluates `expression` inside the real toolbar popup (which Playwright does not list as a page). */
  evaluateInRealPopup<T>(expression: string): Promise<T>;
  /** Closes the browser and starts it again on the same profile (persistence tests). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * On a fresh profile the install opens the welcome tab, a moment after the browser starts. A test
 * goes on once it is there, as a person would: a tab that opens later takes the focus, and
 * Chromium closes a toolbar popup that loses it.
 */
async function installWelcomeOpened(context: BrowserContext, timeoutMs = 10_000): Promise<void> {
  const opened = () => context.pages().some((page) => page.url().includes('/options.html#welcome'));
  for (const start = Date.now(); !opened() && Date.now() - start < timeoutMs; ) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function launchContext(profileDir: string, extensionDir: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: false,
    args: [
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, extensionId: new URL(worker.url()).host };
}

async function targets(cdp: CDPSession, type?: string): Promise<{ targetId: string; url: string; type: string }[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets', type ? { filter: [{ type }] } : {})) as {
    targetInfos: { targetId: string; url: string; type: string }[];
  };
  return targetInfos;
}

export async function launch(
  options: {
    extensionDir?: string;
    /** Runs once the local server is up and before the browser starts (policy files, routes). */
    beforeBrowser?: (server: TestServer) => Promise<void>;
  } = {},
): Promise<Mutual> {
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build:test\` first.`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'mutual-e2e-'));
  const server = await startServer(FIXTURES_DIR);
  await options.beforeBrowser?.(server);
  let { context, extensionId } = await launchContext(profileDir, extensionDir);
  await installWelcomeOpened(context);

  const mutual: Mutual = {
    get context() {
      return context;
    },
    extensionId,
    server,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.goto(mutual.extensionUrl(`popup.html${query}`));
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(mutual.extensionUrl('options.html'));
      return page;
    },
    async clickToolbar(page) {
      await page.bringToFront();
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const tab = (await targets(cdp, 'tab')).find((info) => info.url === page.url());
        if (!tab) throw new Error(`No tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      } finally {
        await cdp.detach();
      }
    },
    async waitForRealPopup(timeoutMs = 10_000) {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          const popup = (await targets(cdp)).find((info) => info.url === mutual.extensionUrl('popup.html'));
          if (popup) return popup.url;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('The toolbar popup did not open');
      } finally {
        await cdp.detach();
      }
    },
    async evaluateInRealPopup<T>(expression: string): Promise<T> {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const popup = (await targets(cdp)).find((info) => info.url === mutual.extensionUrl('popup.html'));
        if (!popup) throw new Error('The toolbar popup is not open');
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
        const reply = new Promise<T>((resolve, reject) => {
          cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
            if (event.sessionId !== sessionId) return;
            const message = JSON.parse(event.message) as { id?: number; result?: { result: { value: T }; exceptionDetails?: { text: string } } };
            if (message.id !== 1) return;
            if (message.result?.exceptionDetails) reject(new Error(message.result.exceptionDetails.text));
            else resolve(message.result!.result.value);
          });
        });
        const command = { id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(command) });
        return await reply;
      } finally {
        await cdp.detach();
      }
    },
    async restart() {
      await context.close();
      ({ context, extensionId } = await launchContext(profileDir, extensionDir));
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
  return mutual;
}

/** The profile most tests start from: an executive who teaches finance and wants to learn social media and AI. */
export const QUICK_START = {
  name: 'Jordan Lee',
  careerStage: 'executive',
  teach: 'Budgeting, Board governance, Negotiation',
  learn: 'TikTok, ChatGPT, short-form video',
} as const;

/** Fills the popup's first-run quick start and shows the matches, as a new user does. */
export async function quickStart(popup: Page, profile: { name: string; careerStage: string; teach: string; learn: string } = QUICK_START): Promise<void> {
  await popup.getByLabel('Your name').fill(profile.name);
  await popup.getByLabel('Career stage').selectOption(profile.careerStage);
  await popup.getByLabel(/Skills you can teach/).fill(profile.teach);
  await popup.getByLabel(/Skills you want to learn/).fill(profile.learn);
  await popup.getByRole('button', { name: 'Show my matches' }).click();
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugger protocol: extension pages' CSP forbids an inline script tag.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Names on the popup's ranked cards, in order. */
export async function cardNames(popup: Page): Promise<string[]> {
  return popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li h3').allTextContents();
}

/** Waits until the list shows results ranked for the current mode, filters and search. */
export async function settled(popup: Page): Promise<void> {
  await expect.poll(() => popup.getByRole('list', { name: 'Ranked partners' }).getAttribute('aria-busy'), { timeout: 5_000 }).toBe('false');
}
