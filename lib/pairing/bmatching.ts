import { checkCertificate, maxWeightMatching } from './blossom';

/** Candidate pairs between people 0..count-1; weights are non-negative integers. */
export interface PairGraph {
  count: number;
  /** How many partners each person may take (0 = none). */
  capacity: Int32Array;
  a: number[];
  b: number[];
  weight: number[];
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
  /** The blossom's optimality certificate held (it always should; false means a solver bug). */
  certified: boolean;
}

/**
 * Maximum-weight b-matching (each person in at most `capacity` pairs, each pair at most once) as a
 * maximum-weight matching on an expanded graph. A person with capacity c becomes c slots. A pair
 * where either side has capacity 1 is an edge between slots (it cannot be formed twice). A pair
 * where both have more goes through a gadget: two new vertices x—y joined by an
 * edge of weight w, x joined to every slot of one person and y to every slot of the other, each
 * with weight w. Either x—y is matched (w, the pair unused) or both slot edges are (2w, the pair
 * formed), so the expanded optimum is Σ gadget weights + the b-matching optimum.
 */
export function solveBMatching(graph: PairGraph): BMatching {
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
    if (capacity[u] === 1 || capacity[v] === 1) {
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
  const certificate = maxWeightMatching(expanded);
  const check = checkCertificate(expanded, certificate);
  const { mate, vertexDual2 } = certificate;
  const owner = new Int32Array(slotStart[count]!);
  for (let u = 0; u < count; u++) owner.fill(u, slotStart[u]!, slotStart[u + 1]!);
  const chosen: number[] = [];
  let total = 0;
  for (let k = 0; k < graph.a.length; k++) {
    const u = graph.a[k]!;
    const v = graph.b[k]!;
    const x = witness[k]!;
    let formed: boolean;
    if (x >= 0) {
      // Both gadget vertices on slots; x on a slot and y free weighs the same as x—y: not formed.
      formed = mate[x]! >= 0 && mate[x]! < slotStart[count]! && mate[x + 1]! >= 0 && mate[x + 1]! < slotStart[count]!;
    } else {
      formed = false;
      for (let i = slotStart[u]!; i < slotStart[u + 1]! && !formed; i++) formed = mate[i]! >= 0 && mate[i]! < slotStart[count]! && owner[mate[i]!] === v;
    }
    if (formed) {
      chosen.push(k);
      total += graph.weight[k]!;
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
  return { chosen, total, slotDual2, slotDuals, dual: check.dual - gadgetWeight, certified: check.ok && check.primal - gadgetWeight === total };
}

/** How much the dual bound rises when every slot of u is lifted to at least floor2 / 2. */
export function raiseCost(slotDuals: Float64Array, floor2: number): number {
  let cost = 0;
  for (const dual2 of slotDuals) cost += Math.max(0, floor2 - dual2) / 2;
  return cost;
}
