import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../lib/match/synthetic';
import { solveBMatching, type PairGraph } from '../../../lib/pairing/bmatching';
import { fractionalBound, solvePairing, type CandidateList, type CandidateSource } from '../../../lib/pairing/solve';

/** Exhaustive search over every set of pairs within capacities: the independent reference. */
function bruteForce(count: number, capacity: ArrayLike<number>, weight: (u: number, v: number) => number): number {
  const pairs: [number, number, number][] = [];
  for (let u = 0; u < count; u++) for (let v = u + 1; v < count; v++) if (weight(u, v) > 0) pairs.push([u, v, weight(u, v)]);
  const left = Array.from(capacity);
  const best = (k: number): number => {
    if (k === pairs.length) return 0;
    const [u, v, w] = pairs[k]!;
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

/** A random cohort: directed scores (slightly asymmetric, as two people's own rankings can be), capacities 0..3. */
function cohort(random: Random, count: number, maxCapacity: number) {
  const directed = Array.from({ length: count }, (_, u) =>
    Array.from({ length: count }, (_, v) => (u === v || random() < 0.35 ? 0 : Math.floor(random() * (random() < 0.3 ? 4 : 100)))),
  );
  for (let u = 0; u < count; u++) for (let v = 0; v < u; v++) if (random() < 0.8) directed[u]![v] = directed[v]![u]!;
  const capacity = Int32Array.from({ length: count }, () => (random() < 0.1 ? 0 : 1 + Math.floor(random() * maxCapacity)));
  const excluded = new Set<number>();
  for (let i = 0; i < count / 3; i++) excluded.add(Math.floor(random() * count) * count + Math.floor(random() * count));
  const allowed = (u: number, v: number) => !excluded.has(u * count + v) && !excluded.has(v * count + u);
  // Integer weight = the two directions summed (so 2w ≤ bound(s) + bound(s') with bound(s) = 2s).
  const weight = (u: number, v: number) => (allowed(u, v) && capacity[u]! > 0 && capacity[v]! > 0 ? directed[u]![v]! + directed[v]![u]! : 0);
  return { directed, capacity, weight };
}

function sourceOf(count: number, capacity: Int32Array, directed: number[][], weight: (u: number, v: number) => number, top: number): CandidateSource {
  const ranked = (u: number): CandidateList => {
    const order = directed[u]!.map((score, v) => ({ score, v })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.v - b.v);
    return { positions: order.map((x) => x.v), scores: order.map((x) => x.score), threshold: 0 };
  };
  return {
    count,
    capacity,
    shortList: (u) => {
      const all = ranked(u);
      const positions = Array.from(all.positions).slice(0, top);
      return { positions, scores: Array.from(all.scores).slice(0, top), threshold: all.positions.length > top ? all.scores[top - 1]! : 0 };
    },
    fullList: ranked,
    weight: (u, v) => weight(u, v),
    bound: (score) => 2 * score,
  };
}

describe('solveBMatching', () => {
  it('equals brute force on 300 seeded random graphs of up to 9 people with capacities 0-3', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const count = 2 + Math.floor(random() * 8);
      const { capacity, weight } = cohort(random, count, 3);
      const graph: PairGraph = { count, capacity, a: [], b: [], weight: [], gadgets: new Set() };
      for (let u = 0; u < count; u++) {
        for (let v = u + 1; v < count; v++) {
          if (weight(u, v) > 0) {
            graph.a.push(u);
            graph.b.push(v);
            graph.weight.push(weight(u, v));
          }
        }
      }
      const result = solveBMatching(graph);
      expect(result.certified, `trial ${trial}`).toBe(true);
      expect(result.total, `trial ${trial}`).toBe(bruteForce(count, capacity, weight));
      expect(result.dual).toBe(result.total);
      const used = new Int32Array(count);
      for (const k of result.chosen) {
        used[graph.a[k]!]!++;
        used[graph.b[k]!]!++;
      }
      for (let u = 0; u < count; u++) expect(used[u]).toBeLessThanOrEqual(capacity[u]!);
    }
  });
});

