import { browser } from 'wxt/browser';
import type { Message, ResponseOf } from '@/lib/messages';

/**
 * Chromium's service worker cannot start workers, so there the sync runs in an offscreen document
 * (entrypoints/offscreen), opened for the sync and closed after it so that it holds no memory in
 * between. Wherever that fails, the sync runs here in one thread.
 */
type OffscreenSync = Extract<Message, { type: 'offscreen/sync' }>;
type Answer = ResponseOf<OffscreenSync>;

const OFFSCREEN_PATH = '/offscreen.html';
/** The document's listener may not be registered the moment it is created. */
const RETRIES = 30;
const RETRY_MS = 100;
/**
 * A sync that has not answered by then is stuck (a feed read in the document's own thread that
 * never ends): the document is closed, which ends it, and the sync is not run again here, where it
 * would stick the same way. Each feed's reading was recorded before it began, so the next sync
 * does not read the same copy again at once (lib/directory/sync-validate).
 */
const OFFSCREEN_TIMEOUT_MS = 3 * 60_000;

class Stuck extends Error {}

function stuckAnswer(ms: number): Answer {
  const minutes = Math.round(ms / 60_000);
  return {
    ok: false,
    sources: [{ id: 'directory', ok: false, message: `The sync took too long (more than ${minutes} min) and was stopped; the directory in use stays as it was. The next sync skips the copy it was reading.` }],
    version: '',
  };
}

/** `promise`, or Stuck once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Stuck()), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function openOffscreen(): Promise<void> {
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (open.length) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['WORKERS'],
    justification: 'Parses large directory feeds in a worker while syncing.',
  });
}

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && Array.isArray((value as Answer).sources) && typeof (value as Answer).ok === 'boolean';
}

async function ask(request: OffscreenSync): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer: unknown = await browser.runtime.sendMessage(request);
      if (isAnswer(answer)) return answer;
      throw new Error('The offscreen document did not answer.');
    } catch (error) {
      const notYet = error instanceof Error && /Receiving end does not exist/.test(error.message);
      if (!notYet || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

async function closeOffscreen(): Promise<void> {
  try {
    await browser.offscreen.closeDocument();
  } catch {
    // Already closed (or the browser closed it): nothing holds memory.
  }
}

export async function syncInOffscreen(request: OffscreenSync, here: (request: OffscreenSync) => Promise<Answer>, timeoutMs = OFFSCREEN_TIMEOUT_MS): Promise<Answer> {
  if (!browser.offscreen) return here(request);
  let answer: Answer | undefined;
  try {
    await openOffscreen();
    answer = await within(ask(request), timeoutMs);
  } catch (error) {
    if (error instanceof Stuck) answer = stuckAnswer(timeoutMs);
    // Otherwise no offscreen document (an older browser, or it crashed): sync here below.
  }
  await closeOffscreen();
  return answer ?? here(request);
}
