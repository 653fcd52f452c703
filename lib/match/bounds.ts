import { PRIORITIES, SKILL_LEVELS } from '../profile';
import { GATE_OTHER_LANGUAGE, gateStage, peopleByCategory, type RankContext } from './context';
import { directionOf, exchangeOf, isAvailable } from './evaluate';
import type { MatchDirection } from './model';
import { LEVEL_CREDIT, PRIORITY_WEIGHT, RELATED_CREDIT } from './weights';

const LEVEL_CREDITS = SKILL_LEVELS.map((level) => LEVEL_CREDIT[level]);
const PRIORITY_WEIGHTS = PRIORITIES.map((priority) => PRIORITY_WEIGHT[priority]);

/**
 * Exact skill meetings summed per person from the postings of my skills: the part of the coverages
 * that needs no look at their other skills. Three numbers per person side by side, as people are
 * hit in random order: over my wants they teach exactly, Σ weight × (level − RELATED_CREDIT) (what
 * they earn beyond the related credit cheapBounds grants anyway); over their wants I teach exactly,
 * Σ weight × my level and Σ weight. Float32 halves the cache misses; the rounding is far inside
 * the slack bounds are compared with. Buffers are per index and zeroed again by `clearSums`.
 */
export interface ExactSums {
  sums: Float32Array;
  seen: Uint8Array;
  /** Reused per ranking (large allocations per query would keep the garbage collector busy). */
  touched: Uint32Array;
  bounds: Float64Array;
  /** The people whose bound can still enter, the same ordered by bound, and their bounds per person. */
  order: Uint32Array;
  sorted: Uint32Array;
  boundOf: Float64Array;
  /** People of a related list (or a search) still to be bounded. */
  pending: Uint32Array;
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
    sums = { sums: new Float32Array(SUMS * n), seen: new Uint8Array(n), touched: new Uint32Array(n), bounds: new Float64Array(n), order: new Uint32Array(n), sorted: new Uint32Array(n), boundOf: new Float64Array(n), pending: new Uint32Array(n) };
    sumsCache.set(ctx.index, sums);
  }
  return sums;
}

