import { MEETING_FORMATS, PRIORITIES, SKILL_LEVELS, type MeetingFormat, type Priority, type SkillLevel } from '../profile';
import { GATE_OTHER_LANGUAGE, gateStage, type MySkill, type RankContext } from './context';
import type { MatchDirection, SkillMeet } from './model';
import { RESOLUTION_KINDS } from '../match-result';
import {
  IN_PERSON_ELSEWHERE,
  LEVEL_CREDIT,
  ONE_SIDED_SHARE,
  RELATED_CREDIT,
  SHARED_ERG_CREDIT,
  SHARED_INTEREST_CREDIT,
  UNKNOWN_FACTOR,
  WORKDAY_MINUTES,
} from './weights';

const LEVEL_CREDITS = SKILL_LEVELS.map((level) => LEVEL_CREDIT[level]);
const IN_PERSON_BIT = 1 << MEETING_FORMATS.indexOf('in-person');
const REMOTE_BITS = MEETING_FORMATS.reduce((bits, format, i) => (format === 'in-person' ? bits : bits | (1 << i)), 0);

export function directionOf(ctx: RankContext, p: number): MatchDirection | undefined {
  return ctx.directionByStage[ctx.index.stage[p]!];
}

function hasTag(start: Uint32Array, ids: Uint32Array, p: number, id: number): boolean {
  for (let i = start[p]!; i < start[p + 1]!; i++) if (ids[i] === id) return true;
  return false;
}

function sharesTag(start: Uint32Array, ids: Uint32Array, p: number, mine: Uint8Array): boolean {
  for (let i = start[p]!; i < start[p + 1]!; i++) if (mine[ids[i]!]) return true;
  return false;
}

/** The cheap hard requirements: open, with room, a shared language, and a pair the mode allows. */
export function isAvailable(ctx: RankContext, p: number): boolean {
  const gate = ctx.lookups.gate[p]!;
  if (gate >>> 31 || ctx.directionByStage[gateStage(gate)] === undefined) return false;
  if (gate & ctx.myLanguageBits) return true;
  return (gate & GATE_OTHER_LANGUAGE) !== 0 && ctx.myOtherLanguage && sharesTag(ctx.index.languageStart, ctx.index.languageIds, p, ctx.myLanguages);
}

/** Hard requirements and filters: anyone failing one is never a result. */
export function isEligible(ctx: RankContext, p: number): boolean {
  const { index, filter } = ctx;
  if (!isAvailable(ctx, p)) return false;
  const id = index.ids[p]!;
  if (id === ctx.selfId || ctx.excludeIds.has(id)) return false;
  if (filter.erg >= 0 && !hasTag(index.ergStart, index.ergIds, p, filter.erg)) return false;
  if (filter.language >= 0 && !hasTag(index.languageStart, index.languageIds, p, filter.language)) return false;
  if (filter.department >= 0 && index.department[p] !== filter.department) return false;
  if (filter.formatBit && !(index.formats[p]! & filter.formatBit)) return false;
  if (filter.location === 'same' && index.location[p] !== ctx.myLocation) return false;
  return !(filter.location === 'remote' && index.location[p] === ctx.myLocation);
}

/** Coverage saturates: one partner covering half of a list is already a strong fit (0.5 → 0.75). */
export function saturate(coverage: number): number {
  return coverage * (2 - coverage);
}

/**
 * The skill exchange 0..1 from both coverages. Two-way: mostly the weighted harmonic mean, so a
 * one-sided pair stays low; otherwise only the direction the seniority gap allows.
 */
