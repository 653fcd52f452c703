import { parseCsvFeed } from './csv';
import { decodeUtf8 } from './bytes';
import { checkFeedText, decodeFeedBytes, webPageMessage } from './encoding';
import { FeedFormatError } from './errors';
import { parseJsonFeed } from './json';
import { parseJsonFeedInHalves, worthSplitting, type HalvesOptions, type FeedWorker } from './split';
import type { AcceptOptions, ParsedFeed } from './validate';

export type FeedKind = 'json' | 'csv';

/** What is known about a feed besides its text: the Content-Type it was served with, its URL or file name. */
export interface FeedHints {
  contentType?: string | null;
  name?: string;
}

/** Content type first, then the extension, then the first character: servers often say text/plain. */
export function detectFeedKind(text: string, hints: FeedHints = {}): FeedKind {
  const type = hints.contentType?.toLowerCase() ?? '';
  if (/[/+]json\b/.test(type)) return 'json';
  if (/\b(csv|comma-separated-values)\b/.test(type)) return 'csv';
  const path = (hints.name ?? '').toLowerCase().split(/[?#]/, 1)[0]!;
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv') || path.endsWith('.txt')) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

function parseText(text: string, options: AcceptOptions & FeedHints, warning: string | undefined): ParsedFeed {
  const parsed = detectFeedKind(text, options) === 'json' ? parseJsonFeed(text, options) : parseCsvFeed(text, options);
  if (warning) parsed.report.warnings.unshift(warning);
  return parsed;
}

/**
 * Reads a feed of either kind from text someone else decoded (as UTF-8); throws FeedFormatError
 * when the file as a whole is unusable, saying what it is when it is no feed at all.
 */
export function parseFeed(text: string, options: AcceptOptions & FeedHints): ParsedFeed {
  return parseText(text, options, checkFeedText(text).warning);
}

/** Reads a feed from its bytes, in the encoding they tell (UTF-8, UTF-16, else Windows-1252 with a warning). */
export function parseFeedBytes(bytes: Uint8Array, options: AcceptOptions & FeedHints): ParsedFeed {
  const decoded = decodeFeedBytes(bytes);
  const page = webPageMessage(decoded.text.slice(0, 2048));
  if (page) throw new FeedFormatError(page);
  return parseText(decoded.text, options, decoded.warning);
}

/** Whether text decoded as UTF-8 by the download is the file's text: not UTF-16, nothing lost. */
function isPlainUtf8(bytes: Uint8Array, text: string): boolean {
  const utf16Mark = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16Mark && !text.includes('\uFFFD') && !text.slice(0, 1024).includes('\u0000');
}

/** Enough of a feed's start to tell JSON from CSV. */
const SNIFF_BYTES = 1024;

/**
 * parseFeed, with a large JSON feed's second half parsed by a worker from `startWorker` when one
 * can be started (see lib/directory/split); whatever goes wrong there, one thread parses it all.
 * `text` is the decoded `bytes`, when the caller has it already.
 */
export async function parseFeedInParallel(
  feed: { bytes: Uint8Array; text?: string },
  options: AcceptOptions & FeedHints,
  parallel?: { startWorker(): FeedWorker; minBytes?: number } & HalvesOptions,
): Promise<ParsedFeed> {
  const large = parallel && worthSplitting(feed.bytes.length, parallel);
  if (large && detectFeedKind(feed.text ?? decodeUtf8(feed.bytes.subarray(0, SNIFF_BYTES)), options) === 'json') {
    let worker: FeedWorker | undefined;
    try {
      worker = parallel.startWorker();
    } catch {
      // No worker here (or no memory for one): one thread it is.
    }
    const parsed = worker && (await parseJsonFeedInHalves(feed.bytes, options, worker, parallel));
    if (parsed) return parsed;
  }
  return feed.text !== undefined && isPlainUtf8(feed.bytes, feed.text) ? parseFeed(feed.text, options) : parseFeedBytes(feed.bytes, options);
}
