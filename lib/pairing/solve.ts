import { raiseCost, solveBMatching, type BMatching, type PairGraph } from './bmatching';

/** A person's candidate partners by their own ranking; every unlisted v has a directed score ≤ threshold. */
export interface CandidateList {
  positions: ArrayLike<number>;
  /** Directed scores s(u→v) of the listed partners, in the source's own units. */
  scores: ArrayLike<number>;
  /** 0 when the list holds everyone u scores above 0. */
  threshold: number;
}

/**
 * What the solver needs to know about a cohort. The pair weight w(u,v) is an integer with
 * 2·w(u,v) ≤ bound(s(u→v)) + bound(s(v→u)), `bound` being monotone: that is what lets the solver
 * prove that pairs it never looked at cannot improve the optimum.
 */
export interface CandidateSource {
  count: number;
  capacity: Int32Array;
  /** u's best partners (a few). */
  shortList(u: number): CandidateList;
  /** Everyone u scores above 0 (threshold 0). */
  fullList(u: number): CandidateList;
  /** w(u,v) ≥ 0, 0 when the pair may not be formed; `forward` = s(u→v) when known. */
  weight(u: number, v: number, forward: number): number;
  /** An integer ≥ twice the share of w that a directed score s can contribute (monotone in s, 0 for 0). */
  bound(score: number): number;
}

export interface SolveOptions {
  /** Stop refining after this long and report the gap instead (default: no limit). */
  timeLimitMs?: number;
  onProgress?: (message: string) => void;
  /** The clock; tests fix it. */
  clock?: () => number;
}

export interface Solution {
  pairs: [number, number, number][];
  total: number;
  /** Proved: no b-matching of the whole cohort, with every pair considered, weighs more. */
  optimal: boolean;
  /** An upper bound on the optimum over every pair (equal to total when optimal). */
  upperBound: number;
  /** Pairs the solver's graph held at the end, of which `priced` were added after checking the duals. */
  graphPairs: number;
  priced: number;
  rounds: number;
  /** People whose whole row was scored to price their pairs. */
  scanned: number;
  /** Windows re-paired exactly by the local search (0 when the graph was small enough to prove). */
  windows: number;
}

const BOUND_PASSES = 30;

/**
 * Rough seconds one exact solve of the graph takes: the blossom's work grows with vertices × edges
 * of the expanded graph (about 1.5·10⁻⁷ s per unit measured on a 2-core machine).
 */
const SECONDS_PER_WORK = 1.5e-7;

function estimatedSeconds(graph: PairGraph): number {
  const degree = new Int32Array(graph.count);
  let edges = 0;
  for (let k = 0; k < graph.a.length; k++) {
    degree[graph.a[k]!]!++;
    degree[graph.b[k]!]!++;
    edges += graph.capacity[graph.a[k]!]! * graph.capacity[graph.b[k]!]!;
  }
  let slots = 0;
  for (let u = 0; u < graph.count; u++) if (degree[u]! > 0) slots += graph.capacity[u]!;
  return slots * edges * SECONDS_PER_WORK;
}

/** People per window of the local search: small enough that its exact solve takes a fraction of a second. */
const WINDOW = 400;

/** Each person's pairs, as CSR: the pair numbers of person u are incident[start[u]..start[u+1]], in pair order. */
function incidentPairs(graph: PairGraph): { start: Int32Array; incident: Int32Array } {
  const start = new Int32Array(graph.count + 1);
  for (let k = 0; k < graph.a.length; k++) {
    start[graph.a[k]! + 1]!++;
    start[graph.b[k]! + 1]!++;
  }
  for (let u = 0; u < graph.count; u++) start[u + 1]! += start[u]!;
  const incident = new Int32Array(start[graph.count]!);
  const fill = start.slice(0, graph.count);
  for (let k = 0; k < graph.a.length; k++) {
    incident[fill[graph.a[k]!]!++] = k;
    incident[fill[graph.b[k]!]!++] = k;
  }
  return { start, incident };
}

