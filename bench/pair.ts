/**
 * Cohort pairing benchmark: `npx tsx bench/pair.ts [--sizes 300,1000,10000] [--seed 42] [--time-limit 40]`.
 *
 * Generates seeded, realistic cohorts (lib/match's synthetic directory), pairs each with
 * pairCohort in two-way mode, and prints per size and capacity setting: wall and CPU time (the
 * machine may be shared), total, whether
 * optimality was proved, the upper bound and gap, the graph the solver needed, and the peak memory
 * (maxRSS of a child process per run, so runs do not inherit each other's heap); "rounds" are the
 * proof's pricing rounds, "windows" the local search's exact re-pairings when the graph is too
 * large to prove within the time limit. Two capacity
 * settings: "feed" keeps the generator's capacities (0-3, 10% closed, 5% paused); "one" gives every
 * open person capacity 1 (a classic one-partner-each cohort round).
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { syntheticDirectory } from '../lib/match/synthetic';
import { pairCohort } from '../lib/pairing';

const NOW = new Date('2026-06-01T12:00:00Z');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,1000,10000' },
    seed: { type: 'string', default: '42' },
    'time-limit': { type: 'string', default: '40' },
    /** Internal: run one case in this process and print its figures as JSON. */
    one: { type: 'string' },
  },
});
const seed = Number(values.seed);
const timeLimitMs = Number(values['time-limit']) * 1000;

interface Figures {
  size: number;
  capacities: string;
  seconds: number;
  /** CPU time of the run: the wall time on a shared machine includes waiting for other processes. */
  cpuSeconds: number;
  pairs: number;
  total: number;
  optimal: boolean;
  upperBound: number;
  candidatePairs: number;
  rounds: number;
  windows: number;
  peakMb: number;
}

function runOne(size: number, capacities: string): Figures {
  const entries = syntheticDirectory(size, seed).map((entry) => (capacities === 'one' && entry.capacity > 1 ? { ...entry, capacity: 1 } : entry));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = pairCohort(entries, { mode: 'two-way', now: NOW, timeLimitMs });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    size,
    capacities,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    pairs: report.pairs.length,
    total: report.total,
    optimal: report.optimal,
    upperBound: report.upperBound,
    candidatePairs: report.solver.candidatePairs,
    rounds: report.solver.rounds,
    windows: report.solver.localSearchWindows,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (values.one) {
  const [size, capacities] = values.one.split(':');
  console.log(JSON.stringify(runOne(Number(size), capacities!)));
} else {
  console.log(`Mutual cohort pairing benchmark: two-way mode, seed ${seed}, time limit ${timeLimitMs / 1000} s\n`);
  console.log(`  ${'people'.padStart(6)}  ${'capacity'.padEnd(8)}  ${'time'.padStart(8)}  ${'CPU'.padStart(8)}  ${'pairs'.padStart(5)}  ${'total'.padStart(12)}  ${'optimal'.padEnd(7)}  ${'upper bound'.padStart(12)}  ${'gap'.padStart(7)}  ${'graph'.padStart(7)}  ${'rounds'.padStart(6)}  ${'windows'.padStart(7)}  ${'peak RSS'.padStart(9)}`);
  for (const size of values.sizes.split(',').map(Number)) {
    for (const capacities of ['one', 'feed']) {
      const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--one', `${size}:${capacities}`, '--seed', String(seed), '--time-limit', values['time-limit']], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const f = JSON.parse(output.trim().split('\n').pop()!) as Figures;
      const gap = f.upperBound > 0 ? (100 * (f.upperBound - f.total)) / f.upperBound : 0;
      console.log(
        `  ${String(f.size).padStart(6)}  ${f.capacities.padEnd(8)}  ${`${f.seconds.toFixed(1)} s`.padStart(8)}  ${`${f.cpuSeconds.toFixed(1)} s`.padStart(8)}  ${String(f.pairs).padStart(5)}  ${f.total.toFixed(2).padStart(12)}  ${(f.optimal ? 'proved' : 'no').padEnd(7)}  ${f.upperBound.toFixed(2).padStart(12)}  ${`${gap.toFixed(2)}%`.padStart(7)}  ${String(f.candidatePairs).padStart(7)}  ${String(f.rounds).padStart(6)}  ${String(f.windows).padStart(7)}  ${`${f.peakMb.toFixed(0)} MB`.padStart(9)}`,
      );
    }
  }
}