/** Zeroes the sums of the people touched and every `seen` mark (one pass over a byte per person costs less than visiting the marked). */
export function clearSums({ sums, seen }: ExactSums, touched: ArrayLike<number>): void {
  for (let i = 0; i < touched.length; i++) {
    const p = touched[i]!;
    sums[SUMS * p + WANTED_BEYOND_RELATED] = 0;
    sums[SUMS * p + OFFERED] = 0;
    sums[SUMS * p + OFFERED_WEIGHT] = 0;
  }
  seen.fill(0);
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
  const teachingCounts = Uint8Array.from(ctx.directionByStage, (direction) => (direction === 'both' || direction === 'they-teach-me' ? 1 : 0));
  const learningCounts = Uint8Array.from(ctx.directionByStage, (direction) => (direction === 'both' || direction === 'i-teach-them' ? 1 : 0));
  // People who are closed or share no language with me are passed over here (fewer people to bound
  // later); one who speaks a language past the gate's bits is kept and checked exactly by the bound.
  const { gate } = lookups;
  const languages = ctx.myLanguageBits | (ctx.myOtherLanguage ? GATE_OTHER_LANGUAGE : 0);
  // The columns in locals: this loop runs once per posting, tens of thousands of times per ranking.
  const { teachPostStart, teachPostOwner, teachPostLevel, learnPostStart, learnPostOwner, learnPostPriority } = index;
  let count = 0;
  for (const want of ctx.wants) {
    if (want.skill < 0) continue;
    const weight = want.weight;
    const related = want.category >= 0 ? weight * RELATED_CREDIT : 0;
    let last = -1;
    let lastLevel = 0;
    for (let k = teachPostStart[want.skill]!, end = teachPostStart[want.skill + 1]!; k < end; k++) {
      const p = teachPostOwner[k]!;
      const bits = gate[p]!;
      if (bits >>> 31 || !teachingCounts[gateStage(bits)] || !(bits & languages)) continue;
      const level = LEVEL_CREDITS[teachPostLevel[k]!]!;
      if (p === last) {
        if (level > lastLevel) {
          sums[SUMS * p + WANTED_BEYOND_RELATED]! += weight * (level - lastLevel);
          lastLevel = level;
        }
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
    const weightOf = PRIORITY_WEIGHTS.map((priority) => priority * rarity);
    for (let k = learnPostStart[offer.skill]!, end = learnPostStart[offer.skill + 1]!; k < end; k++) {
      const p = learnPostOwner[k]!;
      const bits = gate[p]!;
      if (bits >>> 31 || !learningCounts[gateStage(bits)] || !(bits & languages)) continue;
      const weight = weightOf[learnPostPriority[k]!]!;
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
  /** Per category: RELATED_CREDIT × the credit of my best level in it (the most I add to a related wish). */
  relatedOfferCredit: Float64Array;
  wantMask: Uint32Array;
  offerMask: Uint32Array;
}

export function categoryRoom(ctx: RankContext): CategoryRoom {
  const words = ctx.lookups.categoryWords;
  const categories = ctx.index.categories.length;
  const wantRoom = new Float64Array(categories);
  const relatedOfferCredit = new Float64Array(categories);
  const wantMask = new Uint32Array(words);
  const offerMask = new Uint32Array(words);
  for (const want of ctx.wants) {
    if (want.category < 0) continue;
    wantRoom[want.category]! += want.weight * RELATED_CREDIT;
    wantMask[want.category >>> 5]! |= 1 << (want.category & 31);
  }
  for (const offer of ctx.offers) {
    if (offer.category < 0) continue;
    relatedOfferCredit[offer.category] = Math.max(relatedOfferCredit[offer.category]!, RELATED_CREDIT * LEVEL_CREDIT[offer.level]);
    offerMask[offer.category >>> 5]! |= 1 << (offer.category & 31);
  }
  return { wantRoom, relatedOfferCredit, wantMask, offerMask };
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
export function planRelated(ctx: RankContext, room: CategoryRoom, reachable: (bound: number) => boolean): RelatedPlan | undefined {
  const { lookups, index } = ctx;
  const stages = ctx.directionByStage.length;
  lookups.teachersByCategory ??= peopleByCategory(lookups.teachCategories, lookups.categoryWords, index.categories.length, index.stage, stages);
  lookups.learnersByCategory ??= peopleByCategory(lookups.learnCategories, lookups.categoryWords, index.categories.length, index.stage, stages);
  const { teachersByCategory, learnersByCategory } = lookups;
  const wanted = ctx.wantWeightSum > 0 ? room.wantRoom.reduce((sum, r) => sum + r, 0) / ctx.wantWeightSum : 0;
  const offered = Math.max(0, ...room.relatedOfferCredit);
  // Per stage, times the best context someone at that stage can have (see bestContextByStage).
  const ceilingOf = (stage: number, direction: MatchDirection, theyTeachMe: number, iTeachThem: number) =>
    100 * exchangeOf(ctx, direction, theyTeachMe, iTeachThem) * ctx.bestContextByStage[stage]!;
  const bestStage = ctx.bestContextByStage.indexOf(Math.max(...ctx.bestContextByStage));
  const bothSides = !reachable(Math.max(ceilingOf(bestStage, 'both', wanted, 0), ceilingOf(bestStage, 'both', 0, offered)));
  const teachers = (categories: number[], stage: number) => categories.map((c) => teachersByCategory[c * stages + stage]!);
  const learners = (stage: number, theyTeachMe: number, direction: MatchDirection) =>
    [...room.relatedOfferCredit.keys()]
      .filter((c) => room.relatedOfferCredit[c]! > 0 && reachable(ceilingOf(stage, direction, theyTeachMe, room.relatedOfferCredit[c]!)))
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
 * Visits the plan's lists, the lists with the highest ceiling first, and a list only while its
 * ceiling can still enter (a same-stage peer's ceiling falls below the bar before an executive's does).
 */
export function visitRelatedLists(plan: RelatedPlan, visit: (list: Uint32Array) => void, reachable: (bound: number) => boolean): void {
  const order = [...plan.lists.keys()].sort((a, b) => plan.listCeilings[b]! - plan.listCeilings[a]! || a - b);
  for (const l of order) if (reachable(plan.listCeilings[l]!)) visit(plan.lists[l]!);
}

/**
 * The people of a related list not seen before who share a category with me in a direction that
 * counts (sharesCategory), written to `out`; returns how many. Everyone in the list is marked seen,
 * so a person on several lists is looked at once.
 */
export function unseenSharing(ctx: RankContext, room: CategoryRoom, list: Uint32Array, seen: Uint8Array, bothSides: boolean, out: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (seen[p]) continue;
    seen[p] = 1;
    if (sharesCategory(ctx, room, p, bothSides)) out[count++] = p;
  }
  return count;
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
function sharesCategory(ctx: RankContext, room: CategoryRoom, p: number, bothSides: boolean): boolean {
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
 * The cheap bound of each of `people`, into `out` side by side: at least their score, from the exact
 * sums and category bit sets only (no pass over their skills), times the best context their career
 * stage allows. Each of my wishes they do not teach exactly is assumed taught at expert level in a
 * related skill if they teach in its category, and each of their uncovered wishes is assumed met by
 * my best related credit among their categories. -1 for people who fail the cheap hard requirements
 * (isAvailable). Runs for everyone who shares a skill with me, so the per-ranking values are read once.
 */
export function cheapBounds(ctx: RankContext, room: CategoryRoom, exact: ExactSums, people: Uint32Array, out: Float64Array): void {
  const { lookups, wantWeightSum, bestContextByStage, myLanguageBits, myOtherLanguage } = ctx;
  const { gate, categoryWords: words, teachCategories, learnCategories, learnWeightSum } = lookups;
  const { sums } = exact;
  const { wantMask, offerMask, wantRoom, relatedOfferCredit } = room;
  // Per career stage: 1 they teach me, 2 I teach them, 3 both ways, 0 ruled out.
  const flow = Uint8Array.from(ctx.directionByStage, (direction) => (direction === 'they-teach-me' ? 1 : direction === 'i-teach-them' ? 2 : direction === 'both' ? 3 : 0));
  const wantWeight = wantWeightSum > 0 ? 1 / wantWeightSum : 0;
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const bits = gate[p]!;
    const stage = gateStage(bits);
    const direction = bits >>> 31 ? 0 : flow[stage]!;
    if (direction === 0 || !((bits & myLanguageBits) !== 0 || ((bits & GATE_OTHER_LANGUAGE) !== 0 && myOtherLanguage && isAvailable(ctx, p)))) {
      out[i] = -1;
      continue;
    }
    let wanted = 0;
    if (direction & 1) {
      let extra = 0;
      for (let w = 0; w < words; w++) {
        for (let set = teachCategories[p * words + w]! & wantMask[w]!; set; set &= set - 1) extra += wantRoom[w * 32 + 31 - Math.clz32(set & -set)]!;
      }
      wanted = Math.max(0, Math.min(1, (sums[SUMS * p + WANTED_BEYOND_RELATED]! + extra) * wantWeight));
    }
    let offered = 0;
    const total = learnWeightSum[p]!;
    if (direction & 2 && total > 0) {
      let offerRoom = 0;
      for (let w = 0; w < words; w++) {
        for (let set = learnCategories[p * words + w]! & offerMask[w]!; set; set &= set - 1) offerRoom = Math.max(offerRoom, relatedOfferCredit[w * 32 + 31 - Math.clz32(set & -set)]!);
      }
      offered = Math.max(0, Math.min(1, (sums[SUMS * p + OFFERED]! + (total - sums[SUMS * p + OFFERED_WEIGHT]!) * offerRoom) / total));
    }
    out[i] = 100 * exchangeOf(ctx, ctx.directionByStage[stage]!, wanted, offered) * bestContextByStage[stage]!;
  }
}
