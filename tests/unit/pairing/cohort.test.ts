import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../lib/directory';
import { buildMatchIndex, entryProfile, rank } from '../../../lib/match';
import { seededRandom, syntheticDirectory } from '../../../lib/match/synthetic';
import { SCALE, candidatePairs, formatWeight, pairCohort, type PairingReport } from '../../../lib/pairing';
import { MATCH_MODES } from '../../../lib/profile/model';
import { person } from '../match/helpers';

const NOW = new Date('2026-06-01T12:00:00Z');

/** Exhaustive search over every set of pairs within capacities, on the whole candidate graph. */
function bruteForceUnits(entries: DirectoryEntry[], edges: [number, number, number][]): number {
  const left = entries.map((entry) => (entry.status === 'open' ? entry.capacity : 0));
  const best = (k: number): number => {
    if (k === edges.length) return 0;
    const [u, v, w] = edges[k]!;
    let value = best(k + 1);
    if (left[u]! > 0 && left[v]! > 0) {
      left[u]!--;
      left[v]!--;
      value = Math.max(value, w + best(k + 1));
      left[u]!++;
      left[v]!++;
    }
    return value;
  };
  return best(0);
}

function edgesOf(entries: DirectoryEntry[], options: Parameters<typeof candidatePairs>[1]): [number, number, number][] {
  const position = new Map(entries.map((entry, i) => [entry.id, i]));
  return [...candidatePairs(entries, options)].map(([a, b, w]) => [position.get(a.id)!, position.get(b.id)!, w]);
}

function partnersPerPerson(report: PairingReport): Map<string, number> {
  const count = new Map<string, number>();
  for (const pair of report.pairs) for (const id of [pair.a.id, pair.b.id]) count.set(id, (count.get(id) ?? 0) + 1);
  return count;
}