/**
 * For graphs too large to prove in time: a greedy pairing, then windows of nearby people (a
 * breadth-first walk of the graph from a seed) re-paired exactly among themselves, keeping every
 * pair that leaves the window, while time remains. Each step keeps the pairing valid and never
 * lowers the total; the bound comes from fractionalBound.
 */
function improveLocally(graph: Graph, floor2: Float64Array, timeUp: () => boolean, initial: readonly number[] = []): Solution {
  const { count, capacity } = graph;
  const { start, incident } = incidentPairs(graph);
  const chosen = new Uint8Array(graph.a.length);
  const room = Int32Array.from(capacity);
  for (const k of initial) {
    chosen[k] = 1;
    room[graph.a[k]!]!--;
    room[graph.b[k]!]!--;
  }
  const order = graph.weight.map((_, k) => k).sort((x, y) => graph.weight[y]! - graph.weight[x]!);
  for (const k of order) {
    if (chosen[k]) continue;
    if (room[graph.a[k]!]! > 0 && room[graph.b[k]!]! > 0) {
      chosen[k] = 1;
      room[graph.a[k]!]!--;
      room[graph.b[k]!]!--;
    }
  }
  const inWindow = new Int32Array(count).fill(-1);
  let windows = 0;
  for (let seed = 0; !timeUp(); seed = (seed + 7919) % count) {
    if (start[seed + 1] === start[seed]) continue;
    // A breadth-first window around the seed.
    const members = [seed];
    inWindow[seed] = 0;
    for (let i = 0; i < members.length && members.length < WINDOW; i++) {
      const u = members[i]!;
      for (let j = start[u]!; j < start[u + 1]! && members.length < WINDOW; j++) {
        const k = incident[j]!;
        const v = graph.a[k] === u ? graph.b[k]! : graph.a[k]!;
        if (inWindow[v] === -1) {
          inWindow[v] = members.length;
          members.push(v);
        }
      }
    }
    const sub: PairGraph = { count: members.length, capacity: new Int32Array(members.length), a: [], b: [], weight: [], gadgets: new Set() };
    const edges: number[] = [];
    let current = 0;
    members.forEach((u, i) => {
      sub.capacity[i] = capacity[u]!;
      for (let j = start[u]!; j < start[u + 1]!; j++) {
        const k = incident[j]!;
        const v = graph.a[k] === u ? graph.b[k]! : graph.a[k]!;
        if (inWindow[v] === -1) {
          if (chosen[k]) sub.capacity[i]!--;
        } else if (u === graph.a[k]) {
          sub.a.push(i);
          sub.b.push(inWindow[v]!);
          sub.weight.push(graph.weight[k]!);
          edges.push(k);
          if (chosen[k]) current += graph.weight[k]!;
        }
      }
    });
    const better = solveBMatching(sub, timeUp);
    if (better.total > current) {
      for (const k of edges) chosen[k] = 0;
      for (const k of better.chosen) chosen[edges[k]!] = 1;
    }
    for (const u of members) inWindow[u] = -1;
    windows++;
  }
  const pairs: [number, number, number][] = [];
  let total = 0;
  for (let k = 0; k < graph.a.length; k++) {
    if (!chosen[k]) continue;
    pairs.push([graph.a[k]!, graph.b[k]!, graph.weight[k]!]);
    total += graph.weight[k]!;
  }
  return {
    pairs,
    total,
    optimal: false,
    upperBound: Math.max(total, fractionalBound(graph, floor2)),
    graphPairs: graph.a.length,
    priced: 0,
    rounds: 0,
    scanned: 0,
    windows,
  };
}

/**
 * An upper bound from the LP relaxation without odd-set constraints, which is cheap to get close
 * to: minimise Σ c(u)·θ(u) + Σ_pairs max(0, w − θ(a) − θ(b)) over θ(u) ≥ floor(u)/2 (the floor
 * covers every pair outside the graph), by exact coordinate steps (θ(u) = the c(u)-th largest
 * w − θ(v) over u's pairs). Any such θ is dual feasible, so every value is a valid bound.
 */
