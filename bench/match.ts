/**
 * Match engine benchmark: `npx tsx bench/match.ts [--size 100000] [--profiles 200] [--seed 42] [--no-anchor]`.
 * Run with `node --expose-gc --import tsx bench/match.ts` for the index's heap figure.
 *
 * Generates a seeded, realistic directory, then reports index build time (cold: every skill text
 * resolved from scratch; warm: a rebuild with the shared resolver's cache, as after a sync),
 * structured-clone size and time of the index (the popup loads it from IndexedDB), top-20 query
 * time over many profiles (with the slowest profiles and what they have in common), the index's
 * memory, countMatches, and the naive anchor (fuse.js over the whole directory). It checks that
 * rank() returns exactly what rankExhaustive() returns for every sampled profile and exits 1 if not.
 */
import Fuse from 'fuse.js';
import { loadavg } from 'node:os';
import { serialize } from 'node:v8';
import { parseArgs } from 'node:util';
import { buildMatchIndex, countMatches, rank, rankExhaustive, type MatchIndex, type MatchResult, type RankOptions } from '../lib/match';
import { clearSums, exactSumsOf, sumExactMeetings } from '../lib/match/bounds';
import { skillKeyOf } from '../lib/match/build';
import { createRankContext } from '../lib/match/context';
import { sharedSkillSearch } from '../lib/match/shared-search';
import { seededRandom, syntheticDirectory, syntheticProfile } from '../lib/match/synthetic';
import { MATCH_MODES, type Profile } from '../lib/profile/model';
import { createSkillSearch } from '../lib/skills';
import type { DirectoryEntry } from '../lib/directory/entry';

const TARGET_BUILD_MS = 300;
const TARGET_COLD_BUILD_MS = 600;
const TARGET_MEDIAN_MS = 1;
const TARGET_P95_MS = 2.5;
const TARGET_MAX_MS = 8;
const SLOWEST_SHOWN = 5;
const TOP = 20;
const NOW = new Date('2026-06-01T12:00:00Z');
/** fuse.js over 100k people takes seconds per profile: a few profiles show the ratio. */
const FUSE_PROFILES = 3;
const ROUNDS = 3;
const QUERIES = ['who can teach me Python', 'wants to learn TikTok', 'finance', 'maya'];

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    profiles: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    'no-anchor': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const profileCount = Number(values.profiles);
const seed = Number(values.seed);

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** This thread's CPU time: on a shared machine it moves far less with other people's work than the wall clock. */
function cpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

