import { PRIORITIES, SKILL_LEVELS } from '../profile';
import { peopleByCategory, type RankContext } from './context';
import { contextBound, directionOf, exchangeOf, isAvailable } from './evaluate';
import type { MatchDirection } from './model';
import { LEVEL_CREDIT, PRIORITY_WEIGHT, RELATED_CREDIT } from './weights';

const LEVEL_CREDITS = SKILL_LEVELS.map((level) => LEVEL_CREDIT[level]);
const PRIORITY_WEIGHTS = PRIORITIES.map((priority) => PRIORITY_WEIGHT[priority]);

/**
 * My skills as lookup tables, so one person's skill coverage costs a pass over their own few
 * skills instead of every pair of theirs and mine.
 */
export interface CoverageTables {
  /** Per index skill: which of my wants it is, or -1. */
  wantOfSkill: Int32Array;
  /** Per category: my wants in it. */
  wantsInCategory: number[][];
  /** Per index skill: the credit of my level if I teach it, else 0. */
  offerCredit: Float64Array;
  /** Per category: RELATED_CREDIT × my best level in it. */
  relatedOfferCredit: Float64Array;
  /** Per want, reused for each person. */
  best: Float64Array;
}

export function coverageTables(ctx: RankContext): CoverageTables {
  const { index } = ctx;
  const wantOfSkill = new Int32Array(index.skillKeys.length).fill(-1);
  const wantsInCategory = index.categories.map((): number[] => []);
  ctx.wants.forEach((want, w) => {
    if (want.skill >= 0) wantOfSkill[want.skill] = w;
    if (want.category >= 0) wantsInCategory[want.category]!.push(w);
  });
  const offerCredit = new Float64Array(index.skillKeys.length);
  const relatedOfferCredit = new Float64Array(index.categories.length);
  for (const offer of ctx.offers) {
    const credit = LEVEL_CREDIT[offer.level];
    if (offer.skill >= 0) offerCredit[offer.skill] = Math.max(offerCredit[offer.skill]!, credit);
    if (offer.category >= 0) relatedOfferCredit[offer.category] = Math.max(relatedOfferCredit[offer.category]!, RELATED_CREDIT * credit);
  }
  return { wantOfSkill, wantsInCategory, offerCredit, relatedOfferCredit, best: new Float64Array(ctx.wants.length) };
}

/** The same coverage of my wants as `assess` computes, from their teach items. */
function theyTeachMe(ctx: RankContext, tables: CoverageTables, p: number): number {
  if (!(ctx.wantWeightSum > 0)) return 0;
  const { index } = ctx;
  const { best, wantOfSkill, wantsInCategory } = tables;
  best.fill(0);
  for (let item = index.teachStart[p]!; item < index.teachStart[p + 1]!; item++) {
    const skill = index.textSkill[index.teachText[item]!]!;
    const level = LEVEL_CREDITS[index.teachLevel[item]!]!;
    const exact = wantOfSkill[skill]!;
    if (exact >= 0 && level > best[exact]!) best[exact] = level;
    const category = index.skillCategory[skill]!;
    if (category < 0) continue;
    for (const w of wantsInCategory[category]!) {
      if (w !== exact && RELATED_CREDIT * level > best[w]!) best[w] = RELATED_CREDIT * level;
    }
  }
  let sum = 0;
  for (let w = 0; w < ctx.wants.length; w++) sum += ctx.wants[w]!.weight * best[w]!;
  return sum / ctx.wantWeightSum;
}

/** The same coverage of their wants as `assess` computes, from their learn items. */
function iTeachThem(ctx: RankContext, tables: CoverageTables, p: number): number {
  const { index, lookups } = ctx;
  const total = lookups.learnWeightSum[p]!;
  if (!(total > 0)) return 0;
  let sum = 0;
  for (let item = index.learnStart[p]!; item < index.learnStart[p + 1]!; item++) {
    const skill = index.textSkill[index.learnText[item]!]!;
    const category = index.skillCategory[skill]!;
    // max() is enough: any level earns at least 0.4 for the same skill, a related one at most 0.35.
    const credit = Math.max(tables.offerCredit[skill]!, category >= 0 ? tables.relatedOfferCredit[category]! : 0);
    sum += lookups.learnWeight[item]! * credit;
  }
  return sum / total;
}

