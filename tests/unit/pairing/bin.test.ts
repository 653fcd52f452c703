import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * End to end: the real `mutual` executable (bin/mutual.mjs, as npm installs it) run as a program
 * lead would, on a form-export fixture, checking the files it writes.
 */
const run = promisify(execFile);
let dir: string;

async function mutual(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mutual.mjs', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mutual-pair-bin-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bin/mutual.mjs pair', () => {
  it('pairs the fixture cohort and writes the pairs CSV and the audit graph that agree with its JSON', async () => {
    const pairsFile = join(dir, 'pairs.csv');
    const graphFile = join(dir, 'edges.csv');
    const { code, stdout, stderr } = await mutual('pair', 'tests/fixtures/pairing/cohort.csv', '--json', '-o', pairsFile, '--graph', graphFile, '--exclude', 'tests/fixtures/pairing/exclusions.csv');
    expect(stderr).not.toMatch(/\n\s+at .+:\d+/);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { pairs: { a: { email: string }; b: { email: string }; score: number }[]; total: number; optimal: boolean };
    expect(report.optimal).toBe(true);

    const pairs = Papa.parse<Record<string, string>>(await readFile(pairsFile, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(pairs.map((row) => [row['Email A'], row['Email B'], Number(row.Score)])).toEqual(report.pairs.map((pair) => [pair.a.email, pair.b.email, pair.score]));

    const graph = Papa.parse<{ a: string; b: string; weight: string }>(await readFile(graphFile, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const weightOf = new Map(graph.map((edge) => [[edge.a, edge.b].sort().join(' '), edge.weight]));
    for (const pair of report.pairs) expect(weightOf.get([pair.a.email, pair.b.email].sort().join(' '))).toBe(String(pair.score));
    // Excluded pairs are not in the graph the optimum is taken over.
    expect(weightOf.has(['martin.senior@example.com', 'zoe.early@example.com'].sort().join(' '))).toBe(false);
    // The audit the graph is for: an independent exhaustive search over it, with the feed's capacities, finds the same optimum.
    const feed = Papa.parse<Record<string, string>>((await readFile('tests/fixtures/pairing/cohort.csv', 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const room = new Map(feed.map((row) => [row['Email address']!.toLowerCase(), Number(row['How many partners can you take on?'])]));
    const best = (k: number): number => {
      if (k === graph.length) return 0;
      const { a, b, weight } = graph[k]!;
      let value = best(k + 1);
      if (room.get(a)! > 0 && room.get(b)! > 0) {
        room.set(a, room.get(a)! - 1);
        room.set(b, room.get(b)! - 1);
        value = Math.max(value, Math.round(Number(weight) * 1e9) + best(k + 1));
        room.set(a, room.get(a)! + 1);
        room.set(b, room.get(b)! + 1);
      }
      return value;
    };
    expect(best(0)).toBe(Math.round(report.total * 1e9));
  }, 90_000);

  it('exits 2 on wrong usage and 1 on an unreadable feed, with a message and no stack trace', async () => {
    const usage = await mutual('pair', 'tests/fixtures/pairing/cohort.csv', '--mode', 'sideways');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--mode must be two-way, reverse or traditional, not "sideways".');
    const missing = await mutual('pair', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`mutual pair: Cannot read the feed ${join(dir, 'nope.csv')}: no such file.\n`);
  }, 90_000);
});
