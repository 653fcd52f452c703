import { describe, expect, it } from 'vitest';
import { checkCertificate, maxWeightMatching, type WeightedEdges } from '../../../lib/pairing/blossom';
import { seededRandom } from '../../../lib/match/synthetic';

function graphOf(edges: [number, number, number][]): WeightedEdges {
  const vertexCount = edges.reduce((max, [u, v]) => Math.max(max, u + 1, v + 1), 0);
  return {
    vertexCount,
    from: Int32Array.from(edges, (e) => e[0]),
    to: Int32Array.from(edges, (e) => e[1]),
    weight: Float64Array.from(edges, (e) => e[2]),
  };
}

/** Exhaustive search over every matching: the independent reference. */
function bruteForce(graph: WeightedEdges): number {
  const n = graph.vertexCount;
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(-1));
  for (let k = 0; k < graph.from.length; k++) {
    const u = graph.from[k]!;
    const v = graph.to[k]!;
    w[u]![v] = w[v]![u] = Math.max(w[u]![v]!, graph.weight[k]!);
  }
  const used = new Uint8Array(n);
  const best = (v: number): number => {
    while (v < n && used[v]) v++;
    if (v >= n) return 0;
    used[v] = 1;
    let value = best(v + 1);
    for (let u = v + 1; u < n; u++) {
      if (used[u] || w[v]![u]! < 0) continue;
      used[u] = 1;
      value = Math.max(value, w[v]![u]! + best(v + 1));
      used[u] = 0;
    }
    used[v] = 0;
    return value;
  };
  return best(0);
}

function matchedWeight(graph: WeightedEdges, mate: Int32Array): number {
  return checkCertificate(graph, { mate, vertexDual2: new Float64Array(graph.vertexCount), blossoms: [], complete: true }).primal;
}

function solveChecked(graph: WeightedEdges) {
  const certificate = maxWeightMatching(graph);
  const check = checkCertificate(graph, certificate);
  expect(check.problems).toEqual([]);
  return { certificate, check };
}

describe('maxWeightMatching', () => {
  // Small graphs whose optimum needs each kind of blossom step (classic cases from the literature).
  const cases: [string, [number, number, number][], number[]][] = [
    ['single edge', [[0, 1, 1]], [1, 0]],
    ['path prefers the heavy middle', [[1, 2, 10], [2, 3, 11]], [-1, -1, 3, 2]],
    ['S-blossom used to augment', [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7]], [-1, 2, 1, 4, 3]],
    ['S-blossom relabelled as T', [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]], [-1, 6, 3, 2, 5, 4, 1]],
    ['nested S-blossom', [[1, 2, 9], [1, 3, 9], [2, 3, 10], [2, 4, 8], [3, 5, 8], [4, 5, 10], [5, 6, 6]], [-1, 3, 4, 1, 2, 6, 5]],
    ['nested S-blossom expanded recursively', [[1, 2, 8], [1, 3, 8], [2, 3, 10], [2, 4, 12], [3, 5, 12], [4, 5, 14], [4, 6, 12], [5, 7, 12], [6, 7, 14], [7, 8, 12]], [-1, 2, 1, 5, 6, 3, 4, 8, 7]],
    ['S-blossom relabelled as T, expanded', [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]], [-1, 6, 3, 2, 8, 7, 1, 5, 4]],
    ['T-blossom reached two ways', [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 35], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]],
    ['expansion leaves a new least-slack edge', [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 28], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]],
    ['nested blossom on the augmenting path', [[1, 2, 45], [1, 7, 45], [2, 3, 50], [3, 4, 45], [4, 5, 95], [4, 6, 94], [5, 6, 94], [6, 7, 50], [1, 8, 30], [3, 11, 35], [5, 9, 36], [7, 10, 26], [11, 12, 5]], [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11]],
    ['nested S relabelled as S', [[1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15], [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30]], [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8]],
  ];
  it.each(cases)('%s', (_name, edges, mate) => {
    const graph = graphOf(edges);
    const { certificate, check } = solveChecked(graph);
    expect(check.primal).toBe(bruteForce(graph));
    expect(matchedWeight(graph, certificate.mate)).toBe(matchedWeight(graph, Int32Array.from(mate)));
  });

  it('returns nothing matched for an empty graph', () => {
    const result = maxWeightMatching({ vertexCount: 3, from: new Int32Array(0), to: new Int32Array(0), weight: new Float64Array(0) });
    expect([...result.mate]).toEqual([-1, -1, -1]);
  });

  it('equals brute force on 600 seeded random graphs of up to 12 vertices, with a valid certificate', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 600; trial++) {
      const n = 2 + Math.floor(random() * 11);
      const density = 0.2 + random() * 0.8;
      // Few distinct weights in some graphs: ties are where blossom bookkeeping goes wrong.
      const range = random() < 0.3 ? 3 : 1_000_000;
      const edges: [number, number, number][] = [];
      for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (random() < density) edges.push([u, v, Math.floor(random() * range)]);
      const graph = { ...graphOf(edges), vertexCount: n };
      const { check } = solveChecked(graph);
      expect(check.primal, `trial ${trial}`).toBe(bruteForce(graph));
    }
  });

  it('rejects a certificate whose duals do not cover an edge', () => {
    const graph = graphOf([[0, 1, 5], [1, 2, 6], [2, 3, 5]]);
    const certificate = maxWeightMatching(graph);
    certificate.vertexDual2.fill(0);
    expect(checkCertificate(graph, certificate).ok).toBe(false);
  });
});
