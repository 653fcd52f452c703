/**
 * Maximum-weight matching on a general graph: Edmonds' blossom algorithm in Galil's primal-dual
 * formulation (Galil 1986, "Efficient algorithms for finding maximum matching in graphs"), the
 * O(n³) variant with least-slack edges per vertex and per blossom. Weights must be non-negative
 * integers below 2^50 so every dual value stays an exact integer in a double; callers scale scores.
 *
 * Vertex duals are kept doubled (dual2[v] = 2·y(v)) and blossom duals as z(B), so every number stays
 * an integer. The returned duals are the certificate: `checkCertificate` proves optimality
 * independently of how they were found.
 */

export interface WeightedEdges {
  /** Vertices are 0..vertexCount-1. */
  vertexCount: number;
  from: Int32Array;
  to: Int32Array;
  /** Non-negative integers. */
  weight: Float64Array;
}

export interface MatchingCertificate {
  /** mate[v] = the vertex v is matched to, or -1. */
  mate: Int32Array;
  /** 2·y(v) for each vertex. */
  vertexDual2: Float64Array;
  /** The blossoms left with a positive dual at the end: their vertices and z. */
  blossoms: { vertices: number[]; dual: number }[];
  /**
   * False when `stop` ended the search early: the matching is then valid but maybe not optimal,
   * and the duals still cover every edge, so their objective is an upper bound.
   */
  complete: boolean;
}

/** `list[i]`, where a negative `i` counts from the end (Python's indexing, which the algorithm is written in). */
function at(list: readonly number[], i: number): number {
  return list[i < 0 ? i + list.length : i]!;
}

/**
 * Which way round a blossom's cycle to walk from child `i` to its base (child 0): forwards from an odd
 * child (as a negative index), backwards from an even one, with the matching trick for the endpoints.
 */
function walkAround(i: number, length: number): { start: number; jstep: number; endptrick: number } {
  return i & 1 ? { start: i - length, jstep: 1, endptrick: 0 } : { start: i, jstep: -1, endptrick: 1 };
}

