import type { DirectoryEntry } from '../directory';
import type { CareerStage, MatchMode } from '../profile';
import type { Exclusion } from './exclusions';
import { PairScorer, SCALE } from './scores';
import { solvePairing, type CandidateList, type CandidateSource } from './solve';

export const PAIR_REQUIREMENTS = ['cross-department', 'cross-generation'] as const;
export type PairRequirement = (typeof PAIR_REQUIREMENTS)[number];

/** How many partners from each person's own ranking seed the graph; pricing adds whatever else is needed. */
const DEFAULT_SHORT_LIST = 8;

export interface PairingOptions {
  mode: MatchMode;
  /** The moment whose time-zone offsets count, as for `mutual match`. */
  now: Date;
  exclusions?: readonly Exclusion[];
  require?: readonly PairRequirement[];
  /** Stop proving after this long and report the gap (default: prove however long it takes). */
  timeLimitMs?: number;
  shortList?: number;
  onProgress?: (message: string) => void;
}

interface PairedPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  department: string;
  careerStage: CareerStage;
}

interface CohortPair {
  a: PairedPerson;
  b: PairedPerson;
  /** The pair score: the mean of both people's unrounded `mutual match` scores, to 9 decimals. This is what is maximised. */
  score: number;
  /** Exactly what `mutual match` tells a about b (reasons.a) and b about a (reasons.b). */
  reasons: { a: string[]; b: string[] };
  /** The rounded scores `mutual match` shows each of them. */
  shownScores: { a: number; b: number };
}

type UnmatchedReason = 'closed' | 'paused' | 'no-partner' | 'excluded' | 'partners-taken';

interface UnmatchedPerson {
  person: PairedPerson;
  reason: UnmatchedReason;
  /** The reason in a sentence for a program lead. */
  why: string;
}

interface PairingSummary {
  people: number;
  pairs: number;
  peopleMatched: number;
  /** Shares of pairs, 0..1 (0 when there are no pairs). */
  crossDepartment: number;
  crossGeneration: number;
  scores: { min: number; median: number; mean: number; max: number; buckets: { range: string; pairs: number }[] };
}

export interface PairingReport {
  mode: MatchMode;
  pairs: CohortPair[];
  unmatched: UnmatchedPerson[];
  total: number;
  optimal: boolean;
  /** No pairing of this cohort can total more; equals total when optimal. */
  upperBound: number;
  summary: PairingSummary;
  /** How the result was reached: graph size, pricing rounds of the proof, or windows of the local search. */
  solver: { candidatePairs: number; pricedPairs: number; rounds: number; fullRowsScored: number; localSearchWindows: number; shortList: number };
}

/** A score in SCALE units as its exact decimal (at most 9 decimals), the way every output writes it. */
export function formatWeight(units: number): string {
  const whole = Math.floor(units / SCALE);
  const digits = String(units - whole * SCALE).padStart(9, '0');
  let end = digits.length;
  while (end > 0 && digits[end - 1] === '0') end--;
  return end > 0 ? `${whole}.${digits.slice(0, end)}` : String(whole);
}

function personOf(entry: DirectoryEntry): PairedPerson {
  return { id: entry.id, name: entry.name, email: entry.email, title: entry.title, department: entry.department, careerStage: entry.careerStage };
}

/** The cohort as the solver sees it: scores from the match engine, exclusions and requirements applied. */
class CohortSource implements CandidateSource {
  readonly count: number;
  readonly capacity: Int32Array;
  private readonly rows = new Map<number, CandidateList>();
  private readonly shortLists = new Map<number, CandidateList>();
  private readonly excluded: Set<number>;

