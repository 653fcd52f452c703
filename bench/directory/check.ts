import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoFeedEntries } from '../../lib/directory/demo';
import { FEED_FORMAT, FEED_VERSION } from '../../lib/directory/entry';

/**
 * `npx tsx bench/directory/check.ts [count] [rounds]`: the time and peak memory (RSS) of
 * `mutual directory check` on a realistic 100k-entry JSON feed, and on a 5.8 MB feed where every
 * entry is invalid in many ways; each run in a process of its own, so its peak is its own. Printed:
 * the CLI as shipped, and a check of the same file read whole and in pieces (lib/directory/check).
 * Targets (issue 14): 100k checked in at most 1 s and 250 MB.
 */
const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const TARGETS = { ms: 1000, mb: 250 };
const ROOT = join(import.meta.dirname, '../..');
/** Prints the process's peak RSS when it ends. */
const PEAK = "process.on('exit', () => process.stderr.write('PEAK ' + process.resourceUsage().maxRSS + '\\n'));";

interface Run {
  ms: number;
  mb: number;
}

function run(args: string[]): Run {
  const start = performance.now();
  // `check` exits 1 for a feed without a usable entry: its figures count all the same.
  const { stderr } = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(PEAK)}`, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  const peak = /PEAK (\d+)/.exec(stderr)?.[1];
  return { ms, mb: peak ? Number(peak) / 1024 : Number.NaN };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, args: string[]): void {
  const runs = Array.from({ length: ROUNDS }, () => run(args));
  const ms = median(runs.map((r) => r.ms));
  const mb = median(runs.map((r) => r.mb));
  const verdict = ms <= TARGETS.ms && mb <= TARGETS.mb ? 'within target' : `target ≤ ${TARGETS.ms} ms, ≤ ${TARGETS.mb} MB`;
  console.log(`${label.padEnd(58)} ${String(Math.round(ms)).padStart(6)} ms  ${String(Math.round(mb)).padStart(5)} MB peak RSS   (${verdict})`);
}

function feed(entries: unknown[]): string {
  return JSON.stringify({ format: FEED_FORMAT, version: FEED_VERSION, name: 'Bench directory', generatedAt: new Date().toISOString(), entries });
}

/** Every entry wrong in many places, as a broken export is: about 5.8 MB. */
function invalidEntries(): unknown[] {
  const skills = Array.from({ length: 40 }, (_, i) => ({ name: `Skill ${i}`, level: 'wizard' }));
  return Array.from({ length: 3700 }, (_, i) => ({ name: `Person ${i}`, email: `not an address ${i}`, careerStage: 'sorcerer', capacity: -1, teach: skills, learn: [], consent: { optedIn: true, date: 'yesterday' }, updatedAt: 'soon' }));
}

const dir = await mkdtemp(join(tmpdir(), 'mutual-check-bench-'));
try {
  const large = join(dir, 'feed-100k.json');
  const broken = join(dir, 'invalid.json');
  await writeFile(large, feed(demoFeedEntries(new Date(), COUNT, 7)));
  await writeFile(broken, feed(invalidEntries()));
  const size = (file: string) => `${(Number(execFileSync('stat', ['-c', '%s', file], { encoding: 'utf8' })) / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Medians of ${ROUNDS} runs, each in a fresh process (start-up included).`);
  for (const [name, file] of [[`${COUNT} entries (${size(large)})`, large], [`every entry invalid (${size(broken)})`, broken]] as const) {
    console.log(`\n${name}`);
    measure('mutual directory check (as shipped)', ['bin/mutual.mjs', 'directory', 'check', file]);
    measure('check, feed read whole', ['--import', 'tsx', 'bench/directory/check-run.ts', 'whole', file]);
    measure('check, feed read in pieces (lib/directory/check)', ['--import', 'tsx', 'bench/directory/check-run.ts', 'pieces', file]);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