function cpuTime(run: () => unknown): number {
  const start = cpuMs();
  run();
  return cpuMs() - start;
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function median(samples: number[]): number {
  return quantile(samples, 0.5);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const verdict = (value: number, target: number) => (value <= target ? `ok (target ≤ ${target} ms)` : `OVER target ≤ ${target} ms`);
const line = (label: string, value: string, note = '') => console.log(`  ${label.padEnd(34)} ${value.padStart(12)}  ${note}`);

/** The naive anchor: per skill of mine, a fuse.js search of every person's skills, then a tally. */
function fuseAnchor(fuse: { teach: Fuse<DirectoryEntry>; learn: Fuse<DirectoryEntry> }, me: Profile): number {
  const tally = new Map<number, number>();
  const add = (results: { refIndex: number; score?: number }[]) => {
    for (const result of results) tally.set(result.refIndex, (tally.get(result.refIndex) ?? 0) + 1 - (result.score ?? 1));
  };
  for (const want of me.learn) add(fuse.teach.search(want.name));
  for (const offer of me.teach) add(fuse.learn.search(offer.name));
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP).length;
}

/** Bytes held by the index's typed arrays and strings (UTF-16 in memory), and their share. */
function indexMemory(index: MatchIndex): { typed: number; strings: number } {
  let typed = 0;
  let strings = 0;
  for (const value of Object.values(index)) {
    if (ArrayBuffer.isView(value)) typed += value.byteLength;
    else if (typeof value === 'string') strings += 2 * value.length;
    else if (Array.isArray(value)) for (const item of value) strings += typeof item === 'string' ? 2 * item.length + 16 : 0;
  }
  return { typed, strings };
}

/** People the postings walk touches (each then gets a cheap bound): with the postings, the cost driver of rank. */
function peopleTouched(index: MatchIndex, me: Profile, options: RankOptions): number {
  const ctx = createRankContext(index, me, options);
  const sums = exactSumsOf(ctx);
  const touched = sumExactMeetings(ctx, sums);
  const count = touched.length;
  clearSums(sums, touched);
  return count;
}

/** People sharing one of my skills exactly (postings walked), the cost driver of rank. */
function exactPostings(index: MatchIndex, me: Profile): number {
  const skillOf = new Map(index.skillKeys.map((key, s) => [key, s]));
  const walk = (names: string[], start: Uint32Array) =>
    names.reduce((sum, name) => {
      const skills = sharedSkillSearch.read(name).parts.map((part) => skillOf.get(skillKeyOf(part)) ?? -1);
      return sum + skills.reduce((n, s) => n + (s >= 0 ? start[s + 1]! - start[s]! : 0), 0);
    }, 0);
  return walk(me.learn.map((l) => l.name), index.teachPostStart) + walk(me.teach.map((t) => t.name), index.learnPostStart);
}

function heapUsed(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function sameResults(a: MatchResult[], b: MatchResult[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function main(): number {
  console.log(`Mutual match benchmark: ${size.toLocaleString('en')} people, ${profileCount} profiles, seed ${seed}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const generated = time(() => syntheticDirectory(size, seed));
  const entries = generated.value;
  line('generate directory', ms(generated.ms));

  const heapBefore = heapUsed();
  const cold = time(() => buildMatchIndex(entries, createSkillSearch()));
  const index = cold.value;
  const heapAfter = heapUsed();
  const warm = Array.from({ length: 5 }, () => time(() => buildMatchIndex(entries)).ms);
  console.log('\nIndex build');
  line('cold (fresh skill resolver)', ms(cold.ms), `${verdict(cold.ms, TARGET_COLD_BUILD_MS)}; ${index.skillTexts.length} skill texts → ${index.skillKeys.length} skills`);
  line('warm (shared resolver), median of 5', ms(median(warm.slice(1))), verdict(median(warm.slice(1)), TARGET_BUILD_MS));
  const memory = indexMemory(index);
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  line('index memory (typed arrays)', mib(memory.typed), `plus ${mib(memory.strings)} of strings`);
  if (heapBefore !== undefined && heapAfter !== undefined) line('heap held by the index (after gc)', mib(heapAfter - heapBefore), 'includes the fresh resolver’s cache');

  const bytes = serialize(index).length;
  const clones = Array.from({ length: 5 }, () => time(() => structuredClone(index)).ms);
  console.log('\nStructured clone of the index (IndexedDB value)');
  line('serialized size', `${(bytes / 1024 / 1024).toFixed(1)} MiB`, `${(bytes / size).toFixed(0)} bytes per person`);
  line('structuredClone, median of 5', ms(median(clones)));

  const loaded = structuredClone(index);
  const random = seededRandom(seed + 1);
  const profiles = Array.from({ length: profileCount }, (_, i) => syntheticProfile(random, i));
  const optionsOf = (i: number, query?: string): RankOptions => ({ mode: MATCH_MODES[i % MATCH_MODES.length]!, top: TOP, now: NOW, ...(query ? { query } : {}) });
  const firstUse = time(() => rank(loaded, profiles[0]!, optionsOf(0))).ms;
  // The machine is shared: each profile's time is the median of ROUNDS runs, after a warm-up run.
  const timed = (run: () => unknown) => median(Array.from({ length: ROUNDS + 1 }, () => time(run).ms).slice(1));
  // One pass over every profile first, so the timed runs see the engine compiled, as a popup does after its first few rankings.
  profiles.forEach((me, i) => rank(loaded, me, optionsOf(i)));
  const runs = profiles.map((me, i) => Array.from({ length: ROUNDS + 1 }, () => time(() => rank(loaded, me, optionsOf(i))).ms).slice(1));
  const queryTimes = runs.map(median);
  // The quickest of a profile's runs is the one least disturbed by other work on a shared machine.
  const quickest = runs.map((times) => Math.min(...times));
  // The thread's CPU clock ticks in milliseconds on some machines: it is read over all rankings at once.
  const cpuPerRanking = cpuTime(() => profiles.forEach((me, i) => rank(loaded, me, optionsOf(i)))) / profiles.length;
  const searchTimes = profiles.slice(0, 50).flatMap((me, i) => QUERIES.map((query) => timed(() => rank(loaded, me, optionsOf(i, query)))));
  console.log(`\nTop-${TOP} ranking (rank) over ${profileCount} profiles, modes ${MATCH_MODES.join(' / ')}; per profile the median of ${ROUNDS} runs`);
  line('first query on a fresh index', ms(firstUse), 'includes deriving per-index lookups once');
  line('median', ms(median(queryTimes)), verdict(median(queryTimes), TARGET_MEDIAN_MS));
  line('p95', ms(quantile(queryTimes, 0.95)), verdict(quantile(queryTimes, 0.95), TARGET_P95_MS));
  line('max', ms(Math.max(...queryTimes)), verdict(Math.max(...queryTimes), TARGET_MAX_MS));
  line('quickest run: median / p95 / max', `${ms(median(quickest))} / ${ms(quantile(quickest, 0.95))} / ${ms(Math.max(...quickest))}`, 'less sensitive to other work on the machine');
  line('thread CPU time per ranking, mean', ms(cpuPerRanking));
  const postings = profiles.map((me) => exactPostings(loaded, me));
  console.log(`  slowest ${SLOWEST_SHOWN} by quickest run (exact postings walked; all profiles: median ${median(postings).toLocaleString('en')})`);
  for (const i of [...quickest.keys()].sort((a, b) => quickest[b]! - quickest[a]!).slice(0, SLOWEST_SHOWN)) {
    const me = profiles[i]!;
    const times = `quickest ${ms(quickest[i]!)}, median ${ms(queryTimes[i]!)}`;
    console.log(`    profile ${String(i).padStart(3)}  ${times.padEnd(34)} ${optionsOf(i).mode.padEnd(11)} ${me.learn.length} wants, ${me.teach.length} offers, ${postings[i]!.toLocaleString('en')} postings, ${peopleTouched(loaded, me, optionsOf(i)).toLocaleString('en')} people bounded`);
  }
  line('free-text searches, median', ms(median(searchTimes)), `${searchTimes.length} searches: ${QUERIES.map((q) => `"${q}"`).join(', ')}`);
  line('free-text searches, p95', ms(quantile(searchTimes, 0.95)));
  const countTimes = profiles.slice(0, 20).map((me, i) => timed(() => countMatches(loaded, me, optionsOf(i))));
  line('countMatches ("N people match"), median', ms(median(countTimes)), '20 profiles');

  let mismatches = 0;
  const exhaustiveTimes: number[] = [];
  const check = (me: Profile, options: RankOptions, label: string) => {
    const reference = time(() => rankExhaustive(loaded, me, options));
    if (!sameResults(rank(loaded, me, options), reference.value)) {
      mismatches++;
      console.error(`MISMATCH for ${label}`);
    }
    return reference.ms;
  };
  profiles.forEach((me, i) => {
    exhaustiveTimes.push(check(me, optionsOf(i), `profile ${i} (${optionsOf(i).mode})`));
    if (i % 10 === 0) check(me, optionsOf(i, QUERIES[i % QUERIES.length]), `profile ${i} searching "${QUERIES[i % QUERIES.length]}"`);
  });
  console.log('\nReference scan (rankExhaustive)');
  line('median', ms(median(exhaustiveTimes)), `rank is ${(median(exhaustiveTimes) / median(queryTimes)).toFixed(0)}× faster`);
  line('same top-20 as rank', mismatches === 0 ? `all ${profileCount}` : `${mismatches} MISMATCHES`, `plus ${Math.ceil(profileCount / 10)} free-text searches`);

  if (values['no-anchor']) return report(mismatches);
  const fuseBuild = time(() => ({
    teach: new Fuse(entries, { keys: ['teach.name'], includeScore: true, threshold: 0.3, ignoreLocation: true }),
    learn: new Fuse(entries, { keys: ['learn.name'], includeScore: true, threshold: 0.3, ignoreLocation: true }),
  }));
  const fuseTimes = profiles.slice(0, FUSE_PROFILES).map((me) => time(() => fuseAnchor(fuseBuild.value, me)).ms);
  console.log('\nNaive anchor: fuse.js over the whole directory (per skill of mine, then a tally)');
  line('fuse.js index build', ms(fuseBuild.ms));
  line(`per profile, median of ${FUSE_PROFILES}`, ms(median(fuseTimes)), `rank is ${(median(fuseTimes) / median(queryTimes)).toFixed(0)}× faster`);
  return report(mismatches);
}

function report(mismatches: number): number {
  if (mismatches > 0) {
    console.error(`\nFAIL: rank() and rankExhaustive() disagree for ${mismatches} profile(s).`);
    return 1;
  }
  console.log('\nOK: rank() equals rankExhaustive() for every sampled profile.');
  return 0;
}

process.exitCode = main();