/** `stop` is asked between stages (one augmentation each); answering true ends the search early. */
export function maxWeightMatching(graph: WeightedEdges, stop?: () => boolean): MatchingCertificate {
  const n = graph.vertexCount;
  const edgeCount = graph.from.length;
  const { from, to, weight } = graph;
  const mateOut = new Int32Array(n).fill(-1);
  if (edgeCount === 0 || n === 0) return { mate: mateOut, vertexDual2: new Float64Array(n), blossoms: [], complete: true };

  let maxWeight = 0;
  for (let k = 0; k < edgeCount; k++) maxWeight = Math.max(maxWeight, weight[k]!);

  // Endpoint p of edge k: p = 2k is `from`, 2k+1 is `to`.
  const endpoint = new Int32Array(2 * edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    endpoint[2 * k] = from[k]!;
    endpoint[2 * k + 1] = to[k]!;
  }
  // neighbend: remote endpoints of the edges at each vertex, in CSR form.
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < edgeCount; k++) {
    degree[from[k]! + 1]!++;
    degree[to[k]! + 1]!++;
  }
  for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
  const neighbourStart = degree.slice();
  const neighbend = new Int32Array(2 * edgeCount);
  const fill = neighbourStart.slice(0, n);
  for (let k = 0; k < edgeCount; k++) {
    neighbend[fill[from[k]!]!++] = 2 * k + 1;
    neighbend[fill[to[k]!]!++] = 2 * k;
  }

  const size = 2 * n;
  /** mate[v]: the remote endpoint of v's matched edge, or -1. */
  const mate = new Int32Array(n).fill(-1);
  /** 0 free, 1 S, 2 T (5 = S with a breadcrumb while scanning). */
  const label = new Int8Array(size);
  const labelend = new Int32Array(size).fill(-1);
  const inblossom = new Int32Array(n);
  for (let v = 0; v < n; v++) inblossom[v] = v;
  const blossomparent = new Int32Array(size).fill(-1);
  const blossomchilds: (number[] | null)[] = new Array(size).fill(null);
  const blossombase = new Int32Array(size).fill(-1);
  for (let v = 0; v < n; v++) blossombase[v] = v;
  const blossomendps: (number[] | null)[] = new Array(size).fill(null);
  const bestedge = new Int32Array(size).fill(-1);
  const blossombestedges: (number[] | null)[] = new Array(size).fill(null);
  const unusedblossoms: number[] = [];
  for (let b = size - 1; b >= n; b--) unusedblossoms.push(b);
  const dualvar = new Float64Array(size);
  for (let v = 0; v < n; v++) dualvar[v] = maxWeight;
  const allowedge = new Uint8Array(edgeCount);
  const queue: number[] = [];

  const slack = (k: number) => dualvar[from[k]!]! + dualvar[to[k]!]! - 2 * weight[k]!;

  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < n) out.push(b);
    else for (const t of blossomchilds[b]!) leaves(t, out);
    return out;
  };

  const assignLabel = (w: number, t: number, p: number): void => {
    for (;;) {
      const b = inblossom[w]!;
      label[w] = label[b] = t;
      labelend[w] = labelend[b] = p;
      bestedge[w] = bestedge[b] = -1;
      if (t === 1) {
        if (b < n) queue.push(b);
        else for (const v of leaves(b)) queue.push(v);
        return;
      }
      // A T-blossom: its base's mate becomes S.
      const base = blossombase[b]!;
      const m = mate[base]!;
      w = endpoint[m]!;
      t = 1;
      p = m ^ 1;
    }
  };

  /** Traces back from v and w: the base of a new blossom, or -1 for an augmenting path. */
  const scanBlossom = (v: number, w: number): number => {
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inblossom[v]!;
      if (label[b]! & 4) {
        base = blossombase[b]!;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelend[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelend[b]!]!;
        b = inblossom[v]!;
        v = endpoint[labelend[b]!]!;
      }
      if (w !== -1) {
        const swap = v;
        v = w;
        w = swap;
      }
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = from[k]!;
    let w = to[k]!;
    const bb = inblossom[base]!;
    let bv = inblossom[v]!;
    let bw = inblossom[w]!;
    const b = unusedblossoms.pop()!;
    blossombase[b] = base;
    blossomparent[b] = -1;
    blossomparent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomparent[bv] = b;
      path.push(bv);
      endps.push(labelend[bv]!);
      v = endpoint[labelend[bv]!]!;
      bv = inblossom[v]!;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomparent[bw] = b;
      path.push(bw);
      endps.push(labelend[bw]! ^ 1);
      w = endpoint[labelend[bw]!]!;
      bw = inblossom[w]!;
    }
    blossomchilds[b] = path;
    blossomendps[b] = endps;
    label[b] = 1;
    labelend[b] = labelend[bb]!;
    dualvar[b] = 0;
    for (const leaf of leaves(b)) {
      if (label[inblossom[leaf]!] === 2) queue.push(leaf);
      inblossom[leaf] = b;
    }
    // Least-slack edges from the new blossom to each neighbouring S-blossom.
    const bestedgeto = new Map<number, number>();
    const consider = (edge: number) => {
      let j = to[edge]!;
      if (inblossom[j] === b) j = from[edge]!;
      const bj = inblossom[j]!;
      if (bj === b || label[bj] !== 1) return;
      const current = bestedgeto.get(bj);
      if (current === undefined || slack(edge) < slack(current)) bestedgeto.set(bj, edge);
    };
    for (const sub of path) {
      const list = blossombestedges[sub];
      if (!list) {
        for (const leaf of leaves(sub)) for (let i = neighbourStart[leaf]!; i < neighbourStart[leaf + 1]!; i++) consider(neighbend[i]! >> 1);
      } else {
        for (const edge of list) consider(edge);
      }
      blossombestedges[sub] = null;
      bestedge[sub] = -1;
    }
    const list = [...bestedgeto.values()];
    blossombestedges[b] = list;
    let best = -1;
    for (const edge of list) if (best === -1 || slack(edge) < slack(best)) best = edge;
    bestedge[b] = best;
  };

  const expandBlossom = (b: number, endstage: boolean): void => {
    const childs = blossomchilds[b]!;
    for (const s of childs) {
      blossomparent[s] = -1;
      if (s < n) inblossom[s] = s;
      else if (endstage && dualvar[s] === 0) expandBlossom(s, endstage);
      else for (const leaf of leaves(s)) inblossom[leaf] = s;
    }
    if (!endstage && label[b] === 2) {
      // Relabel the sub-blossoms of an expanding T-blossom from where it was entered to its base.
      const endps = blossomendps[b]!;
      const entrychild = inblossom[endpoint[labelend[b]! ^ 1]!]!;
      const { start, jstep, endptrick } = walkAround(childs.indexOf(entrychild), childs.length);
      let j = start;
      let p = labelend[b]!;
      while (j !== 0) {
        label[endpoint[p ^ 1]!] = 0;
        label[endpoint[at(endps, j - endptrick) ^ endptrick ^ 1]!] = 0;
        assignLabel(endpoint[p ^ 1]!, 2, p);
        allowedge[at(endps, j - endptrick) >> 1] = 1;
        j += jstep;
        p = at(endps, j - endptrick) ^ endptrick;
        allowedge[p >> 1] = 1;
        j += jstep;
      }
      let bv = at(childs, j);
      label[endpoint[p ^ 1]!] = label[bv] = 2;
      labelend[endpoint[p ^ 1]!] = labelend[bv] = p;
      bestedge[bv] = -1;
      j += jstep;
      while (at(childs, j) !== entrychild) {
        bv = at(childs, j);
        if (label[bv] === 1) {
          j += jstep;
          continue;
        }
        let reached = -1;
        for (const leaf of leaves(bv)) {
          if (label[leaf] !== 0) {
            reached = leaf;
            break;
          }
        }
        if (reached >= 0) {
          label[reached] = 0;
          label[endpoint[mate[blossombase[bv]!]!]!] = 0;
          assignLabel(reached, 2, labelend[reached]!);
        }
        j += jstep;
      }
    }
    label[b] = -1;
    labelend[b] = -1;
    blossomchilds[b] = null;
    blossomendps[b] = null;
    blossombase[b] = -1;
    blossombestedges[b] = null;
    bestedge[b] = -1;
    unusedblossoms.push(b);
  };

  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomparent[t] !== b) t = blossomparent[t]!;
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomchilds[b]!;
    const endps = blossomendps[b]!;
    const i = childs.indexOf(t);
    const { start, jstep, endptrick } = walkAround(i, childs.length);
    let j = start;
    while (j !== 0) {
      j += jstep;
      t = at(childs, j);
      const p = at(endps, j - endptrick) ^ endptrick;
      if (t >= n) augmentBlossom(t, endpoint[p]!);
      j += jstep;
      t = at(childs, j);
      if (t >= n) augmentBlossom(t, endpoint[p ^ 1]!);
      mate[endpoint[p]!] = p ^ 1;
      mate[endpoint[p ^ 1]!] = p;
    }
    blossomchilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    blossomendps[b] = [...endps.slice(i), ...endps.slice(0, i)];
    blossombase[b] = blossombase[blossomchilds[b]![0]!]!;
  };

  const augmentMatching = (k: number): void => {
    for (const [start, remote] of [
      [from[k]!, 2 * k + 1],
      [to[k]!, 2 * k],
    ] as const) {
      let s = start;
      let p = remote;
      for (;;) {
        const bs = inblossom[s]!;
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelend[bs] === -1) break;
        const t = endpoint[labelend[bs]!]!;
        const bt = inblossom[t]!;
        s = endpoint[labelend[bt]!]!;
        const j = endpoint[labelend[bt]! ^ 1]!;
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelend[bt]!;
        p = labelend[bt]! ^ 1;
      }
    }
  };

  let complete = true;
  for (let stage = 0; stage < n; stage++) {
    if (stop?.()) {
      complete = false;
      break;
    }
    label.fill(0);
    bestedge.fill(-1);
    for (let b = n; b < size; b++) blossombestedges[b] = null;
    allowedge.fill(0);
    queue.length = 0;
    for (let v = 0; v < n; v++) if (mate[v] === -1 && label[inblossom[v]!] === 0) assignLabel(v, 1, -1);

    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (let i = neighbourStart[v]!; i < neighbourStart[v + 1]!; i++) {
          const p = neighbend[i]!;
          const k = p >> 1;
          const w = endpoint[p]!;
          if (inblossom[v] === inblossom[w]) continue;
          let kslack = 0;
          if (!allowedge[k]) {
            kslack = slack(k);
            if (kslack <= 0) allowedge[k] = 1;
          }
          if (allowedge[k]) {
            if (label[inblossom[w]!] === 0) {
              assignLabel(w, 2, p ^ 1);
            } else if (label[inblossom[w]!] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) {
                addBlossom(base, k);
              } else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelend[w] = p ^ 1;
            }
          } else if (label[inblossom[w]!] === 1) {
            const b = inblossom[v]!;
            if (bestedge[b] === -1 || kslack < slack(bestedge[b]!)) bestedge[b] = k;
          } else if (label[w] === 0) {
            if (bestedge[w] === -1 || kslack < slack(bestedge[w]!)) bestedge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No augmenting path with tight edges: move the duals by the smallest step that makes progress.
      let deltatype = 1;
      let delta = Infinity;
      let deltaedge = -1;
      let deltablossom = -1;
      for (let v = 0; v < n; v++) delta = Math.min(delta, dualvar[v]!);
      for (let v = 0; v < n; v++) {
        if (label[inblossom[v]!] === 0 && bestedge[v] !== -1) {
          const d = slack(bestedge[v]!);
          if (d < delta) {
            delta = d;
            deltatype = 2;
            deltaedge = bestedge[v]!;
          }
        }
      }
      for (let b = 0; b < size; b++) {
        if (blossomparent[b] === -1 && label[b] === 1 && bestedge[b] !== -1) {
          const d = slack(bestedge[b]!) / 2;
          if (d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = bestedge[b]!;
          }
        }
      }
      for (let b = n; b < size; b++) {
        if (blossombase[b]! >= 0 && blossomparent[b] === -1 && label[b] === 2 && dualvar[b]! < delta) {
          delta = dualvar[b]!;
          deltatype = 4;
          deltablossom = b;
        }
      }
      for (let v = 0; v < n; v++) {
        const l = label[inblossom[v]!];
        if (l === 1) dualvar[v]! -= delta;
        else if (l === 2) dualvar[v]! += delta;
      }
      for (let b = n; b < size; b++) {
        if (blossombase[b]! >= 0 && blossomparent[b] === -1) {
          if (label[b] === 1) dualvar[b]! += delta;
          else if (label[b] === 2) dualvar[b]! -= delta;
        }
      }
      if (deltatype === 1) break;
      if (deltatype === 2) {
        allowedge[deltaedge] = 1;
        let i = from[deltaedge]!;
        if (label[inblossom[i]!] === 0) i = to[deltaedge]!;
        queue.push(i);
      } else if (deltatype === 3) {
        allowedge[deltaedge] = 1;
        queue.push(from[deltaedge]!);
      } else {
        expandBlossom(deltablossom, false);
      }
    }
    if (!augmented) break;
    for (let b = n; b < size; b++) {
      if (blossomparent[b] === -1 && blossombase[b]! >= 0 && label[b] === 1 && dualvar[b] === 0) expandBlossom(b, true);
    }
  }

  for (let v = 0; v < n; v++) if (mate[v]! >= 0) mateOut[v] = endpoint[mate[v]!]!;
  const blossoms: MatchingCertificate['blossoms'] = [];
  for (let b = n; b < size; b++) {
    if (blossombase[b]! >= 0 && dualvar[b]! > 0) blossoms.push({ vertices: leaves(b), dual: dualvar[b]! });
  }
  return { mate: mateOut, vertexDual2: dualvar.slice(0, n), blossoms, complete };
}

