import type { Profile } from '../profile';
import { createRankContext, type RankContext } from './context';
import {
  categoryRoom,
  cheapBound,
  clearSums,
  coverageTables,
  exactSumsOf,
  planRelated,
  sharesCategory,
  skillBound,
  sumExactMeetings,
  visitRelatedPeople,
} from './bounds';
import { assess, contextBound, emptyDetail, isEligible } from './evaluate';
import { explain } from './explain';
import type { MatchIndex, MatchResult, RankOptions } from './model';
import { queryMatches, queryPredicate } from './query-match';

export const DEFAULT_TOP = 20;

/** A `seen` mark for people already scored as seeds. */
const SEEDED = 2;

/** Bounds are summed in another order than scores, partly in float32: they get this much slack. */
const BOUND_SLACK = 1e-5;

type Order = (scoreA: number, a: number, scoreB: number, b: number) => boolean;

/** Best-first order of results: higher score, then id, then position (stable and independent of input order). */
function resultOrder(index: MatchIndex): Order {
  return (scoreA, a, scoreB, b) => {
    if (scoreA !== scoreB) return scoreA > scoreB;
    const idA = index.ids[a]!;
    const idB = index.ids[b]!;
    return idA !== idB ? idA < idB : a < b;
  };
}

/** Order of seeds: any fixed order does, and bounds tie often, so ties go by position, not by id. */
const seedOrder: Order = (scoreA, a, scoreB, b) => (scoreA !== scoreB ? scoreA > scoreB : a < b);

/** The best `capacity` (score, position) pairs seen; the root is the worst of them. */
class TopHeap {
  readonly scores: number[] = [];
  readonly positions: number[] = [];

  private readonly better: Order;
  private readonly capacity: number;
  constructor(
    better: Order,
    capacity: number,
  ) {
    this.better = better;
    this.capacity = capacity;
  }

  get full(): boolean {
    return this.scores.length >= this.capacity;
  }

  /** Whether (score, p) would enter. */
  admits(score: number, p: number): boolean {
    return !this.full || this.better(score, p, this.scores[0]!, this.positions[0]!);
  }

  /** Whether any score up to `bound` could still enter. */
  reachable(bound: number): boolean {
    return !this.full || bound + BOUND_SLACK * (1 + bound) >= this.scores[0]!;
  }

  offer(score: number, p: number): void {
    if (!this.admits(score, p)) return;
    if (this.full) {
      this.scores[0] = score;
      this.positions[0] = p;
      this.siftDown(0);
    } else {
      this.scores.push(score);
      this.positions.push(p);
      this.siftUp(this.scores.length - 1);
    }
  }

  /** Best first. */
  drain(): { score: number; position: number }[] {
    return this.scores
      .map((score, i) => ({ score, position: this.positions[i]! }))
      .sort((a, b) => (this.better(a.score, a.position, b.score, b.position) ? -1 : 1));
  }

  private worse(i: number, j: number): boolean {
    return this.better(this.scores[j]!, this.positions[j]!, this.scores[i]!, this.positions[i]!);
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i]!;
    const position = this.positions[i]!;
    this.scores[i] = this.scores[j]!;
    this.positions[i] = this.positions[j]!;
    this.scores[j] = score;
    this.positions[j] = position;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.scores.length && this.worse(left, worst)) worst = left;
      if (right < this.scores.length && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}

function results(ctx: RankContext, ranked: { position: number }[]): MatchResult[] {
  return ranked.map(({ position }) => {
    const detail = emptyDetail();
    const score = assess(ctx, position, detail);
    return { id: ctx.index.ids[position]!, position, score: Math.round(score), ...(ctx.searching ? { fitsSearch: true as const } : {}), ...explain(ctx, position, detail) };
  });
}

/**
 * Ranks the directory for me: best first, at most `top`, ties broken by id.
 *
 * The postings of my skills give everyone who shares one exactly, with sums that bound their score
 * cheaply (the score with a perfect context). Scoring the highest bounds first raises the entry
 * bar, so most people are skipped after the cheap bound, most of the rest after a tighter one
 * (skillBound), and few are scored. People who share only related skills cannot beat
 * a ceiling (planRelated), so they are looked at only when that could still enter. With a search, the
 * people it names are results even without any skill exchange (score 0).
 */
