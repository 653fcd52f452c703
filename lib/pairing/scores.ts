import type { DirectoryEntry } from '../directory';
import { assess, buildMatchIndex, createRankContext, emptyDetail, entryProfile, explain, isEligible, rank, type MatchIndex, type RankContext } from '../match';
import type { MatchMode, Profile } from '../profile';
import type { CandidateList } from './solve';

/**
 * Pair scores are kept as whole multiples of 10⁻⁹ (SCALE units), so the matching solver does exact
 * integer arithmetic; 10⁻⁹ of a 0..100 score is far below anything a person could notice.
 */
export const SCALE = 1e9;

/**
 * The match engine seen from every person of a cohort: s(u→v) is exactly the unrounded score
 * `mutual match` gives u for v (u's entry as the profile, the cohort as the directory), and the
 * pair weight is their mean, in SCALE units.
 */
export class PairScorer {
  readonly index: MatchIndex;
  private readonly contexts: (RankContext | undefined)[];
  private readonly profiles: (Profile | undefined)[];

  readonly entries: readonly DirectoryEntry[];
  readonly mode: MatchMode;
  readonly now: Date;
  constructor(
    entries: readonly DirectoryEntry[],
    mode: MatchMode,
    now: Date,
  ) {
    this.entries = entries;
    this.mode = mode;
    this.now = now;
    this.index = buildMatchIndex(entries as DirectoryEntry[]);
    this.contexts = new Array(entries.length);
    this.profiles = new Array(entries.length);
  }

  get count(): number {
    return this.entries.length;
  }

  profile(u: number): Profile {
    return (this.profiles[u] ??= entryProfile(this.entries[u]!, this.mode));
  }

  context(u: number): RankContext {
    return (this.contexts[u] ??= createRankContext(this.index, this.profile(u), { mode: this.mode, now: this.now }));
  }

  /** Whether u takes partners at all (capacity above 0 and not paused). */
  isOpen(u: number): boolean {
    return this.entries[u]!.capacity > 0 && this.entries[u]!.status === 'open';
  }

  /** s(u→v): the unrounded score u's ranking gives v, 0 when the engine would not list v for u at all. */
  directed(u: number, v: number): number {
    const ctx = this.context(u);
    return isEligible(ctx, v) ? assess(ctx, v) : 0;
  }

  /** The pair weight in SCALE units: round(SCALE × (s(u→v) + s(v→u)) / 2); 0 unless both may list each other. */
  weight(u: number, v: number, forward = this.directed(u, v)): number {
    if (!isEligible(this.context(u), v) || !isEligible(this.context(v), u)) return 0;
    return Math.round((SCALE * (forward + this.directed(v, u))) / 2);
  }

  /** u's best `top` partners by u's own ranking (the engine's pruned search). */
  partners(u: number, top: number): CandidateList {
    const results = rank(this.index, this.profile(u), { mode: this.mode, now: this.now, top });
    const positions = Int32Array.from(results, (result) => result.position);
    const scores = Float64Array.from(positions, (v) => this.directed(u, v));
    return { positions, scores, threshold: results.length < top ? 0 : scores[scores.length - 1]! };
  }

  /** Everyone u's ranking scores above 0, unordered: a full row, O(cohort). */
  allPartners(u: number): CandidateList {
    const positions: number[] = [];
    const scores: number[] = [];
    for (let v = 0; v < this.count; v++) {
      const score = this.directed(u, v);
      if (score > 0) {
        positions.push(v);
        scores.push(score);
      }
    }
    return { positions: Int32Array.from(positions), scores: Float64Array.from(scores), threshold: 0 };
  }

  /** What `mutual match` tells u about v: its rounded score and reasons. */
  explain(u: number, v: number): { score: number; reasons: string[] } {
    const ctx = this.context(u);
    const detail = emptyDetail();
    const score = assess(ctx, v, detail);
    return { score: Math.round(score), reasons: explain(ctx, v, detail).reasons };
  }
}
