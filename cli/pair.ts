import { open, readFile, writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { DEFAULT_MAX_AGE_DAYS, FeedFormatError, parseFeedBytes, type DirectoryEntry } from '../lib/directory';
import { PAIR_REQUIREMENTS, candidatePairs, formatWeight, pairCohort, readExclusions, type Exclusion, type PairingReport, type PairRequirement } from '../lib/pairing';
import { MATCH_MODES, type MatchMode } from '../lib/profile/model';
import { errorMessage } from '../lib/errors';
import type { CliIo } from './match';
import { parseCommandLine, UsageError } from './usage';

const PAIR_USAGE = `Usage: mutual pair <feed.json|feed.csv> [options]

Pairs a whole cohort for the highest total two-way score, within everyone's capacity, and proves
the result optimal (or says how far from optimal it can be). See docs/pairing.md.

Options:
  --mode <mode>          two-way, reverse or traditional (default two-way)
  --json                 Print one JSON object: pairs, unmatched, total, optimal, summary
  -o, --output <file>    Also write the pairs as CSV, for a spreadsheet
  --graph <file>         Write every pair with a positive score as CSV "a,b,weight", to audit the optimum
  --exclude <file>       CSV of pairs that must not be formed: two people per row (emails or full names)
  --require <rule>       cross-department or cross-generation; may be given twice
  --time-limit <s>       Seconds to spend proving optimality before reporting the gap (default 40)
  --help                 Show this help`;

const DEFAULT_TIME_LIMIT_S = 40;
/** Progress lines only for runs that take a while, and at most this often. */
const PROGRESS_AFTER_MS = 2000;
const PROGRESS_EVERY_MS = 1000;
const GRAPH_CHUNK = 5000;
/** Past this, scoring everyone's short list alone takes many minutes: split the cohort instead. */
const MAX_COHORT = 50_000;

/** Wrong usage: exit 2, with the usage. */

/** The input cannot be used, or an output cannot be written: exit 1. */
class UnusableInput extends Error {}

interface PairArgs {
  feed: string;
  mode: MatchMode;
  json: boolean;
  output?: string;
  graph?: string;
  exclude?: string;
  require: PairRequirement[];
  timeLimitMs: number;
}

function readArgs(args: string[]): PairArgs | 'help' {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      mode: { type: 'string' },
      json: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      graph: { type: 'string' },
      exclude: { type: 'string' },
      require: { type: 'string', multiple: true },
      'time-limit': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('Missing the feed: mutual pair <feed.json|feed.csv>.');
  if (positionals.length > 1) throw new UsageError(`mutual pair takes one feed, not ${positionals.length} ("${positionals.join('", "')}").`);
  const mode = values.mode ?? 'two-way';
  if (!(MATCH_MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode must be two-way, reverse or traditional, not "${mode}".`);
  const require = (values.require ?? []).flatMap((rule) => rule.split(',').map((part) => part.trim()).filter(Boolean));
  for (const rule of require) {
    if (!(PAIR_REQUIREMENTS as readonly string[]).includes(rule)) throw new UsageError(`--require must be cross-department or cross-generation, not "${rule}".`);
  }
  const seconds = values['time-limit'] === undefined ? DEFAULT_TIME_LIMIT_S : Number(values['time-limit']);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) throw new UsageError(`--time-limit must be a number of seconds from 1 to 86400, not "${values['time-limit']}".`);
  return {
    feed: positionals[0]!,
    mode: mode as MatchMode,
    json: values.json,
    ...(values.output ? { output: values.output } : {}),
    ...(values.graph ? { graph: values.graph } : {}),
    ...(values.exclude ? { exclude: values.exclude } : {}),
    require: [...new Set(require as PairRequirement[])],
    timeLimitMs: seconds * 1000,
  };
}

async function readBytes(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableInput(`Cannot read the ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : errorMessage(error)}.`);
  }
}

/** The feed through the same parser and checks as `mutual directory check`: only valid, opted-in, current entries. */
async function readCohort(path: string, io: CliIo): Promise<DirectoryEntry[]> {
  // Bytes, as `mutual directory check` reads them: the encoding is told from them (UTF-16, Windows-1252).
  const bytes = await readBytes(path, 'feed');
  let parsed;
  try {
    parsed = parseFeedBytes(bytes, { now: new Date(), maxAgeDays: DEFAULT_MAX_AGE_DAYS, name: path });
  } catch (error) {
    if (error instanceof FeedFormatError) throw new UnusableInput(`The feed ${path} is not readable: ${error.message}`);
    throw error;
  }
  const { report } = parsed;
  const skipped = report.rejected + report.notOptedIn + report.expired + report.duplicates;
  if (skipped > 0) {
    io.stderr(`Read ${report.valid} of ${report.total} entries (${report.rejected} invalid, ${report.notOptedIn} not opted in, ${report.expired} expired, ${report.duplicates} duplicates); run "mutual directory check ${path}" for the rows.\n`);
  }
  for (const warning of report.warnings) io.stderr(`Warning: ${warning}\n`);
  if (parsed.entries.length === 0) throw new UnusableInput(`The feed ${path} has nobody to pair: no valid, opted-in entry.`);
  if (parsed.entries.length > MAX_COHORT) {
    throw new UnusableInput(`The feed ${path} has ${parsed.entries.length.toLocaleString('en')} people; mutual pair takes cohorts of up to ${MAX_COHORT.toLocaleString('en')}. Split it (by region or programme) and pair each part.`);
  }
  return parsed.entries;
}

async function readExclusionFile(path: string, entries: readonly DirectoryEntry[], io: CliIo): Promise<Exclusion[]> {
  const { exclusions, problems, notInFeed } = readExclusions(new TextDecoder().decode(await readBytes(path, 'exclusions file')), entries);
  if (problems.length) throw new UnusableInput(`The exclusions file ${path} cannot be used as it is:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  for (const note of notInFeed.slice(0, 20)) io.stderr(`Note: ${path} ${note}\n`);
  if (notInFeed.length > 20) io.stderr(`Note: ${notInFeed.length - 20} more rows of ${path} name people who are not in the feed.\n`);
  return exclusions;
}

function progressPrinter(io: CliIo): (message: string) => void {
  const started = Date.now();
  let last = 0;
  return (message) => {
    const now = Date.now();
    if (now - started < PROGRESS_AFTER_MS || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    io.stderr(`mutual pair: ${message} (${Math.round((now - started) / 1000)} s)\n`);
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Feed text is data: control characters (terminal escape sequences) are shown as "?", never run. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function who(person: { name: string; department: string; careerStage: string }): string {
  return plain(`${person.name} (${[person.department, person.careerStage].filter(Boolean).join(', ')})`);
}

function verdict(report: PairingReport): string {
  if (report.optimal) return 'optimal (proved)';
  const gap = report.upperBound > 0 ? (report.upperBound - report.total) / report.upperBound : 0;
  return `not proved optimal: no pairing can total more than ${report.upperBound.toFixed(1)} (gap at most ${(gap * 100).toFixed(2)}%)`;
}

function textReport(report: PairingReport): string {
  const { summary } = report;
  const lines = [`${summary.pairs} pairs among ${summary.people} people (${report.mode} mode): total score ${report.total.toFixed(1)}, ${verdict(report)}.`, ''];
  for (const pair of report.pairs) {
    lines.push(`${pair.score.toFixed(1).padStart(5)}  ${who(pair.a)} + ${who(pair.b)}`);
    // Each side's reasons are said to that person ("Can teach you SQL" = the partner can): the line names whom they are for.
    lines.push(plain(`       For ${pair.a.name}: ${pair.reasons.a.slice(0, 3).join('; ')}`));
    lines.push(plain(`       For ${pair.b.name}: ${pair.reasons.b.slice(0, 3).join('; ')}`));
  }
  if (report.unmatched.length) {
    lines.push('', `Not paired (${report.unmatched.length}):`);
    for (const person of report.unmatched) lines.push(`  ${who(person.person)}: ${person.why}`);
  }
  const { scores } = summary;
  lines.push(
    '',
    'Summary:',
    `  People paired        ${summary.peopleMatched} of ${summary.people}`,
    `  Cross-department     ${percent(summary.crossDepartment)} of pairs`,
    `  Cross-generation     ${percent(summary.crossGeneration)} of pairs (different career stages)`,
    `  Pair scores          min ${scores.min}, median ${scores.median}, mean ${scores.mean}, max ${scores.max}`,
    `  Score distribution   ${scores.buckets.map((bucket) => `${bucket.range}: ${bucket.pairs}`).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}

function pairsCsv(report: PairingReport): string {
  const rows = report.pairs.map((pair) => ({
    'Person A': pair.a.name,
    'Email A': pair.a.email,
    'Department A': pair.a.department,
    'Career stage A': pair.a.careerStage,
    'Person B': pair.b.name,
    'Email B': pair.b.email,
    'Department B': pair.b.department,
    'Career stage B': pair.b.careerStage,
    Score: formatWeight(Math.round(pair.score * 1e9)),
    'Why, for A': pair.reasons.a.join('; '),
    'Why, for B': pair.reasons.b.join('; '),
  }));
  const fields = ['Person A', 'Email A', 'Department A', 'Career stage A', 'Person B', 'Email B', 'Department B', 'Career stage B', 'Score', 'Why, for A', 'Why, for B'];
  // escapeFormulae: a name such as "=HYPERLINK(...)" stays text in a spreadsheet.
  return `${Papa.unparse({ fields, data: rows.map((row) => fields.map((field) => row[field as keyof typeof row])) }, { escapeFormulae: true, newline: '\n' })}\n`;
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new UnusableInput(`Cannot write ${path}: ${errorMessage(error)}.`);
  }
}

/** Streams the candidate graph: it can hold millions of rows. */
async function writeGraph(path: string, entries: readonly DirectoryEntry[], options: Parameters<typeof candidatePairs>[1]): Promise<number> {
  let handle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    throw new UnusableInput(`Cannot write ${path}: ${errorMessage(error)}.`);
  }
  let written = 0;
  try {
    await handle.write('a,b,weight\n');
    let chunk: string[][] = [];
    const flush = async () => {
      if (chunk.length) await handle.write(`${Papa.unparse(chunk, { escapeFormulae: true, newline: '\n' })}\n`);
      chunk = [];
    };
    for (const [a, b, weight] of candidatePairs(entries, options)) {
      chunk.push([a.id, b.id, formatWeight(weight)]);
      written++;
      if (chunk.length >= GRAPH_CHUNK) await flush();
    }
    await flush();
  } finally {
    await handle.close();
  }
  return written;
}

/** `mutual pair`: exit 0 with a pairing, 1 when the input cannot be used (or an output cannot be written), 2 for wrong usage. */
export async function runPair(args: string[], io: CliIo): Promise<number> {
  try {
    const parsed = readArgs(args);
    if (parsed === 'help') {
      io.stdout(`${PAIR_USAGE}\n`);
      return 0;
    }
    const entries = await readCohort(parsed.feed, io);
    const exclusions = parsed.exclude ? await readExclusionFile(parsed.exclude, entries, io) : [];
    const onProgress = progressPrinter(io);
    const options = { mode: parsed.mode, now: new Date(), exclusions, require: parsed.require, timeLimitMs: parsed.timeLimitMs, onProgress };
    const report = pairCohort(entries, options);
    if (parsed.output) await writeOutput(parsed.output, pairsCsv(report));
    if (parsed.graph) {
      const written = await writeGraph(parsed.graph, entries, options);
      io.stderr(`Wrote ${written} candidate pairs to ${parsed.graph}.\n`);
    }
    io.stdout(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mutual pair: ${error.message}\n\n${PAIR_USAGE}\n`);
      return 2;
    }
    if (error instanceof UnusableInput) {
      io.stderr(`mutual pair: ${error.message}\n`);
      return 1;
    }
    // A bug, not the user's input: say so plainly, without a stack trace.
    io.stderr(`mutual pair: something went wrong inside Mutual (${errorMessage(error)}). Please report it with the command you ran.\n`);
    return 1;
  }
}
