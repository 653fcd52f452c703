import { checkCertificate, maxWeightMatching } from './blossom';

/** Candidate pairs between people 0..count-1; weights are non-negative integers. */
export interface PairGraph {
  count: number;
  /** How many partners each person may take (0 = none). */
  capacity: Int32Array;
  a: number[];
  b: number[];
  weight: number[];
  /** Pairs (edge indexes) that need the gadget; solveBMatching adds every pair it found formed twice. */
  gadgets: Set<number>;
}

export interface BMatching {
  /** Indexes into the graph's edges that are formed. */
  chosen: number[];
  /** Σ weights of the chosen pairs. */
  total: number;
  /**
   * Per person, the smallest doubled dual 2·y over the slots the person has (0 when a slot is free):
   * a pair (u, v) left out of the graph cannot improve the optimum if 2·weight ≤ slotDual2[u] + slotDual2[v].
   */
  slotDual2: Float64Array;
  /** Per person, the doubled duals 2·y of all its slots (free ones at 0): see `raiseCost`. */
  slotDuals: Float64Array[];
  /** The LP dual objective in pair-weight terms: an upper bound on every b-matching of this graph. */
  dual: number;
  /** The blossom's optimality certificate held (false when stopped early; otherwise it always should). */
  certified: boolean;
  /** False when `stop` cut the solve short: the pairs are then completed greedily. */
  complete: boolean;
}

/**
 * Maximum-weight b-matching (each person in at most `capacity` pairs, each pair at most once) as a
 * maximum-weight matching on an expanded graph. A person with capacity c becomes c slots, and a
 * pair becomes an edge between every slot of one and every slot of the other. That is a
 * relaxation: a pair of two people with capacity ≥ 2 could be formed twice. When the optimum forms
 * no pair twice it is feasible, so optimal. Otherwise those pairs go through a gadget and the graph
 * is solved again: two new vertices x—y joined by an edge of weight w, x joined to every slot of
 * one person and y to every slot of the other, each with weight w. Either x—y is matched (w, the
 * pair unused) or both slot edges are (2w, the pair formed once), so the expanded optimum is
 * Σ gadget weights + the b-matching optimum. Gadgets cost vertices, hence only where needed.
 */
export function solveBMatching(graph: PairGraph, stop?: () => boolean): BMatching {
  for (;;) {
    const result = solveExpanded(graph, stop);
    if (!result.matching.complete) return completeGreedily(graph, result.matching);
    if (result.twice.length === 0) return result.matching;
    for (const k of result.twice) graph.gadgets.add(k);
  }
}

/** Adds pairs, heaviest first, while both people have room: a stopped solve still pairs everyone it can. */
function completeGreedily(graph: PairGraph, matching: BMatching): BMatching {
  const room = Int32Array.from(graph.capacity);
  const formed = new Set(matching.chosen);
  let total = 0;
  for (const k of formed) {
    room[graph.a[k]!]!--;
    room[graph.b[k]!]!--;
    total += graph.weight[k]!;
  }
  const order = graph.weight.map((_, k) => k).sort((x, y) => graph.weight[y]! - graph.weight[x]!);
  for (const k of order) {
    if (formed.has(k) || room[graph.a[k]!]! <= 0 || room[graph.b[k]!]! <= 0) continue;
    formed.add(k);
    room[graph.a[k]!]!--;
    room[graph.b[k]!]!--;
    total += graph.weight[k]!;
  }
  return { ...matching, chosen: [...formed], total, certified: false };
}

