import { readFile } from 'node:fs/promises';
import { DEFAULT_MAX_AGE_DAYS, FeedFormatError, parseFeed, type DirectoryEntry } from '../lib/directory';
import { DEFAULT_TOP, buildMatchIndex, rank, type MatchResult } from '../lib/match';
import { ProfileFormatError } from '../lib/profile/errors';
import { migrateProfile } from '../lib/profile/migrate';
import { MATCH_MODES, PROFILE_SCHEMA_VERSION, emptyProfile, type MatchMode, type Profile } from '../lib/profile/model';
import { errorMessage } from '../lib/errors';
import { parseCommandLine, UsageError } from './usage';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: mutual match --profile <me.json> --directory <feed.json|feed.csv> [options]

Ranks the directory for the profile, best partners first.

Options:
  --profile <file>     Your profile as exported by Mutual's options page (JSON)
  --directory <file>   The directory feed (JSON or CSV)
  --mode <mode>        two-way, reverse or traditional (default: the profile's mode)
  --top <n>            How many partners (default ${DEFAULT_TOP})
  --query <text>       Search, e.g. "who can teach me Figma" or a name
  --json               Print a JSON array instead of a table
  --help               Show this help`;

interface MatchArgs {
  profile: string;
  directory: string;
  mode?: MatchMode;
  top: number;
  query?: string;
  json: boolean;
}

function readArgs(args: string[]): MatchArgs | 'help' {
  const { values } = parseCommandLine(
    {
      args,
      options: {
        profile: { type: 'string' },
        directory: { type: 'string' },
        mode: { type: 'string' },
        top: { type: 'string' },
        query: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    true,
  );
  if (values.help) return 'help';
  if (!values.profile) throw new UsageError('Missing --profile <me.json>.', true);
  if (!values.directory) throw new UsageError('Missing --directory <feed.json|feed.csv>.', true);
  const mode = values.mode;
  if (mode !== undefined && !(MATCH_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--mode must be one of ${MATCH_MODES.join(', ')}, not "${mode}".`, true);
  }
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 10_000) throw new UsageError(`--top must be a whole number from 1 to 10000, not "${values.top}".`, true);
  return {
    profile: values.profile,
    directory: values.directory,
    ...(mode ? { mode: mode as MatchMode } : {}),
    top,
    ...(values.query ? { query: values.query } : {}),
    json: values.json,
  };
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : errorMessage(error);
    throw new UsageError(`Cannot read the ${what} ${path}: ${reason}.`);
  }
}

/** The options page exports `{ format: 'mutual-profile', version, profile }`; a bare profile is accepted too. */
export function parseProfileFile(text: string, path: string): Profile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The profile ${path} is not valid JSON: ${errorMessage(error)}`);
  }
  const wrapped = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'mutual-profile';
  const profile = wrapped ? (value as { profile?: unknown }).profile : value;
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new UsageError(`The profile ${path} is not a Mutual profile: it should be the options page's export, or an object with name, email, careerStage, teach and learn.`);
  }
  let read: Profile;
  try {
    // A profile written by hand may leave out what the form always fills in (title, location, time zone…).
    read = migrateProfile({ ...emptyProfile(), schemaVersion: PROFILE_SCHEMA_VERSION, ...profile });
  } catch (error) {
    if (!(error instanceof ProfileFormatError)) throw error;
    const issues = error.issues.length ? error.issues.map((issue) => `  ${issue}`).join('\n') : `  ${error.message}`;
    throw new UsageError(`The profile ${path} is not a Mutual profile:\n${issues}`);
  }
  if (!read.teach.length && !read.learn.length) {
    throw new UsageError(`The profile ${path} is not a Mutual profile to match with: it lists no skill to teach ("teach") or to learn ("learn").`);
  }
  return read;
}

async function readDirectory(path: string, io: CliIo): Promise<DirectoryEntry[]> {
  const text = await readText(path, 'directory');
  try {
    const { entries, report } = parseFeed(text, { now: new Date(), maxAgeDays: DEFAULT_MAX_AGE_DAYS, name: path });
    const skipped = report.rejected + report.notOptedIn + report.expired + report.duplicates;
    if (skipped > 0) {
      io.stderr(`Read ${report.valid} of ${report.total} entries (${report.rejected} invalid, ${report.notOptedIn} not opted in, ${report.expired} expired, ${report.duplicates} duplicates).\n`);
    }
    for (const warning of report.warnings) io.stderr(`Warning: ${warning}\n`);
    return entries;
  } catch (error) {
    if (error instanceof FeedFormatError) throw new UsageError(`The directory ${path} is not a readable feed: ${error.message}`);
    throw error;
  }
}

function jsonRows(results: MatchResult[], entries: DirectoryEntry[]) {
  return results.map((result, i) => {
    const entry = entries[result.position]!;
    const { explanation } = result;
    return {
      rank: i + 1,
      id: result.id,
      name: entry.name,
      email: entry.email,
      title: entry.title,
      department: entry.department,
      careerStage: entry.careerStage,
      score: result.score,
      reasons: result.reasons,
      ...(explanation.limitingFactor ? { limitingFactor: explanation.limitingFactor } : {}),
      theyTeachMe: explanation.theyTeachMe.map((meet) => meet.skill),
      iTeachThem: explanation.iTeachThem.map((meet) => meet.skill),
      // How each text that met was read, as the card's "Why this match" says it ("“JS” read as JavaScript", "you wrote “Excle”").
      readings: [...new Set([...explanation.theyTeachMe, ...explanation.iTeachThem].map((meet) => meet.note).filter(Boolean))],
      factors: explanation.factors.map((factor) => ({ ...factor, contribution: Math.round(factor.contribution * 10) / 10 })),
    };
  });
}

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function table(results: MatchResult[], entries: DirectoryEntry[]): string {
  const header = `${'#'.padStart(3)}  ${'Score'.padStart(5)}  ${cell('Name', 24)}  ${cell('Role', 32)}  Why`;
  const rows = results.map((result, i) => {
    const entry = entries[result.position]!;
    const role = [entry.title, entry.department].filter(Boolean).join(', ');
    return `${String(i + 1).padStart(3)}  ${String(result.score).padStart(5)}  ${cell(entry.name, 24)}  ${cell(role, 32)}  ${result.reasons.slice(0, 2).join('; ')}`;
  });
  return `${[header, ...rows].join('\n')}\n`;
}

/** `mutual match`: exit 0 with results (or none), 2 for wrong usage or an unreadable file, 1 for a bug. */
export async function runMatch(args: string[], io: CliIo): Promise<number> {
  try {
    const parsed = readArgs(args);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const profile = parseProfileFile(await readText(parsed.profile, 'profile'), parsed.profile);
    const entries = await readDirectory(parsed.directory, io);
    const mode = parsed.mode ?? profile.matchMode;
    const results = rank(buildMatchIndex(entries), profile, { mode, top: parsed.top, ...(parsed.query ? { query: parsed.query } : {}) });
    if (parsed.json) {
      io.stdout(`${JSON.stringify(jsonRows(results, entries), null, 2)}\n`);
    } else if (results.length === 0) {
      io.stdout(`No partners found in ${mode} mode among ${entries.length} people. Try another mode, or add skills you can teach and want to learn.\n`);
    } else {
      io.stdout(`Best ${mode} partners among ${entries.length} people:\n\n${table(results, entries)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mutual match: ${error.message}\n${error.showUsage ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    io.stderr(`mutual match: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