/** At least person p's score: the exact skill exchange times the context bound; -1 when the mode rules the pair out. */
export function skillBound(ctx: RankContext, tables: CoverageTables, p: number): number {
  const direction = directionOf(ctx, p);
  if (!direction) return -1;
  return 100 * exchangeOf(ctx, direction, theyTeachMe(ctx, tables, p), iTeachThem(ctx, tables, p)) * contextBound(ctx, p);
}

/**
 * Exact skill meetings summed per person from the postings of my skills: the part of the coverages
 * that needs no look at their other skills. Three numbers per person side by side, as people are
 * hit in random order: over my wants they teach exactly, Σ weight × (level − RELATED_CREDIT) (what
 * they earn beyond the related credit cheapBound grants anyway); over their wants I teach exactly,
 * Σ weight × my level and Σ weight. Float32 halves the cache misses; the rounding is far inside
 * the slack bounds are compared with. Buffers are per index and zeroed again by `clearSums`.
 */
export interface ExactSums {
  sums: Float32Array;
  seen: Uint8Array;
  /** Reused per ranking (large allocations per query would keep the garbage collector busy). */
  touched: Uint32Array;
  bounds: Float64Array;
}

const WANTED_BEYOND_RELATED = 0;
const OFFERED = 1;
const OFFERED_WEIGHT = 2;
const SUMS = 3;

const sumsCache = new WeakMap<object, ExactSums>();

export function exactSumsOf(ctx: RankContext): ExactSums {
  let sums = sumsCache.get(ctx.index);
  if (!sums) {
    const n = ctx.index.count;
    sums = { sums: new Float32Array(SUMS * n), seen: new Uint8Array(n), touched: new Uint32Array(n), bounds: new Float64Array(n) };
    sumsCache.set(ctx.index, sums);
  }
  return sums;
}

export function clearSums({ sums, seen }: ExactSums, people: ArrayLike<number>): void {
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    sums[SUMS * p + WANTED_BEYOND_RELATED] = 0;
    sums[SUMS * p + OFFERED] = 0;
    sums[SUMS * p + OFFERED_WEIGHT] = 0;
    seen[p] = 0;
  }
}

/**
 * Walks the postings of my skills once; several items of one person for one skill ("JS" and
 * "JavaScript") are adjacent in a posting list and only the best level counts. A posting in a
 * direction the mode does not count for that person (a senior's teaching when I am senior, in
 * reverse mode) is passed over. Returns the people touched in entry order, which keeps the later
 * passes over their columns cache-friendly.
 */
export function sumExactMeetings(ctx: RankContext, { sums, seen, touched: buffer }: ExactSums): Uint32Array {
  const { index, lookups } = ctx;
  // Per career stage: whether their teaching (my learning) and their learning count in this mode.
  const teachingCounts = ctx.directionByStage.map((direction) => direction === 'both' || direction === 'they-teach-me');
  const learningCounts = ctx.directionByStage.map((direction) => direction === 'both' || direction === 'i-teach-them');
  let count = 0;
  for (const want of ctx.wants) {
    if (want.skill < 0) continue;
    const weight = want.weight;
    const related = want.category >= 0 ? weight * RELATED_CREDIT : 0;
    let last = -1;
    let lastLevel = 0;
    for (let k = index.teachPostStart[want.skill]!; k < index.teachPostStart[want.skill + 1]!; k++) {
      const p = index.teachPostOwner[k]!;
      if (!teachingCounts[index.stage[p]!]) continue;
      const level = LEVEL_CREDITS[index.teachPostLevel[k]!]!;
      if (p === last) {
        if (level > lastLevel) sums[SUMS * p + WANTED_BEYOND_RELATED]! += weight * (level - lastLevel);
        lastLevel = Math.max(level, lastLevel);
        continue;
      }
      last = p;
      lastLevel = level;
      sums[SUMS * p + WANTED_BEYOND_RELATED]! += weight * level - related;
      if (!seen[p]) count += seen[p] = 1;
    }
  }
  for (const offer of ctx.offers) {
    if (offer.skill < 0) continue;
    const credit = LEVEL_CREDIT[offer.level];
    const rarity = lookups.rarity[offer.skill]!;
    for (let k = index.learnPostStart[offer.skill]!; k < index.learnPostStart[offer.skill + 1]!; k++) {
      const p = index.learnPostOwner[k]!;
      if (!learningCounts[index.stage[p]!]) continue;
      const weight = PRIORITY_WEIGHTS[index.learnPostPriority[k]!]! * rarity;
      sums[SUMS * p + OFFERED]! += weight * credit;
      sums[SUMS * p + OFFERED_WEIGHT]! += weight;
      if (!seen[p]) count += seen[p] = 1;
    }
  }
  const touched = buffer.subarray(0, count);
  for (let p = 0, at = 0; at < count; p++) if (seen[p]) touched[at++] = p;
  return touched;
}