export function fractionalBound(graph: PairGraph, floor2: Float64Array, passes = BOUND_PASSES): number {
  const { count, capacity } = graph;
  const { start, incident } = incidentPairs(graph);
  // Side by side for the passes below: each incident pair's other person and weight.
  const other = new Int32Array(incident.length);
  const weight = new Float64Array(incident.length);
  for (let u = 0; u < count; u++) {
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const k = incident[i]!;
      other[i] = graph.a[k] === u ? graph.b[k]! : graph.a[k]!;
      weight[i] = graph.weight[k]!;
    }
  }
  const theta = Float64Array.from(floor2, (f) => f / 2);
  const values: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (let u = 0; u < count; u++) {
      if (capacity[u] === 0) continue;
      values.length = 0;
      for (let i = start[u]!; i < start[u + 1]!; i++) values.push(weight[i]! - theta[other[i]!]!);
      values.sort((x, y) => y - x);
      theta[u] = Math.max(floor2[u]! / 2, values[capacity[u]! - 1] ?? 0, 0);
    }
  }
  let bound = 0;
  for (let u = 0; u < count; u++) bound += capacity[u]! * theta[u]!;
  for (let k = 0; k < graph.a.length; k++) bound += Math.max(0, graph.weight[k]! - theta[graph.a[k]!]! - theta[graph.b[k]!]!);
  return bound;
}

/**
 * A proof cut short: the local search improves its pairs with the time held back; the solve's duals
 * still cover the graph, and lifting every short person covers the rest, so either bound holds.
 */
function stopped(graph: Graph, solution: BMatching, floor2: Float64Array, timeUp: () => boolean, counts: { priced: number; rounds: number; scanned: number }): Solution {
  let lift = 0;
  for (let u = 0; u < graph.count; u++) if (graph.capacity[u]! > 0) lift += raiseCost(solution.slotDuals[u]!, floor2[u]!);
  const improved = improveLocally(graph, floor2, timeUp, solution.chosen);
  return { ...improved, ...counts, upperBound: Math.max(improved.total, Math.min(solution.dual + lift, improved.upperBound)) };
}

/** Share of the time left after scoring that the proof may use; the rest is held back for the local search. */
const PROOF_SHARE = 0.75;

class Graph implements PairGraph {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly weight: number[] = [];
  readonly gadgets = new Set<number>();
  private readonly keys = new Set<number>();

  readonly count: number;
  readonly capacity: Int32Array;
  constructor(
    count: number,
    capacity: Int32Array,
  ) {
    this.count = count;
    this.capacity = capacity;
  }

  has(u: number, v: number): boolean {
    return this.keys.has(u < v ? u * this.count + v : v * this.count + u);
  }

  add(u: number, v: number, w: number): void {
    const key = u < v ? u * this.count + v : v * this.count + u;
    if (w <= 0 || this.keys.has(key)) return;
    this.keys.add(key);
    this.a.push(Math.min(u, v));
    this.b.push(Math.max(u, v));
    this.weight.push(w);
  }
}

/**
 * Optimal pairing by column generation on a sparse graph. Start from everyone's short list; solve
 * exactly (blossom with a certificate); then price the pairs left out with the duals: a left-out
 * pair (u, v) can only improve the optimum if 2·w(u,v) > d(u) + d(v), d being the smallest doubled
 * slot dual of each. Since v is not on u's short list and u not on v's, 2·w(u,v) ≤ t(u) + t(v) with
 * t = bound(threshold); so only people with d(u) < t(u) ("short") can have such a pair, and only
 * their rows need scoring. Add the violating pairs, solve again, until none: then the duals cover
 * every pair of the cohort and the matching is optimal over all of them. If time runs out, lifting
 * every unverified short person's slots to t(u)/2 makes the duals feasible for every pair, which
 * gives the reported upper bound. A graph too large to prove in the time left, or a proof cut
 * short, goes to the local search (improveLocally) instead.
 */
