import { FEED_FORMAT, FEED_VERSION } from './entry';
import { FeedFormatError } from './errors';
import { acceptEntries, emptyReport, type AcceptOptions, type ParsedFeed } from './validate';

function describeJsonError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The versioned JSON feed: `{ format: 'mutual-directory', version: 1, name, generatedAt, entries }`. */
export function parseJsonFeed(text: string, options: AcceptOptions): ParsedFeed {
  let feed: unknown;
  try {
    feed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedFormatError(`Not valid JSON: ${describeJsonError(error)}`);
  }
  if (typeof feed !== 'object' || feed === null || Array.isArray(feed)) {
    throw new FeedFormatError(`Not a Mutual directory feed: expected an object with "format": "${FEED_FORMAT}".`);
  }
  const { format, version, name, entries } = feed as Record<string, unknown>;
  if (format !== FEED_FORMAT) throw new FeedFormatError(`Not a Mutual directory feed: "format" must be "${FEED_FORMAT}".`);
  if (typeof version === 'number' && version > FEED_VERSION) {
    throw new FeedFormatError(`This feed is version ${version}; this Mutual reads version ${FEED_VERSION}. Update Mutual.`);
  }
  if (version !== FEED_VERSION) throw new FeedFormatError(`Unknown feed version: "version" must be ${FEED_VERSION}.`);
  if (!Array.isArray(entries)) throw new FeedFormatError('The feed has no "entries" list.');

  const report = emptyReport();
  if (typeof name !== 'string' || !name.trim()) report.warnings.push('The feed has no "name".');
  const candidates = entries.map((value: unknown, index) => ({ at: { index }, value }));
  const accepted = acceptEntries(candidates, options, report);
  return typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, 120), ...accepted } : accepted;
}