  readonly scorer: PairScorer;
  private readonly options: PairingOptions;
  private readonly top: number;
  constructor(
    scorer: PairScorer,
    options: PairingOptions,
    top: number,
  ) {
    this.scorer = scorer;
    this.options = options;
    this.top = top;
    this.count = scorer.count;
    this.capacity = Int32Array.from(scorer.entries, (_, u) => (scorer.isOpen(u) ? scorer.entries[u]!.capacity : 0));
    const position = new Map(scorer.entries.map((entry, u) => [entry.id, u]));
    this.excluded = new Set();
    for (const [a, b] of options.exclusions ?? []) {
      const u = position.get(a);
      const v = position.get(b);
      if (u !== undefined && v !== undefined) this.excluded.add(Math.min(u, v) * this.count + Math.max(u, v));
    }
  }

  /** Whether the rules let u and v be paired at all (exclusions, --require). */
  allowed(u: number, v: number): boolean {
    if (this.excluded.has(Math.min(u, v) * this.count + Math.max(u, v))) return false;
    for (const rule of this.options.require ?? []) {
      if (rule === 'cross-generation' && !this.crossGeneration(u, v)) return false;
      if (rule === 'cross-department' && !this.crossDepartment(u, v)) return false;
    }
    return true;
  }

  /** Both departments known and different, compared as the match engine compares them. */
  crossDepartment(u: number, v: number): boolean {
    const { index } = this.scorer;
    return index.department[u] !== index.department[v] && index.departments[index.department[u]!] !== '' && index.departments[index.department[v]!] !== '';
  }

  crossGeneration(u: number, v: number): boolean {
    return this.scorer.index.stage[u] !== this.scorer.index.stage[v];
  }

  shortList(u: number): CandidateList {
    let list = this.shortLists.get(u);
    if (!list) {
      list = this.scorer.partners(u, this.top);
      this.shortLists.set(u, list);
    }
    return list;
  }

  fullList(u: number): CandidateList {
    let row = this.rows.get(u);
    if (!row) {
      row = this.scorer.allPartners(u);
      this.rows.set(u, row);
    }
    return row;
  }

  weight(u: number, v: number, forward: number): number {
    return this.allowed(u, v) ? this.scorer.weight(u, v, forward) : 0;
  }

  /** 2·w(u,v) = round(SCALE·(s + s')) ≤ SCALE·s + SCALE·s' + 1, and SCALE·s is off by far less than 1. */
  bound(score: number): number {
    return score > 0 ? Math.ceil(SCALE * score) + 2 : 0;
  }
}