export function exchangeOf(ctx: RankContext, direction: MatchDirection, theyTeachMe: number, iTeachThem: number): number {
  if (direction === 'they-teach-me') return saturate(theyTeachMe);
  if (direction === 'i-teach-them') return saturate(iTeachThem);
  const a = saturate(theyTeachMe);
  const b = saturate(iTeachThem);
  // Both direction weights 0 would leave no exchange at all: weigh the directions equally instead.
  const balanced = ctx.exchangeWeight > 0;
  const wa = balanced ? ctx.weights.theyTeachMe : 1;
  const wb = balanced ? ctx.weights.iTeachThem : 1;
  const harmonicDenominator = wa * b + wb * a;
  const harmonic = harmonicDenominator > 0 ? ((wa + wb) * a * b) / harmonicDenominator : 0;
  const arithmetic = (wa * a + wb * b) / (wa + wb);
  return (1 - ONE_SIDED_SHARE) * harmonic + ONE_SIDED_SHARE * arithmetic;
}

/** The context factors, each 0..1. */
export interface ContextFactors {
  commonGround: number;
  crossDepartment: number;
  crossGeneration: number;
  timeZone: number;
  formats: number;
}

/** Details collected for an explanation; absent on the fast path. */
export interface Detail {
  theyTeachMe: SkillMeet[];
  iTeachThem: SkillMeet[];
  ergs: string[];
  interests: string[];
  languages: string[];
  formats: MeetingFormat[];
  coverage: { theyTeachMe: number; iTeachThem: number };
  exchange: number;
  factors: ContextFactors;
  overlapMinutes: number;
  direction: MatchDirection;
}

/** How a text was read, for people: "“JS” read as JavaScript", "“Video editing for TikTok” read as Video editing + TikTok", "you wrote “Excle”". */
function reading(whose: 'you' | 'they', text: string, how: SkillMeet['myHow'], phrase: string, name: string): string | undefined {
  if (how === 'fuzzy') return `${whose} wrote “${text}”`;
  if (phrase) return `“${text}” read as ${phrase}`;
  if (how === 'alias') return `“${text}” read as ${name}`;
  return undefined;
}

/** The skills a phrase of theirs was read as ("Video editing + TikTok"): its text numbers are adjacent. */
function theirPhrase(ctx: RankContext, textId: number): string {
  const { index } = ctx;
  if (index.textPhrase[textId] !== 1) return '';
  const text = index.skillTexts[textId];
  const samePhrase = (t: number) => t >= 0 && t < index.skillTexts.length && index.textPhrase[t] === 1 && index.skillTexts[t] === text;
  let first = textId;
  while (samePhrase(first - 1)) first--;
  const names: string[] = [];
  for (let t = first; samePhrase(t); t++) names.push(index.skillNames[index.textSkill[t]!]!);
  return names.join(' + ');
}

/** One meeting of my skill and theirs, with how each text was read. */
function meet(ctx: RankContext, mine: MySkill, theirTextId: number, credit: number, grades: { level: SkillLevel; priority: Priority }, weight: number): SkillMeet {
  const { index } = ctx;
  const skill = index.textSkill[theirTextId]!;
  const key = index.skillKeys[skill]!;
  const name = index.skillNames[skill]!;
  const theirText = index.skillTexts[theirTextId]!;
  const theirHow = RESOLUTION_KINDS[index.textHow[theirTextId]!]!;
  const related = credit < 1;
  const note = [
    reading('they', theirText, theirHow, theirPhrase(ctx, theirTextId), name),
    theirText === mine.text && theirHow === mine.how ? undefined : reading('you', mine.how === 'fuzzy' ? mine.partText : mine.text, mine.how, mine.phrase, mine.name),
    related ? `related to ${mine.name} (${index.categories[index.skillCategory[skill]!]})` : undefined,
  ];
  return {
    myText: mine.text,
    theirText,
    skill: name,
    ...(key.startsWith('~') ? {} : { skillId: key }),
    match: related ? 'related' : 'same',
    myHow: mine.how,
    theirHow,
    myName: mine.name,
    ...grades,
    weight,
    note: note.filter(Boolean).join('; '),
  };
}

