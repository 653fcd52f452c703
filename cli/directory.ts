import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from '../lib/schema';
import {
  DEFAULT_MAX_AGE_DAYS,
  FEED_FORMAT,
  FEED_VERSION,
  FeedFormatError,
  FeedSchema,
  SyncFailure,
  checkJsonFeedInPieces,
  describeIssue,
  detectFeedKind,
  fetchFeed,
  parseFeedBytes,
  summariseReport,
  type DirectoryEntry,
  type EntryIssue,
  type FeedEntry,
  type ParsedFeed,
} from '../lib/directory';
import { errorMessage } from '../lib/errors';
import type { CliIo } from './match';
import { parseCommandLine, UsageError } from './usage';

export const DIRECTORY_USAGE = `Usage:
  mutual directory check <file-or-url> [--json] [--max-age-days <n>]
      Validates a directory feed (JSON or CSV) as Mutual would sync it.
      Exit 0 when it has usable entries, 1 when not (unreadable, wrong format, no valid entry).
  mutual directory convert <file.csv> -o <feed.json> [--name <name>] [--max-age-days <n>]
      Writes the JSON feed of a spreadsheet or form export, reporting the rows it rejected.
  mutual directory schema
      Prints the JSON Schema of the JSON feed (docs/directory-feed.schema.json).

Options:
  --json               One JSON object: summary, valid, invalid [{row|index, field, code, message}], notOptedIn, expired, duplicates...
  --max-age-days <n>   Consent lifetime when an entry has no expiry (default ${DEFAULT_MAX_AGE_DAYS})
  -o, --output <file>  Where convert writes the feed
  --name <name>        The feed's name (default: the file name)`;

/** Wrong usage: exit 2, with the usage. */

/** The feed cannot be used: exit 1. */
class UnusableFeed extends Error {}

interface Options {
  positionals: string[];
  json: boolean;
  output?: string;
  name?: string;
  maxAgeDays: number;
}

function readOptions(args: string[]): Options {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      'max-age-days': { type: 'string' },
    },
  });
  const maxAgeDays = values['max-age-days'] === undefined ? DEFAULT_MAX_AGE_DAYS : Number(values['max-age-days']);
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1) throw new UsageError(`--max-age-days must be a whole number of days, not "${values['max-age-days']}".`);
  return {
    positionals,
    json: values.json,
    maxAgeDays,
    ...(values.output ? { output: values.output } : {}),
    ...(values.name ? { name: values.name } : {}),
  };
}