function unmatchedReason(source: CohortSource, u: number): Omit<UnmatchedPerson, 'person'> {
  const entry = source.scorer.entries[u]!;
  if (entry.status === 'paused') return { reason: 'paused', why: 'Paused: not taking partners right now.' };
  if (entry.capacity === 0) return { reason: 'closed', why: 'Capacity 0: not taking partners right now.' };
  const taken = {
    reason: 'partners-taken',
    why: 'Capacity used: their possible partners are paired with others, and pairing them instead would lower the total.',
  } as const;
  // s(u→v) is 0 exactly when s(v→u) is (no skill meets either way), so u's own list decides this.
  const short = source.shortList(u);
  if (short.positions.length === 0) return { reason: 'no-partner', why: 'Nobody in the cohort has a positive two-way score with them (no skill exchange either way in this mode).' };
  for (const v of Array.from(short.positions)) if (source.weight(u, v, source.scorer.directed(u, v)) > 0) return taken;
  // Everyone on the short list is ruled out: the whole row says whether anyone is left.
  let positive = 0;
  for (const v of Array.from(source.fullList(u).positions)) {
    if (source.weight(u, v, source.scorer.directed(u, v)) > 0) return taken;
    if (source.scorer.weight(u, v) > 0) positive++;
  }
  return { reason: 'excluded', why: `All ${positive} possible partners are excluded (exclusions file or --require).` };
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function summarise(people: number, pairs: readonly CohortPair[], matched: number, cross: { department: number; generation: number }): PairingSummary {
  const scores = pairs.map((pair) => pair.score).sort((a, b) => a - b);
  const bucketEdges = [0, 20, 40, 60, 80, 100];
  return {
    people,
    pairs: pairs.length,
    peopleMatched: matched,
    crossDepartment: pairs.length ? cross.department / pairs.length : 0,
    crossGeneration: pairs.length ? cross.generation / pairs.length : 0,
    scores: {
      min: round1(scores[0] ?? 0),
      median: round1(median(scores)),
      mean: round1(scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : 0),
      max: round1(scores[scores.length - 1] ?? 0),
      buckets: bucketEdges.slice(0, -1).map((low, i) => {
        const high = bucketEdges[i + 1]!;
        return { range: `${low}-${high}`, pairs: scores.filter((s) => s >= low && (s < high || (high === 100 && s <= 100))).length };
      }),
    },
  };
}

/**
 * Pairs a whole cohort for the highest total two-way score: each person in at most `capacity`
 * pairs, no excluded pair, only pairs meeting the requirements. Optimal unless the time limit cut
 * the proof short (then `upperBound` says how far off it can be).
 */
export function pairCohort(entries: readonly DirectoryEntry[], options: PairingOptions): PairingReport {
  const scorer = new PairScorer(entries, options.mode, options.now);
  const top = options.shortList ?? DEFAULT_SHORT_LIST;
  const source = new CohortSource(scorer, options, top);
  const solution = solvePairing(source, { ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const partners = new Int32Array(entries.length);
  const cross = { department: 0, generation: 0 };
  const pairs = solution.pairs
    .map(([u, v, w]): CohortPair => {
      partners[u]!++;
      partners[v]!++;
      if (source.crossDepartment(u, v)) cross.department++;
      if (source.crossGeneration(u, v)) cross.generation++;
      const forA = scorer.explain(u, v);
      const forB = scorer.explain(v, u);
      return {
        a: personOf(entries[u]!),
        b: personOf(entries[v]!),
        score: Number(formatWeight(w)),
        reasons: { a: forA.reasons, b: forB.reasons },
        shownScores: { a: forA.score, b: forB.score },
      };
    })
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name));
  const unmatched: UnmatchedPerson[] = [];
  entries.forEach((entry, u) => {
    if (partners[u] === 0) unmatched.push({ person: personOf(entry), ...unmatchedReason(source, u) });
  });
  const matched = partners.reduce((sum, n) => sum + (n > 0 ? 1 : 0), 0);
  return {
    mode: options.mode,
    pairs,
    unmatched,
    total: Number(formatWeight(solution.total)),
    optimal: solution.optimal,
    upperBound: Number(formatWeight(Math.ceil(solution.upperBound))),
    summary: summarise(entries.length, pairs, matched, cross),
    solver: {
      candidatePairs: solution.graphPairs,
      pricedPairs: solution.priced,
      rounds: solution.rounds,
      fullRowsScored: solution.scanned,
      localSearchWindows: solution.windows,
      shortList: top,
    },
  };
}

/**
 * Every pair the rules allow with a positive pair score, each once, as [a, b, weight in SCALE units]:
 * the whole graph the optimum is taken over, for an audit with another solver. O(cohort²).
 */
export function* candidatePairs(entries: readonly DirectoryEntry[], options: PairingOptions): Generator<[DirectoryEntry, DirectoryEntry, number]> {
  const scorer = new PairScorer(entries, options.mode, options.now);
  const source = new CohortSource(scorer, options, 0);
  for (let u = 0; u < entries.length; u++) {
    if (source.capacity[u] === 0) continue;
    for (let v = u + 1; v < entries.length; v++) {
      if (source.capacity[v] === 0) continue;
      const w = source.weight(u, v, scorer.directed(u, v));
      if (w > 0) yield [entries[u]!, entries[v]!, w];
    }
    if (u % 1000 === 999) options.onProgress?.(`Graph: ${u + 1} of ${entries.length} people written`);
  }
}