/** Their teaching of my wishes, 0..1: per wish the best credit × level, weighted by priority and rarity. */
function theyTeachMeCoverage(ctx: RankContext, p: number, detail: Detail | undefined): number {
  const { index } = ctx;
  let sum = 0;
  for (const want of ctx.wants) {
    let best = 0;
    let bestItem = -1;
    let bestCredit = 0;
    for (let item = index.teachStart[p]!; item < index.teachStart[p + 1]!; item++) {
      const skill = index.textSkill[index.teachText[item]!]!;
      const credit = skill === want.skill ? 1 : want.category >= 0 && index.skillCategory[skill] === want.category ? RELATED_CREDIT : 0;
      const value = credit * LEVEL_CREDITS[index.teachLevel[item]!]!;
      if (value > best) {
        best = value;
        bestItem = item;
        bestCredit = credit;
      }
    }
    sum += want.weight * best;
    if (detail && bestItem >= 0) {
      const share = (want.weight * best) / ctx.wantWeightSum;
      const grades = { level: SKILL_LEVELS[index.teachLevel[bestItem]!]!, priority: want.priority };
      detail.theyTeachMe.push(meet(ctx, want, index.teachText[bestItem]!, bestCredit, grades, share));
    }
  }
  return ctx.wantWeightSum > 0 ? sum / ctx.wantWeightSum : 0;
}

/** My teaching of their wishes, 0..1: per wish of theirs my best credit × level, weighted by their priority and rarity. */
function iTeachThemCoverage(ctx: RankContext, p: number, detail: Detail | undefined): number {
  const { index, lookups } = ctx;
  let sum = 0;
  let total = 0;
  for (let item = index.learnStart[p]!; item < index.learnStart[p + 1]!; item++) {
    const skill = index.textSkill[index.learnText[item]!]!;
    const category = index.skillCategory[skill]!;
    let best = 0;
    let bestOffer = -1;
    let bestCredit = 0;
    for (let o = 0; o < ctx.offers.length; o++) {
      const offer = ctx.offers[o]!;
      const credit = skill === offer.skill ? 1 : category >= 0 && category === offer.category ? RELATED_CREDIT : 0;
      const value = credit * offer.weight;
      if (value > best) {
        best = value;
        bestOffer = o;
        bestCredit = credit;
      }
    }
    const weight = lookups.learnWeight[item]!;
    sum += weight * best;
    total += weight;
    if (detail && bestOffer >= 0) {
      const offer = ctx.offers[bestOffer]!;
      const share = (weight * best) / lookups.learnWeightSum[p]!;
      const grades = { level: offer.level, priority: PRIORITIES[index.learnPriority[item]!]! };
      detail.iTeachThem.push(meet(ctx, offer, index.learnText[item]!, bestCredit, grades, share));
    }
  }
  return total > 0 ? sum / total : 0;
}

function commonGround(ctx: RankContext, p: number, detail: Detail | undefined): number {
  const { index } = ctx;
  let ergs = 0;
  let interests = 0;
  for (let i = index.ergStart[p]!; i < index.ergStart[p + 1]!; i++) {
    if (!ctx.myErgs[index.ergIds[i]!]) continue;
    ergs++;
    detail?.ergs.push(index.ergs[index.ergIds[i]!]!);
  }
  for (let i = index.interestStart[p]!; i < index.interestStart[p + 1]!; i++) {
    if (!ctx.myInterests[index.interestIds[i]!]) continue;
    interests++;
    detail?.interests.push(index.interests[index.interestIds[i]!]!);
  }
  return Math.min(1, SHARED_ERG_CREDIT * ergs + SHARED_INTEREST_CREDIT * interests);
}

function crossDepartment(ctx: RankContext, p: number): number {
  const theirs = ctx.index.department[p]!;
  if (ctx.myDepartment === -1 || ctx.index.departments[theirs] === '') return UNKNOWN_FACTOR;
  return theirs === ctx.myDepartment ? 0 : 1;
}