/** My skills per category, for the cheap bound. */
export interface CategoryRoom {
  /** Per category: RELATED_CREDIT × the weight of my wants in it (the most a related teacher adds). */
  wantRoom: Float64Array;
  wantMask: Uint32Array;
  offerMask: Uint32Array;
}

export function categoryRoom(ctx: RankContext, tables: CoverageTables): CategoryRoom {
  const words = ctx.lookups.categoryWords;
  const wantRoom = new Float64Array(ctx.index.categories.length);
  const wantMask = new Uint32Array(words);
  const offerMask = new Uint32Array(words);
  for (const want of ctx.wants) {
    if (want.category < 0) continue;
    wantRoom[want.category]! += want.weight * RELATED_CREDIT;
    wantMask[want.category >>> 5]! |= 1 << (want.category & 31);
  }
  tables.relatedOfferCredit.forEach((credit, category) => {
    if (credit > 0) offerMask[category >>> 5]! |= 1 << (category & 31);
  });
  return { wantRoom, wantMask, offerMask };
}

/** The lists of people the related-only pass walks. */
export interface RelatedPlan {
  /** The highest score anyone in the walked lists could reach. */
  ceiling: number;
  lists: Uint32Array[];
  /** Per list, the highest score anyone in it could reach (lists are per career stage). */
  listCeilings: number[];
  /** Two-way, with the bar above what one side alone can earn: both sides are needed. */
  bothSides: boolean;
}

const SEARCH_STEPS = 40;

/**
 * The largest coverage of my wishes that still cannot reach the bar (-1 when even none can), by
 * bisection: the exchange grows with the coverage.
 */
function hopelessCoverage(reachable: (bound: number) => boolean, score: (theyTeachMe: number) => number, most: number): number {
  if (reachable(score(0))) return -1;
  let lo = 0;
  let hi = most;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (reachable(score(mid))) hi = mid;
    else lo = mid;
  }
  return lo;
}

/**
 * My wishes' categories someone must teach in to reach the bar (MaxScore): the roomiest first, until
 * the rooms left could not lift anyone past `hopeless` coverage on their own.
 */
function essentialCategories(room: CategoryRoom, wantWeightSum: number, hopeless: number): number[] {
  const categories = [...room.wantRoom.keys()].filter((c) => room.wantRoom[c]! > 0).sort((a, b) => room.wantRoom[b]! - room.wantRoom[a]! || a - b);
  if (hopeless < 0) return categories;
  for (let count = 0; count <= categories.length; count++) {
    const rest = categories.slice(count).reduce((sum, c) => sum + room.wantRoom[c]!, 0);
    // A hair of margin, so rounding can never drop a category someone needs.
    if (rest <= hopeless * wantWeightSum * (1 - 1e-9)) return categories.slice(0, count);
  }
  return categories;
}

function totalLength(lists: Uint32Array[]): number {
  return lists.reduce((sum, list) => sum + list.length, 0);
}

/**
 * Plans the pass over people who share only related skills with me, or returns undefined when none
 * of them can reach the bar. From them each of my wishes earns at most RELATED_CREDIT and each of
 * theirs at most my related credit in its category, so per career stage (per direction) only some
 * lists of people can hold a result: teachers in the categories of my wishes that are essential to
 * reach the bar, or wanters in the categories of my offers whose ceiling reaches it.
 */
