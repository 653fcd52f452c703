import { parseCsvFeed } from './csv';
import { parseJsonFeed } from './json';
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
  const path = (hints.name ?? '').toLowerCase().replace(/[?#].*$/, '');
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv') || path.endsWith('.txt')) return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Reads a feed of either kind; throws FeedFormatError when the file as a whole is unusable. */
export function parseFeed(text: string, options: AcceptOptions & FeedHints): ParsedFeed {
  return detectFeedKind(text, options) === 'json' ? parseJsonFeed(text, options) : parseCsvFeed(text, options);
}