function formatFit(ctx: RankContext, p: number, detail: Detail | undefined): number {
  const shared = ctx.myFormats & ctx.index.formats[p]!;
  if (detail) detail.formats.push(...MEETING_FORMATS.filter((_, i) => shared & (1 << i)));
  if (shared & REMOTE_BITS) return 1;
  if (shared & IN_PERSON_BIT) return ctx.myLocation >= 0 && ctx.index.location[p] === ctx.myLocation ? 1 : IN_PERSON_ELSEWHERE;
  return 0;
}

function timeZoneFit(ctx: RankContext, p: number): number {
  const overlap = ctx.zoneOverlap[ctx.index.timeZone[p]!]!;
  return Number.isNaN(overlap) ? UNKNOWN_FACTOR : overlap / WORKDAY_MINUTES;
}

function crossGeneration(ctx: RankContext, p: number): number {
  return ctx.generationByStage[ctx.index.stage[p]!]!;
}

/** The context multiplier: exchangeWeight / weightSum with the worst context, 1 with the best. */
function contextFrom(ctx: RankContext, commonGround: number, crossDepartment: number, crossGeneration: number, timeZone: number, formats: number): number {
  const { weights } = ctx;
  if (!(ctx.weightSum > 0)) return 1;
  return (
    (ctx.exchangeWeight +
      weights.commonGround * commonGround +
      weights.crossDepartment * crossDepartment +
      weights.crossGeneration * crossGeneration +
      weights.timeZone * timeZone +
      weights.formats * formats) /
    ctx.weightSum
  );
}

/**
 * The context multiplier of person p, as `assess` computes it (without collecting details); with
 * `commonGround` given (1 for a bound), their shared ERGs and interests are not counted.
 */
export function contextOf(ctx: RankContext, p: number, commonGroundFactor = commonGround(ctx, p, undefined)): number {
  return contextFrom(ctx, commonGroundFactor, crossDepartment(ctx, p), crossGeneration(ctx, p), timeZoneFit(ctx, p), formatFit(ctx, p, undefined));
}

/**
 * The score 0..100 of an eligible candidate: the skill exchange scaled by how well the context
 * fits. Context alone never makes a match (no exchange, no score); a perfect context keeps the
 * exchange whole, the worst keeps exchangeWeight / weightSum of it.
 */
export function assess(ctx: RankContext, p: number, detail?: Detail): number {
  const direction = directionOf(ctx, p) ?? 'both';
  const theyTeachMe = theyTeachMeCoverage(ctx, p, detail);
  const iTeachThem = iTeachThemCoverage(ctx, p, detail);
  const exchange = exchangeOf(ctx, direction, theyTeachMe, iTeachThem);
  const factors: ContextFactors = {
    commonGround: commonGround(ctx, p, detail),
    crossDepartment: crossDepartment(ctx, p),
    crossGeneration: crossGeneration(ctx, p),
    timeZone: timeZoneFit(ctx, p),
    formats: formatFit(ctx, p, detail),
  };
  const context = contextFrom(ctx, factors.commonGround, factors.crossDepartment, factors.crossGeneration, factors.timeZone, factors.formats);
  if (detail) {
    const overlapMinutes = ctx.zoneOverlap[ctx.index.timeZone[p]!]!;
    Object.assign(detail, { coverage: { theyTeachMe, iTeachThem }, exchange, factors, overlapMinutes, direction });
    const { index } = ctx;
    for (let i = index.languageStart[p]!; i < index.languageStart[p + 1]!; i++) {
      if (ctx.myLanguages[index.languageIds[i]!]) detail.languages.push(index.languages[index.languageIds[i]!]!);
    }
  }
  return 100 * exchange * context;
}

export function emptyDetail(): Detail {
  return {
    theyTeachMe: [],
    iTeachThem: [],
    ergs: [],
    interests: [],
    languages: [],
    formats: [],
    coverage: { theyTeachMe: 0, iTeachThem: 0 },
    exchange: 0,
    factors: { commonGround: 0, crossDepartment: 0, crossGeneration: 0, timeZone: 0, formats: 0 },
    overlapMinutes: Number.NaN,
    direction: 'both',
  };
}