export function rank(index: MatchIndex, me: Profile, options: RankOptions): MatchResult[] {
  const ctx = createRankContext(index, me, options);
  const top = options.top ?? DEFAULT_TOP;
  if (top <= 0 || ctx.impossible) return [];
  const tables = coverageTables(ctx);
  const room = categoryRoom(ctx, tables);
  const search = queryMatches(ctx);
  const named = search?.named;
  const sums = exactSumsOf(ctx);
  const heap = new TopHeap(resultOrder(index), top);
  const consider = (p: number) => {
    if (!isEligible(ctx, p)) return;
    const score = assess(ctx, p, undefined);
    if (score > 0 || named) heap.offer(score, p);
  };
  // A bound of 0 means a score of exactly 0, which only a search's results may have.
  const worthScoring = (bound: number, p: number) => (bound > 0 ? heap.reachable(bound) : named !== undefined && bound === 0 && heap.admits(0, p));
  // Ever tighter and costlier bounds: skills from the sums (times the best context of their stage),
  // times their exact context instead, then the exact skills.
  const tryPerson = (p: number, cheap: number) => {
    if (!worthScoring(cheap, p)) return;
    if (cheap > 0 && !(worthScoring((cheap / ctx.bestContextByStage[index.stage[p]!]!) * contextBound(ctx, p), p) && worthScoring(skillBound(ctx, tables, p), p))) return;
    consider(p);
  };
  let touched: Uint32Array = new Uint32Array(0);
  const visited: number[] = [];
  try {
    touched = sumExactMeetings(ctx, sums);
    const candidates = named ? touched.filter((p) => named[p] === 1) : touched;
    const bound = sums.bounds.subarray(0, candidates.length);
    const seeds = new TopHeap(seedOrder, 2 * top);
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i]!;
      const b = (bound[i] = cheapBound(ctx, tables, room, sums, p));
      if (b > 0) seeds.offer(b, p);
    }
    for (const p of seeds.positions) {
      sums.seen[p] = SEEDED;
      consider(p);
    }
    for (let i = 0; i < candidates.length; i++) {
      if (sums.seen[candidates[i]!] !== SEEDED) tryPerson(candidates[i]!, bound[i]!);
    }
    if (search) {
      // The rest of the people the search names: related skills only, or no exchange at all.
      for (const p of search.positions) if (!sums.seen[p]) tryPerson(p, cheapBound(ctx, tables, room, sums, p));
    } else {
      // Everyone else shares related skills at best, which caps their score.
      const plan = planRelated(ctx, tables, room, (bound) => heap.reachable(bound));
      if (plan) {
        visitRelatedPeople(
          plan,
          sums.seen,
          (p) => {
            visited.push(p);
            if (sharesCategory(ctx, room, p, plan.bothSides)) tryPerson(p, cheapBound(ctx, tables, room, sums, p));
          },
          (ceiling) => heap.reachable(ceiling),
        );
      }
    }
    return results(ctx, heap.drain());
  } finally {
    clearSums(sums, touched);
    clearSums(sums, visited);
  }
}

/** The reference: scores every entry directly. Same results as `rank`, in O(directory). */
export function rankExhaustive(index: MatchIndex, me: Profile, options: RankOptions): MatchResult[] {
  const ctx = createRankContext(index, me, options);
  const top = options.top ?? DEFAULT_TOP;
  if (top <= 0 || ctx.impossible) return [];
  const matches = queryPredicate(ctx);
  const scored: { score: number; position: number }[] = [];
  for (let p = 0; p < index.count; p++) {
    if (!isEligible(ctx, p) || (matches && !matches(p))) continue;
    const score = assess(ctx, p, undefined);
    if (score > 0 || matches) scored.push({ score, position: p });
  }
  const better = resultOrder(index);
  scored.sort((a, b) => (better(a.score, a.position, b.score, b.position) ? -1 : 1));
  return results(ctx, scored.slice(0, top));
}

/**
 * How many people match: the length of rank's answer with no limit on `top` (everyone with a
 * score, or everyone a search names). A scan of the directory (about as costly as rankExhaustive),
 * so the popup asks for it once its first results are shown.
 */
export function countMatches(index: MatchIndex, me: Profile, options: RankOptions): number {
  const ctx = createRankContext(index, me, options);
  if (ctx.impossible) return 0;
  const matches = queryPredicate(ctx);
  let count = 0;
  for (let p = 0; p < index.count; p++) {
    if (!isEligible(ctx, p) || (matches && !matches(p))) continue;
    if (matches || assess(ctx, p, undefined) > 0) count++;
  }
  return count;
}