function solveExpanded(graph: PairGraph, stop?: () => boolean): { matching: BMatching; twice: number[] } {
  const { count, capacity } = graph;
  const degree = new Int32Array(count);
  for (let k = 0; k < graph.a.length; k++) {
    degree[graph.a[k]!]!++;
    degree[graph.b[k]!]!++;
  }
  const slotStart = new Int32Array(count + 1);
  // Slots for everyone with a candidate; someone without one has only free slots (dual 0).
  for (let u = 0; u < count; u++) slotStart[u + 1] = slotStart[u]! + (degree[u]! > 0 ? capacity[u]! : 0);
  let vertexCount = slotStart[count]!;
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  /** Per pair: the expanded vertex whose partner says whether the pair is formed. */
  const witness = new Int32Array(graph.a.length);
  let gadgetWeight = 0;
  for (let k = 0; k < graph.a.length; k++) {
    const u = graph.a[k]!;
    const v = graph.b[k]!;
    const w = graph.weight[k]!;
    if (!graph.gadgets.has(k)) {
      for (let i = slotStart[u]!; i < slotStart[u + 1]!; i++) {
        for (let j = slotStart[v]!; j < slotStart[v + 1]!; j++) {
          from.push(i);
          to.push(j);
          weight.push(w);
        }
      }
      witness[k] = -1;
    } else {
      const x = vertexCount++;
      const y = vertexCount++;
      for (let i = slotStart[u]!; i < slotStart[u + 1]!; i++) {
        from.push(i);
        to.push(x);
        weight.push(w);
      }
      from.push(x);
      to.push(y);
      weight.push(w);
      for (let j = slotStart[v]!; j < slotStart[v + 1]!; j++) {
        from.push(y);
        to.push(j);
        weight.push(w);
      }
      witness[k] = x;
      gadgetWeight += w;
    }
  }
  const expanded = { vertexCount, from: Int32Array.from(from), to: Int32Array.from(to), weight: Float64Array.from(weight) };
  const certificate = maxWeightMatching(expanded, stop);
  const check = checkCertificate(expanded, certificate);
  const { mate, vertexDual2 } = certificate;
  const owner = new Int32Array(slotStart[count]!);
  for (let u = 0; u < count; u++) owner.fill(u, slotStart[u]!, slotStart[u + 1]!);
  const chosen: number[] = [];
  const twice: number[] = [];
  let total = 0;
  for (let k = 0; k < graph.a.length; k++) {
    const u = graph.a[k]!;
    const v = graph.b[k]!;
    const x = witness[k]!;
    let times = 0;
    if (x >= 0) {
      // Both gadget vertices on slots; x on a slot and y free weighs the same as x—y: not formed.
      if (mate[x]! >= 0 && mate[x]! < slotStart[count]! && mate[x + 1]! >= 0 && mate[x + 1]! < slotStart[count]!) times = 1;
    } else {
      for (let i = slotStart[u]!; i < slotStart[u + 1]!; i++) if (mate[i]! >= 0 && mate[i]! < slotStart[count]! && owner[mate[i]!] === v) times++;
    }
    if (times > 1) twice.push(k);
    // A stopped solve may leave a pair formed twice: it counts once (the relaxation's extra copy is dropped).
    if (!certificate.complete) times = Math.min(times, 1);
    if (times > 0) {
      chosen.push(k);
      total += times * graph.weight[k]!;
    }
  }
  const slotDual2 = new Float64Array(count);
  const slotDuals: Float64Array[] = [];
  for (let u = 0; u < count; u++) {
    const own = vertexDual2.slice(slotStart[u]!, slotStart[u + 1]!);
    // A person without candidates has free slots, with dual 0.
    const free = Math.max(0, capacity[u]! - own.length);
    const all = free > 0 ? Float64Array.from([...own, ...new Array<number>(free).fill(0)]) : own;
    slotDuals.push(all);
    slotDual2[u] = all.length ? Math.min(...all) : 0;
  }
  const matching: BMatching = {
    chosen,
    total,
    slotDual2,
    slotDuals,
    dual: check.feasible ? check.dual - gadgetWeight : Infinity,
    certified: certificate.complete && check.ok && check.primal - gadgetWeight === total,
    complete: certificate.complete,
  };
  return { matching, twice };
}

/** How much the dual bound rises when every slot of u is lifted to at least floor2 / 2. */
export function raiseCost(slotDuals: Float64Array, floor2: number): number {
  let cost = 0;
  for (const dual2 of slotDuals) cost += Math.max(0, floor2 - dual2) / 2;
  return cost;
}