export interface CertificateCheck {
  ok: boolean;
  /** The duals are non-negative and cover every edge: `dual` is then an upper bound even if not ok. */
  feasible: boolean;
  /** What failed, for a bug report; empty when ok. */
  problems: string[];
  /** Σ weights of the matched edges. */
  primal: number;
  /** Σ y(v) + Σ z(B)·⌊|B|/2⌋: an upper bound on every matching when the duals are feasible. */
  dual: number;
}

/**
 * Checks optimality from the certificate alone, the LP duality way: duals non-negative, every edge
 * covered (y(u) + y(v) + Σ z(B) over blossoms holding both ≥ w), matched edges tight, unmatched
 * vertices at zero, blossoms with z > 0 full; then primal = dual. O(m · nesting + n).
 */
export function checkCertificate(graph: WeightedEdges, certificate: MatchingCertificate): CertificateCheck {
  const { mate, vertexDual2, blossoms } = certificate;
  const n = graph.vertexCount;
  const problems: string[] = [];
  let feasible = true;
  const memberships: number[][] = Array.from({ length: n }, () => []);
  blossoms.forEach((blossom, i) => {
    if (blossom.dual < 0) {
      problems.push(`blossom ${i} has a negative dual`);
      feasible = false;
    }
    for (const v of blossom.vertices) memberships[v]!.push(i);
    const inside = new Set(blossom.vertices);
    const matchedInside = blossom.vertices.filter((v) => mate[v]! >= 0 && inside.has(mate[v]!)).length;
    if (blossom.vertices.length % 2 !== 1 || matchedInside !== blossom.vertices.length - 1) problems.push(`blossom ${i} with a positive dual is not full`);
  });
  let primal = 0;
  let dual2 = 0;
  for (let v = 0; v < n; v++) {
    if (vertexDual2[v]! < 0) {
      problems.push(`vertex ${v} has a negative dual`);
      feasible = false;
    }
    if (mate[v] === -1 && vertexDual2[v] !== 0) problems.push(`unmatched vertex ${v} has a positive dual`);
    if (mate[v]! >= 0 && mate[mate[v]!] !== v) problems.push(`vertex ${v} is matched one way only`);
    dual2 += vertexDual2[v]!;
  }
  for (const blossom of blossoms) dual2 += 2 * blossom.dual * ((blossom.vertices.length - 1) / 2);
  const matchedEdge = new Set<number>();
  for (let k = 0; k < graph.from.length; k++) {
    const u = graph.from[k]!;
    const v = graph.to[k]!;
    let cover2 = vertexDual2[u]! + vertexDual2[v]!;
    for (const b of memberships[u]!) if (memberships[v]!.includes(b)) cover2 += 2 * blossoms[b]!.dual;
    const slack2 = cover2 - 2 * graph.weight[k]!;
    if (slack2 < 0) {
      problems.push(`edge ${u}-${v} is not covered by the duals`);
      feasible = false;
    }
    if (mate[u] === v && !matchedEdge.has(Math.min(u, v) * n + Math.max(u, v))) {
      matchedEdge.add(Math.min(u, v) * n + Math.max(u, v));
      primal += graph.weight[k]!;
      if (slack2 !== 0) problems.push(`matched edge ${u}-${v} is not tight`);
    }
  }
  for (let v = 0; v < n; v++) {
    const u = mate[v]!;
    if (u > v && !matchedEdge.has(v * n + u)) problems.push(`vertex ${v} is matched to ${u} without an edge`);
  }
  const dual = dual2 / 2;
  if (problems.length === 0 && primal !== dual) problems.push(`primal ${primal} differs from dual ${dual}`);
  return { ok: problems.length === 0, feasible, problems: problems.slice(0, 10), primal, dual };
}