/** A feed's bytes and what tells its kind: a local file, or a URL fetched as the extension would. */
async function readFeed(location: string): Promise<{ bytes: Uint8Array; contentType?: string | null }> {
  if (/^https?:\/\//i.test(location)) {
    try {
      const result = await fetchFeed(location, { fetch, decode: false });
      if (result.kind !== 'fetched') throw new UnusableFeed(`${location} answered 304 without a body.`);
      return { bytes: result.bytes, contentType: result.contentType };
    } catch (error) {
      if (error instanceof SyncFailure) throw new UnusableFeed(`Cannot download ${location}: ${error.message}`);
      throw error;
    }
  }
  try {
    return { bytes: new Uint8Array(await readFile(location)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableFeed(`Cannot read ${location}: ${code === 'ENOENT' ? 'no such file' : errorMessage(error)}.`);
  }
}

/**
 * A large local JSON file checked piece by piece as it is read, so its report never needs the
 * whole file and its objects in memory at once (lib/directory/check); undefined when it is to be
 * read whole (small, not a plain UTF-8 JSON feed, a cut that does not check out, unreadable).
 */
async function checkInPieces(location: string, options: Options): Promise<ParsedFeed | undefined> {
  if (/^https?:/i.test(location) || detectFeedKind('', { name: location }) !== 'json') return undefined;
  const checked = await checkJsonFeedInPieces(createReadStream(location), { now: new Date(), maxAgeDays: options.maxAgeDays }).catch(() => undefined);
  return checked && { ...checked, entries: [] };
}

async function parseLocation(location: string, options: Options): Promise<ParsedFeed> {
  const { bytes, contentType } = await readFeed(location);
  try {
    return parseFeedBytes(bytes, { now: new Date(), maxAgeDays: options.maxAgeDays, name: location, contentType });
  } catch (error) {
    if (error instanceof FeedFormatError) throw new UnusableFeed(error.message);
    throw error;
  }
}

function describeIssues(issues: readonly EntryIssue[]): string {
  return issues.map((issue) => `  ${describeIssue(issue)}\n`).join('');
}

function unitOf(location: string, parsed: ParsedFeed): 'row' | 'entry' {
  const first = parsed.report.invalid[0];
  if (first) return 'row' in first ? 'row' : 'entry';
  return detectFeedKind('', { name: location }) === 'json' || parsed.name !== undefined ? 'entry' : 'row';
}

async function check(options: Options, io: CliIo): Promise<number> {
  const [location, ...extra] = options.positionals;
  if (!location || extra.length) throw new UsageError('check takes one file or URL.');
  let parsed: ParsedFeed;
  try {
    parsed = (await checkInPieces(location, options)) ?? (await parseLocation(location, options));
  } catch (error) {
    if (!(error instanceof UnusableFeed)) throw error;
    if (options.json) io.stdout(`${JSON.stringify({ usable: false, code: 'unreadable', error: error.message, valid: 0, invalid: [], notOptedIn: 0, expired: 0, duplicates: 0 })}\n`);
    else io.stderr(`${error.message}\n`);
    return 1;
  }
  const { report } = parsed;
  const usable = report.valid > 0;
  if (options.json) {
    const kind = unitOf(location, parsed) === 'entry' ? 'json' : 'csv';
    io.stdout(`${JSON.stringify({ usable, kind, summary: summariseReport(report, unitOf(location, parsed)), ...(parsed.name ? { name: parsed.name } : {}), ...report })}\n`);
    return usable ? 0 : 1;
  }
  io.stdout(`${location}: ${summariseReport(report, unitOf(location, parsed))}\n`);
  for (const warning of report.warnings) io.stdout(`Warning: ${warning}\n`);
  if (report.invalid.length) io.stdout(`\nRejected:\n${describeIssues(report.invalid)}`);
  if (!usable) io.stderr('No usable entry: Mutual would keep its previous copy of this directory.\n');
  return usable ? 0 : 1;
}

/** What a feed publishes: the entry without the id and source Mutual derives. */
function feedEntry({ id: _id, source: _source, ...entry }: DirectoryEntry): FeedEntry {
  return entry;
}

async function convert(options: Options, io: CliIo): Promise<number> {
  const [input, ...extra] = options.positionals;
  if (!input || extra.length) throw new UsageError('convert takes one input file.');
  if (!options.output) throw new UsageError('convert needs -o <feed.json>.');
  let parsed: ParsedFeed;
  try {
    parsed = await parseLocation(input, options);
  } catch (error) {
    if (!(error instanceof UnusableFeed)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const { report } = parsed;
  if (report.invalid.length) io.stderr(`Rejected rows:\n${describeIssues(report.invalid)}`);
  for (const warning of report.warnings) io.stderr(`Warning: ${warning}\n`);
  if (!parsed.entries.length) {
    io.stderr(`No usable entry in ${input} (${summariseReport(report, unitOf(input, parsed))}): nothing written.\n`);
    return 1;
  }
  const feed = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    name: options.name ?? parsed.name ?? basename(input, extname(input)),
    generatedAt: new Date().toISOString(),
    entries: parsed.entries.map(feedEntry),
  };
  await writeFile(options.output, `${JSON.stringify(feed, null, 2)}\n`, 'utf8');
  io.stdout(`Wrote ${options.output}: ${summariseReport(report, unitOf(input, parsed))}.\n`);
  return 0;
}

/** The JSON Schema of the feed, from the same zod schema the extension validates with. */
export function feedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FeedSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://mutual.example/schemas/directory-feed-v1.json',
    title: 'Mutual directory feed, version 1',
    description: 'See docs/directory-feed.md. Entries are validated one by one: an invalid entry rejects only itself.',
  };
}

export async function runDirectory(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${DIRECTORY_USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    const options = readOptions(rest);
    switch (command) {
      case 'check':
        return await check(options, io);
      case 'convert':
        return await convert(options, io);
      case 'schema':
        io.stdout(`${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
        return 0;
      default:
        throw new UsageError(`Unknown command "directory ${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mutual directory: ${error.message}\n\n${DIRECTORY_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