describe('fractionalBound', () => {
  it('never falls below the optimum, and is close to it, on 300 seeded graphs with capacities', () => {
    const random = seededRandom(13);
    let slack = 0;
    let optimumSum = 0;
    for (let trial = 0; trial < 300; trial++) {
      const count = 2 + Math.floor(random() * 8);
      const { capacity, weight } = cohort(random, count, 3);
      const graph: PairGraph = { count, capacity, a: [], b: [], weight: [], gadgets: new Set() };
      for (let u = 0; u < count; u++) {
        for (let v = u + 1; v < count; v++) {
          if (weight(u, v) > 0) {
            graph.a.push(u);
            graph.b.push(v);
            graph.weight.push(weight(u, v));
          }
        }
      }
      const optimum = bruteForce(count, capacity, weight);
      const bound = fractionalBound(graph, new Float64Array(count));
      expect(bound, `trial ${trial}`).toBeGreaterThanOrEqual(optimum);
      slack += bound - optimum;
      optimumSum += optimum;
    }
    expect(slack / optimumSum).toBeLessThan(0.2);
  });
});

describe('solvePairing', () => {
  it('from short lists of 1-3 partners, proves the same optimum as brute force on 300 seeded cohorts of up to 12 people', () => {
    const random = seededRandom(5);
    let repaired = 0;
    for (let trial = 0; trial < 300; trial++) {
      const count = 2 + Math.floor(random() * 11);
      const { directed, capacity, weight } = cohort(random, count, count > 9 ? 1 : 2);
      const top = 1 + Math.floor(random() * 3);
      const solution = solvePairing(sourceOf(count, capacity, directed, weight, top));
      expect(solution.optimal, `trial ${trial}`).toBe(true);
      expect(solution.total, `trial ${trial}`).toBe(bruteForce(count, capacity, weight));
      expect(solution.upperBound).toBe(solution.total);
      expect(solution.pairs.reduce((sum, [, , w]) => sum + w, 0)).toBe(solution.total);
      if (solution.priced > 0) repaired++;
    }
    // The short lists alone were not enough in many cohorts: pricing found the missing pairs.
    expect(repaired).toBeGreaterThan(30);
  });

  it('when time runs out (before, during or after the blossom), reports a valid upper bound instead of claiming optimality', () => {
    const random = seededRandom(9);
    let gaps = 0;
    for (let trial = 0; trial < 100; trial++) {
      const count = 8 + Math.floor(random() * 5);
      const { directed, capacity, weight } = cohort(random, count, 1);
      // The clock ticks once per question, so the limit falls at a different step in each trial.
      let now = 0;
      const solution = solvePairing(sourceOf(count, capacity, directed, weight, 1), { timeLimitMs: Math.floor(random() * 40), clock: () => now++ });
      const optimum = bruteForce(count, capacity, weight);
      expect(solution.total).toBeLessThanOrEqual(optimum);
      const used = new Int32Array(count);
      for (const [u, v, w] of solution.pairs) {
        used[u]!++;
        used[v]!++;
        expect(w).toBe(weight(u, v));
      }
      for (let u = 0; u < count; u++) expect(used[u]).toBeLessThanOrEqual(capacity[u]!);
      expect(solution.upperBound, `trial ${trial}`).toBeGreaterThanOrEqual(optimum);
      if (!solution.optimal) gaps++;
      else expect(solution.total).toBe(optimum);
    }
    expect(gaps).toBeGreaterThan(0);
  });

  it('for a graph too large to prove in time, improves a greedy pairing by exact windows, reaching the optimum when one window holds everyone', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 20; trial++) {
      const count = 30 + Math.floor(random() * 30);
      const { directed, capacity, weight } = cohort(random, count, 2);
      const source = sourceOf(count, capacity, directed, weight, count);
      const exact = solvePairing(source);
      // A limit far below the estimated solve time takes the local search; the slow clock leaves it a few windows.
      let now = 0;
      const local = solvePairing(source, { timeLimitMs: 1, clock: () => (now += 0.004) });
      expect(local.optimal).toBe(false);
      expect(local.windows).toBeGreaterThan(0);
      expect(local.total, `trial ${trial}`).toBe(exact.total);
      expect(local.upperBound).toBeGreaterThanOrEqual(exact.total);
    }
  });
});