export function planRelated(ctx: RankContext, tables: CoverageTables, room: CategoryRoom, reachable: (bound: number) => boolean): RelatedPlan | undefined {
  const { lookups, index } = ctx;
  const stages = ctx.directionByStage.length;
  lookups.teachersByCategory ??= peopleByCategory(lookups.teachCategories, lookups.categoryWords, index.categories.length, index.stage, stages);
  lookups.learnersByCategory ??= peopleByCategory(lookups.learnCategories, lookups.categoryWords, index.categories.length, index.stage, stages);
  const { teachersByCategory, learnersByCategory } = lookups;
  const wanted = ctx.wantWeightSum > 0 ? room.wantRoom.reduce((sum, r) => sum + r, 0) / ctx.wantWeightSum : 0;
  const offered = Math.max(0, ...tables.relatedOfferCredit);
  // Per stage, times the best context someone at that stage can have (see bestContextByStage).
  const ceilingOf = (stage: number, direction: MatchDirection, theyTeachMe: number, iTeachThem: number) =>
    100 * exchangeOf(ctx, direction, theyTeachMe, iTeachThem) * ctx.bestContextByStage[stage]!;
  const bestStage = ctx.bestContextByStage.indexOf(Math.max(...ctx.bestContextByStage));
  const bothSides = !reachable(Math.max(ceilingOf(bestStage, 'both', wanted, 0), ceilingOf(bestStage, 'both', 0, offered)));
  const teachers = (categories: number[], stage: number) => categories.map((c) => teachersByCategory[c * stages + stage]!);
  const learners = (stage: number, theyTeachMe: number, direction: MatchDirection) =>
    [...tables.relatedOfferCredit.keys()]
      .filter((c) => tables.relatedOfferCredit[c]! > 0 && reachable(ceilingOf(stage, direction, theyTeachMe, tables.relatedOfferCredit[c]!)))
      .map((c) => learnersByCategory[c * stages + stage]!);
  const essential = (stage: number, direction: MatchDirection) =>
    essentialCategories(room, ctx.wantWeightSum, hopelessCoverage(reachable, (t) => ceilingOf(stage, direction, t, offered), wanted));

  const plan: RelatedPlan = { ceiling: 0, lists: [], listCeilings: [], bothSides };
  ctx.directionByStage.forEach((direction, stage) => {
    const ceiling = direction ? ceilingOf(stage, direction, wanted, offered) : 0;
    if (!direction || !reachable(ceiling)) return;
    plan.ceiling = Math.max(plan.ceiling, ceiling);
    if (direction === 'they-teach-me') plan.lists.push(...teachers(essential(stage, direction), stage));
    else if (direction === 'i-teach-them') plan.lists.push(...learners(stage, 0, direction));
    else if (!bothSides) plan.lists.push(...teachers(essential(stage, direction), stage), ...learners(stage, wanted, direction));
    else {
      // Both sides are needed, so either side's lists hold everyone: walk the shorter.
      const byTeaching = teachers(essential(stage, direction), stage);
      const byWanting = learners(stage, wanted, direction);
      plan.lists.push(...(totalLength(byTeaching) <= totalLength(byWanting) ? byTeaching : byWanting));
    }
    while (plan.listCeilings.length < plan.lists.length) plan.listCeilings.push(ceiling);
  });
  return plan.ceiling > 0 ? plan : undefined;
}

/**
 * Visits the people of the plan's lists, each at most once (marked in `seen`, which the caller
 * clears): the lists with the highest ceiling first, and a list only while its ceiling can still
 * enter (a same-stage peer's ceiling falls below the bar before an executive's does).
 */
export function visitRelatedPeople(plan: RelatedPlan, seen: Uint8Array, visit: (p: number) => void, reachable: (bound: number) => boolean): void {
  const order = [...plan.lists.keys()].sort((a, b) => plan.listCeilings[b]! - plan.listCeilings[a]! || a - b);
  for (const l of order) {
    const ceiling = plan.listCeilings[l]!;
    if (!reachable(ceiling)) continue;
    for (const p of plan.lists[l]!) {
      if (seen[p]) continue;
      seen[p] = 1;
      visit(p);
      if (!reachable(ceiling)) break;
    }
  }
}

