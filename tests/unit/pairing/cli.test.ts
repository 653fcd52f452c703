import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';

const FEED = 'tests/fixtures/pairing/cohort.csv';
const EXCLUSIONS = 'tests/fixtures/pairing/exclusions.csv';
let dir: string;
const file = (name: string) => join(dir, name);

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['pair', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  // Whatever happens, no stack trace reaches the user.
  expect(stderr).not.toMatch(/\n\s+at .+:\d+/);
  return { code, stdout, stderr };
}

interface JsonReport {
  pairs: { a: { name: string; email: string }; b: { name: string; email: string }; score: number; reasons: { a: string[]; b: string[] } }[];
  unmatched: { person: { name: string }; reason: string; why: string }[];
  total: number;
  optimal: boolean;
  upperBound: number;
  summary: { pairs: number; peopleMatched: number; crossDepartment: number; crossGeneration: number; scores: { buckets: { range: string; pairs: number }[] } };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mutual-pair-'));
  await writeFile(file('nobody.json'), JSON.stringify({ format: 'mutual-directory', version: 1, name: 'Empty', generatedAt: '2026-01-01T00:00:00Z', entries: [] }));
  await writeFile(file('garbage.json'), '{ "format": "mutual-directory", "entries": [ ');
  await mkdir(file('a-folder'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mutual pair', () => {
  it('prints one JSON object with pairs, unmatched, total, optimal and summary figures', async () => {
    const { code, stdout, stderr } = await run(FEED, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.optimal).toBe(true);
    expect(report.upperBound).toBe(report.total);
    expect(report.total).toBeCloseTo(report.pairs.reduce((sum, pair) => sum + pair.score, 0), 6);
    expect(report.pairs.find((pair) => pair.a.name === 'Amara Okafor')).toMatchObject({ b: { name: 'Helen Vance' }, reasons: { a: expect.arrayContaining(['Can teach you Public speaking (expert)']) } });
    expect(report.unmatched.map((u) => [u.person.name, u.reason])).toEqual([
      ['Farah Full', 'closed'],
      ['Walt Welder', 'no-partner'],
    ]);
    expect(report.summary).toMatchObject({ pairs: report.pairs.length, peopleMatched: 9 });
    expect(report.summary.scores.buckets.reduce((sum, b) => sum + b.pairs, 0)).toBe(report.pairs.length);
    // The feed's one row without consent is skipped and said so, as `mutual directory check` would.
    expect(stderr).toContain('1 not opted in');
  });

  it('prints a readable report by default: pairs with both people’s reasons, who is left out and why, a summary', async () => {
    const { code, stdout } = await run(FEED);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^5 pairs among 11 people \(two-way mode\): total score \d+\.\d, optimal \(proved\)\./);
    expect(stdout).toContain('Amara Okafor (Data, early) + Helen Vance (Communications, executive)');
    // Each side's reasons are said to that person: the line says whom they are for, so it never reads backwards.
    expect(stdout).toMatch(/^ {7}For Amara Okafor: .*Can teach you Public speaking \(expert\)/m);
    expect(stdout).toContain('Walt Welder (Facilities, mid): Nobody in the cohort has a positive two-way score with them');
    expect(stdout).toMatch(/Cross-department\s+\d+% of pairs/);
  });

  it('honours exclusions (by email or name) and --require, and notes rows naming people not in the feed', async () => {
    const { code, stdout, stderr } = await run(FEED, '--json', '--exclude', EXCLUSIONS, '--require', 'cross-department');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    const pairs = report.pairs.map((pair) => [pair.a.name, pair.b.name].sort().join(' + '));
    expect(pairs).not.toContain('Martin Senior + Zoe Early');
    expect(pairs).not.toContain('José García + Priya Nair');
    expect(report.summary.crossDepartment).toBe(1);
    expect(stderr).toContain('Row 4: nobody in the feed has the email address "former.employee@example.com"; the row is ignored.');
  });

  it('writes the pairs as CSV for a spreadsheet, formulas kept as text', async () => {
    const { code } = await run(FEED, '-o', file('pairs.csv'), '--json');
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(await readFile(file('pairs.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual(['Person A', 'Email A', 'Department A', 'Career stage A', 'Person B', 'Email B', 'Department B', 'Career stage B', 'Score', 'Why, for A', 'Why, for B']);
    const hostile = rows.find((row) => row['Email B'] === 'formula@example.com' || row['Email A'] === 'formula@example.com')!;
    expect([hostile['Person A'], hostile['Person B']]).toContain(`'=HYPERLINK("http://evil.example","Click")`);
  });

  it('writes the whole candidate graph as a,b,weight, holding every chosen pair at its exact score', async () => {
    const { code, stdout } = await run(FEED, '--json', '--graph', file('edges.csv'));
    expect(code).toBe(0);
    const text = await readFile(file('edges.csv'), 'utf8');
    expect(text.startsWith('a,b,weight\n')).toBe(true);
    const edges = Papa.parse<{ a: string; b: string; weight: string }>(text, { header: true, skipEmptyLines: true }).data;
    const report = JSON.parse(stdout) as JsonReport;
    expect(edges.length).toBeGreaterThan(report.pairs.length);
    for (const pair of report.pairs) {
      const edge = edges.find((e) => (e.a === pair.a.email && e.b === pair.b.email) || (e.a === pair.b.email && e.b === pair.a.email));
      expect(edge?.weight).toBe(String(pair.score));
    }
    expect(edges.every((e) => Number(e.weight) > 0)).toBe(true);
    // Nobody closed appears: they are not candidates.
    expect(edges.some((e) => e.a === 'full.capacity@example.com' || e.b === 'full.capacity@example.com')).toBe(false);
  });

  it.each([
    [[], 'Missing the feed'],
    [[FEED, 'other.csv'], 'takes one feed, not 2'],
    [[FEED, '--mode', 'sideways'], '--mode must be two-way, reverse or traditional, not "sideways"'],
    [[FEED, '--require', 'cross-galaxy'], '--require must be cross-department or cross-generation, not "cross-galaxy"'],
    [[FEED, '--time-limit', 'soon'], '--time-limit must be a number of seconds from 1 to 86400, not "soon"'],
    [[FEED, '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage for wrong usage: %j', async (args, message) => {
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: mutual pair');
  });

  it('exits 1 with a clear message when the input cannot be used', async () => {
    const missing = await run(file('missing.csv'));
    expect([missing.code, missing.stderr]).toEqual([1, `mutual pair: Cannot read the feed ${file('missing.csv')}: no such file.\n`]);
    const nobody = await run(file('nobody.json'));
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('has nobody to pair: no valid, opted-in entry');
    const garbage = await run(file('garbage.json'));
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain(`The feed ${file('garbage.json')} is not readable:`);
    const badExclusions = await run(FEED, '--exclude', 'tests/fixtures/pairing/exclusions-bad.csv');
    expect(badExclusions.code).toBe(1);
    expect(badExclusions.stderr).toContain('Row 3: "martin.senior@example.com" alone; a row needs two people');
    const unwritable = await run(FEED, '-o', file('a-folder'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain(`Cannot write ${file('a-folder')}`);
  });

  it('refuses a cohort above 50,000 people with a message saying how to split it', async () => {
    const [header, row] = (await readFile(FEED, 'utf8')).replace(/^\uFEFF/, '').split('\n');
    const rows = Array.from({ length: 50_001 }, (_, i) => row!.replace('zoe.early@example.com', `p${i}@example.com`));
    await writeFile(file('huge.csv'), `${header}\n${rows.join('\n')}\n`);
    const { code, stderr } = await run(file('huge.csv'));
    expect(code).toBe(1);
    expect(stderr).toContain('has 50,001 people; mutual pair takes cohorts of up to 50,000. Split it (by region or programme) and pair each part.');
  }, 120_000);

  it('is listed in `mutual --help` and has its own --help', async () => {
    let out = '';
    expect(await main(['--help'], { stdout: (s) => (out += s), stderr: () => {} })).toBe(0);
    expect(out).toContain('mutual pair <feed>');
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--exclude <file>');
  });
});

describe('mutual pair on an Excel "CSV" saved on Windows', () => {
  it('reads the names in Windows-1252 as `mutual directory check` does, and says how it read them', async () => {
    const utf8 = await readFile(FEED, 'utf8');
    // Excel's plain CSV has no byte-order mark.
    const renamed = utf8.replace(/^\uFEFF/, '').replace('Amara Okafor', 'Zoë Björnsdóttir');
    // Windows-1252 writes each of these letters as one byte of the same number as its code point.
    await writeFile(file('windows-1252.csv'), Buffer.from(renamed, 'latin1'));
    const { code, stdout, stderr } = await run(file('windows-1252.csv'), '--json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/read as Windows-1252/);
    const report = JSON.parse(stdout) as JsonReport;
    const names = [...report.pairs.flatMap((pair) => [pair.a.name, pair.b.name]), ...report.unmatched.map((left) => left.person.name)];
    expect(names).toContain('Zoë Björnsdóttir');
  });
});
