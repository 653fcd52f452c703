import { errorMessage } from '../errors';
import { FEED_FORMAT, FEED_VERSION } from './entry';
import { FeedFormatError } from './errors';
import { FEED_LIMITS, tooManyRows } from './report';
import { acceptEntries, emptyReport, type AcceptOptions, type ParsedFeed } from './validate';

/** The text as JSON; FeedFormatError when it is not. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedFormatError(`Not valid JSON: ${errorMessage(error)}`);
  }
}

/** The feed's name, when it has a usable one. */
export function feedName(feed: Record<string, unknown>): string | undefined {
  return typeof feed.name === 'string' && feed.name.trim() ? feed.name.trim().slice(0, 120) : undefined;
}

/** The header checks of a parsed feed: its format, its version and its list of entries. */
export function checkFeedObject(feed: unknown): { entries: unknown[]; name?: string; found?: number } {
  if (typeof feed !== 'object' || feed === null || Array.isArray(feed)) {
    throw new FeedFormatError(`Not a Mutual directory feed: expected an object with "format": "${FEED_FORMAT}".`);
  }
  const { format, version, entries } = feed as Record<string, unknown>;
  if (format !== FEED_FORMAT) throw new FeedFormatError(`Not a Mutual directory feed: "format" must be "${FEED_FORMAT}".`);
  if (typeof version === 'number' && version > FEED_VERSION) {
    throw new FeedFormatError(`This feed is version ${version}; this Mutual reads version ${FEED_VERSION}. Update Mutual.`);
  }
  if (version !== FEED_VERSION) throw new FeedFormatError(`Unknown feed version: "version" must be ${FEED_VERSION}.`);
  if (!Array.isArray(entries)) throw new FeedFormatError('The feed has no "entries" list.');
  const name = feedName(feed as Record<string, unknown>);
  const read = entries.length > FEED_LIMITS.rows ? entries.slice(0, FEED_LIMITS.rows) : entries;
  return { entries: read, ...(name ? { name } : {}), ...(read.length < entries.length ? { found: entries.length } : {}) };
}

/** Validates a feed's entries; `index` of each is its place in the whole feed's list. */
export function acceptFeedEntries(entries: readonly unknown[], options: AcceptOptions, firstIndex = 0): Omit<ParsedFeed, 'name'> {
  return acceptEntries(
    entries.map((value: unknown, i) => ({ at: { index: firstIndex + i }, value })),
    options,
    emptyReport(),
  );
}

export const NO_NAME_WARNING = 'The feed has no "name".';

/** The versioned JSON feed: `{ format: 'mutual-directory', version: 1, name, generatedAt, entries }`. */
export function parseJsonFeed(text: string, options: AcceptOptions): ParsedFeed {
  const { entries, name, found } = checkFeedObject(parseJsonText(text));
  const accepted = acceptFeedEntries(entries, options);
  if (found) accepted.report.warnings.unshift(tooManyRows(found));
  if (!name) accepted.report.warnings.unshift(NO_NAME_WARNING);
  return name ? { name, ...accepted } : accepted;
}