function sharesAny(sets: Uint32Array, mask: Uint32Array, words: number, p: number): boolean {
  for (let w = 0; w < words; w++) if (sets[p * words + w]! & mask[w]!) return true;
  return false;
}

/**
 * Whether person p shares a related skill in a direction that counts: teaching in the category of a
 * wish of mine, wanting in the category of an offer of mine. With `bothSides` (two-way mode with
 * the bar above what one side alone can earn) both are needed.
 */
export function sharesCategory(ctx: RankContext, room: CategoryRoom, p: number, bothSides: boolean): boolean {
  const { categoryWords: words, teachCategories, learnCategories } = ctx.lookups;
  const direction = directionOf(ctx, p);
  if (direction === undefined) return false;
  // No closures here: this runs per person, and tsx wraps every closure it creates.
  if (direction === 'they-teach-me') return sharesAny(teachCategories, room.wantMask, words, p);
  if (direction === 'i-teach-them') return sharesAny(learnCategories, room.offerMask, words, p);
  const teaches = sharesAny(teachCategories, room.wantMask, words, p);
  if (teaches !== bothSides) return teaches;
  return sharesAny(learnCategories, room.offerMask, words, p);
}

/**
 * A looser bound than skillBound, from the exact sums and category bit sets only (no pass over
 * their skills, and the best context their career stage allows, which contextBound then tightens): each of my wants they do not teach exactly is assumed taught at expert level in
 * a related skill if they teach in its category, and each of their uncovered wants is assumed met
 * by my best related credit among their categories. -1 for people who fail the cheap hard
 * requirements (isAvailable).
 */
export function cheapBound(ctx: RankContext, tables: CoverageTables, room: CategoryRoom, exact: ExactSums, p: number): number {
  const direction = isAvailable(ctx, p) ? directionOf(ctx, p) : undefined;
  if (!direction) return -1;
  // Only the side the direction counts is worked out.
  const wanted = direction === 'i-teach-them' ? 0 : wantedBound(ctx, room, exact.sums, p);
  const offered = direction === 'they-teach-me' ? 0 : offeredBound(ctx, tables, room, exact.sums, p);
  return 100 * exchangeOf(ctx, direction, wanted, offered) * ctx.bestContextByStage[ctx.index.stage[p]!]!;
}

function wantedBound(ctx: RankContext, room: CategoryRoom, sums: Float32Array, p: number): number {
  if (!(ctx.wantWeightSum > 0)) return 0;
  const { categoryWords: words, teachCategories } = ctx.lookups;
  let wantRoom = 0;
  for (let w = 0; w < words; w++) {
    for (let bits = teachCategories[p * words + w]! & room.wantMask[w]!; bits; bits &= bits - 1) {
      wantRoom += room.wantRoom[w * 32 + 31 - Math.clz32(bits & -bits)]!;
    }
  }
  return Math.max(0, Math.min(1, (sums[SUMS * p + WANTED_BEYOND_RELATED]! + wantRoom) / ctx.wantWeightSum));
}

function offeredBound(ctx: RankContext, tables: CoverageTables, room: CategoryRoom, sums: Float32Array, p: number): number {
  const { categoryWords: words, learnCategories, learnWeightSum } = ctx.lookups;
  const total = learnWeightSum[p]!;
  if (!(total > 0)) return 0;
  let offerRoom = 0;
  for (let w = 0; w < words; w++) {
    for (let bits = learnCategories[p * words + w]! & room.offerMask[w]!; bits; bits &= bits - 1) {
      offerRoom = Math.max(offerRoom, tables.relatedOfferCredit[w * 32 + 31 - Math.clz32(bits & -bits)]!);
    }
  }
  const at = SUMS * p;
  return Math.max(0, Math.min(1, (sums[at + OFFERED]! + (total - sums[at + OFFERED_WEIGHT]!) * offerRoom) / total));
}
