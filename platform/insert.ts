import { browser } from 'wxt/browser';
import { chooseFrame, EDITOR_LABELS, FrameProbeSchema, INSERTER_KEY, InsertResultSchema, type InsertResult } from '@/lib/insert';
import type { InsertOutcome } from '@/lib/messages';
import { errorMessage } from '@/lib/errors';

/** The bundled entrypoints/insert.content.ts. */
const INSERT_SCRIPT = '/content-scripts/insert.js';

type Failure = Extract<InsertOutcome, { ok: false }>;

const FAILURES: Record<Exclude<InsertResult, { ok: true }>['reason'], Failure> = {
  'no-focus': { ok: false, reason: 'no-focus', message: 'Click into the field where the message should go (an email body or a chat box), then try again.' },
  'read-only': { ok: false, reason: 'read-only', message: 'The focused field is read-only, so Mutual cannot type into it.' },
  'cross-origin': { ok: false, reason: 'cross-origin', message: 'The field is inside a frame from another site, which Mutual cannot reach.' },
  'not-verified': { ok: false, reason: 'not-verified', message: 'Mutual could not confirm that the text arrived in the field.' },
  'empty-text': { ok: false, reason: 'error', message: 'There is no text to insert.' },
};

const NO_GRANT: Failure = {
  ok: false,
  reason: 'no-access',
  message: 'Mutual can reach a page only right after you click its toolbar button there (or use its context menu or shortcut). Click the Mutual button on that page, then try again.',
};
const BROWSER_PAGE: Failure = {
  ok: false,
  reason: 'no-access',
  message: 'Browser pages (settings, new tab, the extension store) do not let extensions insert text.',
};

/** Why executeScript refused, in words for the user. */
function describeInjectionError(error: unknown): Failure {
  const message = errorMessage(error);
  if (/chrome:\/\/|edge:\/\/|about:|chrome-extension:\/\/|moz-extension:\/\/|extensions gallery|cannot be scripted|error page/i.test(message)) return BROWSER_PAGE;
  if (/permission|cannot access/i.test(message)) return NO_GRANT;
  if (/no tab with id|invalid tab/i.test(message)) return { ok: false, reason: 'error', message: 'That tab is no longer open.' };
  return { ok: false, reason: 'error', message: `Insertion failed: ${message}` };
}

function toOutcome(result: InsertResult): InsertOutcome {
  if (!result.ok) return FAILURES[result.reason];
  return { ok: true, method: result.method, where: `the ${EDITOR_LABELS[result.editor]}`, ...(result.subjectFilled ? { subjectFilled: true } : {}) };
}

/** Runs in the chosen frame's MAIN world: serialized by executeScript, so it may use nothing from outside. */
function callInserter(key: string, text: string, subject: string): unknown {
  const insert = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)];
  return typeof insert === 'function' ? insert(text, subject) : undefined;
}

/**
 * Inserts `text` at the caret of the focused field in a tab the user has granted (activeTab:
 * toolbar click, context menu or shortcut). Injects the insert script into every frame (or the
 * one given, e.g. the frame of a context-menu click), picks the frame that holds the focused field
 * and inserts there from the page's MAIN world; `subject` goes into the compose window's empty
 * subject field where it has one (Gmail, Outlook on the web).
 */
export async function insertIntoTab(tabId: number, text: string, options: { frameId?: number; subject?: string } = {}): Promise<InsertOutcome> {
  try {
    const target = options.frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [options.frameId] };
    const injections = await browser.scripting.executeScript({ target, files: [INSERT_SCRIPT], world: 'MAIN' });
    const probes = injections.flatMap(({ frameId, result }) => {
      const probe = FrameProbeSchema.safeParse(result);
      return probe.success ? [{ frameId, probe: probe.data }] : [];
    });
    const choice = chooseFrame(probes);
    if ('reason' in choice) return FAILURES[choice.reason];
    const [inserted] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [choice.frameId] },
      world: 'MAIN',
      func: callInserter,
      args: [INSERTER_KEY, text, options.subject ?? ''],
    });
    const result = InsertResultSchema.safeParse(inserted?.result);
    return result.success ? toOutcome(result.data) : FAILURES['not-verified'];
  } catch (error) {
    return describeInjectionError(error);
  }
}
