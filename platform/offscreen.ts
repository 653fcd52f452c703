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

export async function syncInOffscreen(request: OffscreenSync, here: (request: OffscreenSync) => Promise<Answer>): Promise<Answer> {
  if (!browser.offscreen) return here(request);
  let answer: Answer | undefined;
  try {
    await openOffscreen();
    answer = await ask(request);
  } catch {
    // No offscreen document (an older browser, or it crashed): sync here below.
  }
  await closeOffscreen();
  return answer ?? here(request);
}
