import type { Profile } from '../profile';
import { createRankContext, type RankContext } from './context';
import { categoryRoom, cheapBounds, clearSums, exactSumsOf, planRelated, sumExactMeetings, unseenSharing, visitRelatedLists, type ExactSums } from './bounds';
import { assess, contextOf, emptyDetail, isEligible } from './evaluate';
import { explain } from './explain';
import type { MatchIndex, MatchResult, RankOptions } from './model';
import { queryMatches, queryPredicate } from './query-match';

export const DEFAULT_TOP = 20;

/** A `seen` mark for people already scored as seeds. */
const SEEDED = 2;

/** How finely highestFirst orders people by bound. */
const BUCKETS = 64;

/** Bounds are summed in another order than scores, partly in float32: they get this much slack. */
const BOUND_SLACK = 1e-5;

/** Whether a score up to `bound` could beat `lowest`, the worst score kept (with the bounds' slack). */
function reaches(bound: number, lowest: number): boolean {
  return bound + BOUND_SLACK * (1 + bound) >= lowest;
}

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
    return reaches(bound, this.lowest());
  }

  /** The score to beat: the worst kept, or -Infinity while there is room. */
  lowest(): number {
    return this.full ? this.scores[0]! : Number.NEGATIVE_INFINITY;
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

/** The `count` people with the highest positive cheap bounds: scored first, they set a first bar. */
function seedsOf(people: Uint32Array, bound: Float64Array, count: number): readonly number[] {
  const seeds = new TopHeap(seedOrder, count);
  // Only a bound at least the seeds' lowest can enter; ties are left to the heap's own order.
  let floor = 0;
  for (let i = 0; i < people.length; i++) {
    if (bound[i]! <= 0 || bound[i]! < floor) continue;
    seeds.offer(bound[i]!, people[i]!);
    if (seeds.full) floor = seeds.lowest();
  }
  return seeds.positions;
}

/**
 * Those of `people` whose cheap bound (`cheap`, side by side) reaches `lowest` — or is 0 while
 * searching, as a search's results may score 0 — and who were not scored as seeds, into
 * `sums.order`, with their bounds in `sums.boundOf`. Returns how many. Most people fail here, so
 * the test is inline.
 */
function stillReachable(sums: ExactSums, people: Uint32Array, cheap: Float64Array, lowest: number, searching: boolean): number {
  let count = 0;
  for (let i = 0; i < people.length; i++) {
    const b = cheap[i]!;
    if (b > 0 ? !reaches(b, lowest) : !(searching && b === 0)) continue;
    const p = people[i]!;
    if (sums.seen[p] === SEEDED) continue;
    sums.order[count++] = p;
    sums.boundOf[p] = b;
  }
  return count;
}

/** The first `count` people of `sums.order`, highest bound first: in buckets by bound (no sort), entry order within one. */
function highestFirst(sums: ExactSums, count: number): Uint32Array {
  const { order, boundOf, sorted } = sums;
  let highest = 0;
  for (let i = 0; i < count; i++) highest = Math.max(highest, boundOf[order[i]!]!);
  // Bucket 0 holds the highest bounds.
  const bucketOf = (p: number) => BUCKETS - 1 - (boundOf[p]! > 0 ? Math.min(BUCKETS - 1, Math.floor((boundOf[p]! / highest) * BUCKETS)) : 0);
  const starts = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < count; i++) starts[bucketOf(order[i]!) + 1]!++;
  for (let k = 0; k < BUCKETS; k++) starts[k + 1]! += starts[k]!;
  for (let i = 0; i < count; i++) sorted[starts[bucketOf(order[i]!)]!++] = order[i]!;
  return sorted.subarray(0, count);
}

/**
 * Ranks the directory for me: best first, at most `top`, ties broken by id.
 *
 * The postings of my skills give everyone who shares one exactly, with sums that bound their score
 * cheaply (the skill exchange with the best context their career stage allows). The highest bounds
 * are scored first (seeds) to raise the entry bar; whoever's bound still reaches it gets the bound
 * tightened by their exact context, and those are scored best first, so the bar rises quickly and
 * most are passed over without a score. People who share only related skills cannot beat a
 * ceiling (planRelated), so they are looked at only when that could still enter. With a search, the
 * people it names are results even without any skill exchange (score 0).
 */
export function rank(index: MatchIndex, me: Profile, options: RankOptions): MatchResult[] {
  const ctx = createRankContext(index, me, options);
  const top = options.top ?? DEFAULT_TOP;
  if (top <= 0 || ctx.impossible) return [];
  const room = categoryRoom(ctx);
  const search = queryMatches(ctx);
  const named = search?.named;
  const sums = exactSumsOf(ctx);
  const heap = new TopHeap(resultOrder(index), top);
  const consider = (p: number) => {
    if (!isEligible(ctx, p)) return;
    const score = assess(ctx, p, undefined);
    if (score > 0 || named) heap.offer(score, p);
  };
  /**
   * Scores those of `people` whose cheap bound (`cheap`, side by side) can still enter, highest
   * bounds first, so the bar rises early and most are passed over. Each is first held to tighter
   * bounds: the cheap one with their own context instead of their stage's best.
   */
  const tryBestFirst = (people: Uint32Array, cheap: Float64Array) => {
    const count = stillReachable(sums, people, cheap, heap.lowest(), named !== undefined);
    for (const p of highestFirst(sums, count)) {
      const b = sums.boundOf[p]!;
      if (b > 0) {
        // Common ground is taken as perfect first: counting shared ERGs and interests costs more.
        const skills = b / ctx.bestContextByStage[index.stage[p]!]!;
        if (!heap.reachable(b) || !heap.reachable(skills * contextOf(ctx, p, 1)) || !heap.reachable(skills * contextOf(ctx, p))) continue;
      } else if (!heap.admits(0, p)) continue;
      consider(p);
    }
  };
  /** tryBestFirst for people whose cheap bounds are still to be worked out. */
  const tryPeople = (people: Uint32Array) => {
    const cheap = sums.bounds.subarray(0, people.length);
    cheapBounds(ctx, room, sums, people, cheap);
    tryBestFirst(people, cheap);
  };
  let touched: Uint32Array = new Uint32Array(0);
  try {
    touched = sumExactMeetings(ctx, sums);
    const candidates = named ? touched.filter((p) => named[p] === 1) : touched;
    const bound = sums.bounds.subarray(0, candidates.length);
    cheapBounds(ctx, room, sums, candidates, bound);
    for (const p of seedsOf(candidates, bound, 2 * top)) {
      sums.seen[p] = SEEDED;
      consider(p);
    }
    tryBestFirst(candidates, bound);
    if (search) {
      // The rest of the people the search names: related skills only, or no exchange at all.
      let count = 0;
      for (const p of search.positions) if (!sums.seen[p]) sums.pending[count++] = p;
      tryPeople(sums.pending.subarray(0, count));
    } else {
      // Everyone else shares related skills at best, which caps their score.
      const plan = planRelated(ctx, room, (bound) => heap.reachable(bound));
      if (plan) {
        visitRelatedLists(
          plan,
          (list) => {
            tryPeople(sums.pending.subarray(0, unseenSharing(ctx, room, list, sums.seen, plan.bothSides, sums.pending)));
          },
          (ceiling) => heap.reachable(ceiling),
        );
      }
    }
    return results(ctx, heap.drain());
  } finally {
    clearSums(sums, touched);
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