export function solvePairing(source: CandidateSource, options: SolveOptions = {}): Solution {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const progress = options.onProgress ?? (() => {});
  const { count, capacity } = source;
  const graph = new Graph(count, capacity);
  const floor2 = new Float64Array(count);
  for (let u = 0; u < count; u++) {
    const list = capacity[u]! > 0 ? source.shortList(u) : { positions: [], scores: [], threshold: 0 };
    floor2[u] = source.bound(list.threshold);
    for (let i = 0; i < list.positions.length; i++) {
      const v = list.positions[i]!;
      if (capacity[v]! > 0 && !graph.has(u, v)) graph.add(u, v, source.weight(u, v, list.scores[i]!));
    }
    if (u % 1000 === 999) progress(`Scored ${u + 1} of ${count} people`);
  }
  const rows: (CandidateList | undefined)[] = new Array(count);
  const timeUp = () => options.timeLimitMs !== undefined && clock() - started > options.timeLimitMs;
  if (options.timeLimitMs !== undefined && estimatedSeconds(graph) > (options.timeLimitMs - (clock() - started)) / 2000) {
    progress(`${graph.a.length} candidate pairs: too many to prove in time; improving a greedy pairing window by window`);
    return improveLocally(graph, floor2, timeUp);
  }
  const proofEnds = options.timeLimitMs === undefined ? Infinity : clock() - started + PROOF_SHARE * (options.timeLimitMs - (clock() - started));
  const proofTimeUp = () => clock() - started > proofEnds;
  let priced = 0;
  let rounds = 0;
  for (;;) {
    rounds++;
    const solution = solveBMatching(graph, proofTimeUp);
    if (!solution.complete) return stopped(graph, solution, floor2, timeUp, { priced, rounds, scanned: rows.filter(Boolean).length });
    const short: number[] = [];
    for (let u = 0; u < count; u++) if (capacity[u]! > 0 && solution.slotDual2[u]! < floor2[u]!) short.push(u);
    progress(`Round ${rounds}: ${graph.a.length} candidate pairs, total ${solution.total}, ${short.length} people to check`);
    const unverified = new Set(short);
    const violations: [number, number, number][] = [];
    for (const u of short) {
      if (proofTimeUp()) break;
      const row = (rows[u] ??= source.fullList(u));
      for (let i = 0; i < row.positions.length; i++) {
        const v = row.positions[i]!;
        if (capacity[v] === 0 || graph.has(u, v)) continue;
        const covered = solution.slotDual2[u]! + solution.slotDual2[v]!;
        if (source.bound(row.scores[i]!) + floor2[v]! <= covered) continue;
        const w = source.weight(u, v, row.scores[i]!);
        if (2 * w > covered) violations.push([u, v, w]);
      }
      unverified.delete(u);
    }
    const finished = violations.length === 0 && unverified.size === 0;
    if (finished || proofTimeUp()) {
      for (const [u, v, w] of violations) graph.add(u, v, w);
      const final = violations.length ? solveBMatching(graph, proofTimeUp) : solution;
      if (violations.length) rounds++;
      if (!final.complete) return stopped(graph, final, floor2, timeUp, { priced, rounds, scanned: rows.filter(Boolean).length });
      let lift = 0;
      // Unverified people, and everyone when new pairs changed the duals, get the lift.
      for (let u = 0; u < count; u++) {
        if (capacity[u]! > 0 && (violations.length > 0 || unverified.has(u))) lift += raiseCost(final.slotDuals[u]!, floor2[u]!);
      }
      const proved = final.certified && finished;
      return {
        pairs: final.chosen.map((k) => [graph.a[k]!, graph.b[k]!, graph.weight[k]!]),
        total: final.total,
        optimal: proved,
        upperBound: proved ? final.total : Math.max(final.total, Math.min(final.dual + lift, fractionalBound(graph, floor2))),
        graphPairs: graph.a.length,
        priced,
        rounds,
        scanned: rows.filter(Boolean).length,
        windows: 0,
      };
    }
    for (const [u, v, w] of violations) graph.add(u, v, w);
    priced += violations.length;
  }
}