describe('pairCohort', () => {
  it('gives each pair the reasons and shown scores `mutual match` gives both people, and the mean unrounded score', () => {
    const entries = syntheticDirectory(60, 3);
    const report = pairCohort(entries, { mode: 'two-way', now: NOW });
    expect(report.pairs.length).toBeGreaterThan(10);
    const index = buildMatchIndex(entries);
    for (const pair of report.pairs.slice(0, 8)) {
      const [a, b] = [entries.find((e) => e.id === pair.a.id)!, entries.find((e) => e.id === pair.b.id)!];
      const forA = rank(index, entryProfile(a, 'two-way'), { mode: 'two-way', now: NOW, top: entries.length }).find((r) => r.id === b.id)!;
      const forB = rank(index, entryProfile(b, 'two-way'), { mode: 'two-way', now: NOW, top: entries.length }).find((r) => r.id === a.id)!;
      expect(pair.reasons).toEqual({ a: forA.reasons, b: forB.reasons });
      expect(pair.shownScores).toEqual({ a: forA.score, b: forB.score });
      // The factor contributions add up to each side's unrounded score.
      const unrounded = (factors: { contribution: number }[]) => factors.reduce((sum, f) => sum + f.contribution, 0);
      expect(pair.score).toBeCloseTo((unrounded(forA.explanation.factors) + unrounded(forB.explanation.factors)) / 2, 6);
    }
  }, 60_000);

  it('equals brute force over the whole candidate graph on 60 seeded cohorts of up to 12 people, in every mode', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < 60; trial++) {
      const count = 4 + Math.floor(random() * 9);
      const entries = syntheticDirectory(count, 1000 + trial).map((entry) => ({ ...entry, capacity: count > 9 ? Math.min(entry.capacity, 1) : entry.capacity }));
      const mode = MATCH_MODES[trial % MATCH_MODES.length]!;
      // A short list of 1 or 2 forces the solver to find the other pairs by pricing.
      const options = { mode, now: NOW, shortList: 1 + (trial % 2) };
      const report = pairCohort(entries, options);
      expect(report.optimal).toBe(true);
      expect(report.total, `trial ${trial}`).toBe(Number(formatWeight(bruteForceUnits(entries, edgesOf(entries, options)))));
      expect(report.upperBound).toBe(report.total);
      for (const [id, partners] of partnersPerPerson(report)) expect(partners).toBeLessThanOrEqual(entries.find((e) => e.id === id)!.capacity);
    }
  }, 60_000);

  it('never forms an excluded pair or one that breaks --require, and the optimum under the rules is brute force’s', () => {
    const entries = syntheticDirectory(11, 77).map((entry) => ({ ...entry, capacity: 1, status: 'open' as const }));
    const free = pairCohort(entries, { mode: 'two-way', now: NOW });
    const exclusions = free.pairs.slice(0, 2).map((pair) => [pair.a.id, pair.b.id] as const);
    for (const require of [['cross-generation'], ['cross-department'], ['cross-department', 'cross-generation']] as const) {
      const options = { mode: 'two-way' as const, now: NOW, exclusions, require };
      const report = pairCohort(entries, options);
      for (const pair of report.pairs) {
        expect(exclusions.some(([a, b]) => (a === pair.a.id && b === pair.b.id) || (a === pair.b.id && b === pair.a.id))).toBe(false);
        if (require.includes('cross-generation' as never)) expect(pair.a.careerStage).not.toBe(pair.b.careerStage);
        if (require.includes('cross-department' as never)) expect(pair.a.department.toLowerCase()).not.toBe(pair.b.department.toLowerCase());
      }
      expect(report.total).toBe(Number(formatWeight(bruteForceUnits(entries, edgesOf(entries, options)))));
    }
  });

  it('says why each person is left out: closed, paused, nobody to exchange with, excluded, or capacity used', () => {
    const teach = (name: string) => [{ name, level: 'expert' as const }];
    const learn = (name: string) => [{ name, priority: 'high' as const, ask: '' }];
    const entries = [
      person({ name: 'Ana', capacity: 1, teach: teach('TikTok'), learn: learn('Negotiation') }),
      person({ name: 'Ben', capacity: 1, teach: teach('Negotiation'), learn: learn('TikTok') }),
      person({ name: 'Cam', capacity: 1, teach: teach('Negotiation'), learn: learn('TikTok'), department: 'Finance' }),
      person({ name: 'Dee', capacity: 1, teach: teach('Welding'), learn: learn('Beekeeping') }),
      person({ name: 'Eve', capacity: 0, teach: teach('Negotiation'), learn: learn('TikTok') }),
      person({ name: 'Fay', status: 'paused', teach: teach('Negotiation'), learn: learn('TikTok') }),
      person({ name: 'Gus', capacity: 1, teach: teach('Figma'), learn: learn('Python') }),
      person({ name: 'Hal', capacity: 1, teach: teach('Python'), learn: learn('Figma') }),
    ];
    const id = (name: string) => entries.find((entry) => entry.name === name)!.id;
    const report = pairCohort(entries, { mode: 'two-way', now: NOW, exclusions: [[id('Gus'), id('Hal')]] });
    const reasons = Object.fromEntries(report.unmatched.map((u) => [u.person.name, u.reason]));
    // Ana can take one of Ben and Cam; the other is left with no one.
    expect(report.pairs).toHaveLength(1);
    const names = [report.pairs[0]!.a.name, report.pairs[0]!.b.name];
    expect(names).toContain('Ana');
    const leftOut = names.includes('Ben') ? 'Cam' : 'Ben';
    expect(reasons).toEqual({ [leftOut]: 'partners-taken', Dee: 'no-partner', Eve: 'closed', Fay: 'paused', Gus: 'excluded', Hal: 'excluded' });
    expect(report.unmatched.find((u) => u.person.name === 'Eve')!.why).toBe('Capacity 0: not taking partners right now.');
  });

  it('stopped by the time limit, still pairs people and bounds the optimum from above', () => {
    const entries = syntheticDirectory(80, 8);
    const exact = pairCohort(entries, { mode: 'two-way', now: NOW });
    const rushed = pairCohort(entries, { mode: 'two-way', now: NOW, timeLimitMs: 0 });
    expect(exact.optimal).toBe(true);
    expect(rushed.optimal).toBe(false);
    expect(rushed.pairs.length).toBeGreaterThan(0);
    expect(rushed.total).toBeLessThanOrEqual(exact.total);
    expect(rushed.upperBound).toBeGreaterThanOrEqual(exact.total);
  }, 60_000);

  it('reports progress as it goes: each round of the proof', () => {
    const messages: string[] = [];
    pairCohort(syntheticDirectory(120, 4), { mode: 'two-way', now: NOW, onProgress: (m) => messages.push(m) });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => /^Round \d+: \d+ candidate pairs, total \d+, \d+ people to check$/.test(m))).toBe(true);
  }, 60_000);

  it('writes scores as exact decimals of the integers it maximises', () => {
    expect(formatWeight(88_054_454_844)).toBe('88.054454844');
    expect(formatWeight(2_343_600_000)).toBe('2.3436');
    expect(formatWeight(5 * SCALE)).toBe('5');
    expect(formatWeight(7)).toBe('0.000000007');
  });
});
