import { CAREER_STAGES, MEETING_FORMATS, type MatchWeights, type Priority, type Profile, type SkillLevel } from '../profile';
import type { SkillResolution, SkillSearch } from '../skills';
import { skillKeyOf } from './build';
import type { MatchDirection, MatchIndex, RankOptions } from './model';
import { parseQuery, splitDepartment, type ParsedQuery } from './query';
import { sharedSkillSearch } from './shared-search';
import { lookupOf, tagKey } from './tables';
import { DEFAULT_WEIGHTS, FULL_GENERATION_GAP, LEVEL_CREDIT, PRIORITY_WEIGHT, RARITY_BOOST } from './weights';
import { utcOffsetMinutes, workdayOverlapMinutes } from './zones';

/** What ranking derives from an index once and reuses across queries (the index itself stays plain data). */
interface IndexLookups {
  skillOf: ReadonlyMap<string, number>;
  categoryOf: ReadonlyMap<string, number>;
  /** Skills of each category. */
  categorySkills: readonly (readonly number[])[];
  /** Per skill: 1..1+RARITY_BOOST, higher when fewer people teach it. */
  rarity: Float64Array;
  /** Per learn item: priority × rarity of the wanted skill. */
  learnWeight: Float64Array;
  /** Per entry: the sum of its learn items' weights. */
  learnWeightSum: Float64Array;
  languageOf: ReadonlyMap<string, number>;
  ergOf: ReadonlyMap<string, number>;
  interestOf: ReadonlyMap<string, number>;
  departmentOf: ReadonlyMap<string, number>;
  locationOf: ReadonlyMap<string, number>;
  /**
   * Per entry, the cheap hard requirements in one word: bit 31 closed (full or paused), bits 29-30
   * career stage, bits 0-27 languages numbered below 28, bit 28 any other language.
   */
  gate: Uint32Array;
  /** Categories per entry as bit sets of `categoryWords` 32-bit words: what they teach, what they want. */
  categoryWords: number;
  teachCategories: Uint32Array;
  learnCategories: Uint32Array;
  /**
   * Per category and career stage (list category × stages + stage), the people who teach / want a
   * skill in it, in entry order; made when first needed.
   */
  teachersByCategory?: Uint32Array[];
  learnersByCategory?: Uint32Array[];
}

const lookupsCache = new WeakMap<MatchIndex, IndexLookups>();

function lookupsOf(index: MatchIndex): IndexLookups {
  let lookups = lookupsCache.get(index);
  if (!lookups) {
    lookups = deriveLookups(index);
    lookupsCache.set(index, lookups);
  }
  return lookups;
}

function deriveLookups(index: MatchIndex): IndexLookups {
  const skillCount = index.skillKeys.length;
  const categorySkills = index.categories.map((): number[] => []);
  index.skillCategory.forEach((category, skill) => {
    if (category >= 0) categorySkills[category]!.push(skill);
  });
  // Rarity on a log scale normalised by the directory size, so it means the same at 50 or 100,000 people.
  const scale = Math.log(index.count + 1) || 1;
  const rarity = new Float64Array(skillCount);
  for (let s = 0; s < skillCount; s++) {
    const teachers = index.teachPostStart[s + 1]! - index.teachPostStart[s]!;
    rarity[s] = 1 + (RARITY_BOOST * Math.log((index.count + 1) / (teachers + 1))) / scale;
  }
  const priorityWeights = Object.values(PRIORITY_WEIGHT);
  const learnWeight = new Float64Array(index.learnText.length);
  const learnWeightSum = new Float64Array(index.count);
  for (let p = 0; p < index.count; p++) {
    let sum = 0;
    for (let j = index.learnStart[p]!; j < index.learnStart[p + 1]!; j++) {
      learnWeight[j] = priorityWeights[index.learnPriority[j]!]! * rarity[index.textSkill[index.learnText[j]!]!]!;
      sum += learnWeight[j]!;
    }
    learnWeightSum[p] = sum;
  }
  const categoryWords = Math.max(1, Math.ceil(index.categories.length / 32));
  return {
    gate: gatesOf(index),
    categoryWords,
    teachCategories: categorySets(index, index.teachStart, index.teachText, categoryWords),
    learnCategories: categorySets(index, index.learnStart, index.learnText, categoryWords),
    skillOf: new Map(index.skillKeys.map((key, s) => [key, s])),
    categoryOf: lookupOf(index.categories),
    categorySkills,
    rarity,
    learnWeight,
    learnWeightSum,
    languageOf: lookupOf(index.languages),
    ergOf: lookupOf(index.ergs),
    interestOf: lookupOf(index.interests),
    departmentOf: lookupOf(index.departments),
    locationOf: lookupOf(index.locations),
  };
}

const GATE_LANGUAGES = 28;
export const GATE_OTHER_LANGUAGE = 1 << GATE_LANGUAGES;
const GATE_STAGE_SHIFT = 29;

function gatesOf(index: MatchIndex): Uint32Array {
  const gate = new Uint32Array(index.count);
  for (let p = 0; p < index.count; p++) {
    let bits = (index.stage[p]! << GATE_STAGE_SHIFT) | (index.capacity[p] === 0 || index.paused[p] === 1 ? 1 << 31 : 0);
    for (let i = index.languageStart[p]!; i < index.languageStart[p + 1]!; i++) {
      const language = index.languageIds[i]!;
      bits |= language < GATE_LANGUAGES ? 1 << language : GATE_OTHER_LANGUAGE;
    }
    gate[p] = bits >>> 0;
  }
  return gate;
}

export function gateStage(gate: number): number {
  return (gate >>> GATE_STAGE_SHIFT) & 3;
}

function categorySets(index: MatchIndex, start: Uint32Array, texts: Uint32Array, words: number): Uint32Array {
  const sets = new Uint32Array(index.count * words);
  for (let p = 0; p < index.count; p++) {
    for (let item = start[p]!; item < start[p + 1]!; item++) {
      const category = index.skillCategory[index.textSkill[texts[item]!]!]!;
      if (category >= 0) sets[p * words + (category >>> 5)]! |= 1 << (category & 31);
    }
  }
  return sets;
}

/** Which skill flow counts with someone at each career stage, or undefined when the mode rules them out. */
function directionsByStage(mode: RankOptions['mode'], myStage: number): (MatchDirection | undefined)[] {
  return CAREER_STAGES.map((_, theirStage) => {
    if (mode === 'two-way') return 'both';
    if (theirStage === myStage) return undefined;
    // Reverse: the earlier-career person teaches. Traditional: the more senior one does.
    return myStage < theirStage === (mode === 'reverse') ? 'i-teach-them' : 'they-teach-me';
  });
}

/** Inverts per-person category bit sets into lists of people per category and stage, in entry order. */
export function peopleByCategory(sets: Uint32Array, words: number, categories: number, stage: Uint8Array, stages: number): Uint32Array[] {
  const people: number[][] = Array.from({ length: categories * stages }, () => []);
  for (let i = 0; i < sets.length; i++) {
    const p = Math.floor(i / words);
    for (let bits = sets[i]!; bits; bits &= bits - 1) people[((i % words) * 32 + 31 - Math.clz32(bits & -bits)) * stages + stage[p]!]!.push(p);
  }
  return people.map((list) => Uint32Array.from(list));
}

/** One of my skills, read against the index: a skill text, or one skill of a phrase. */
export interface MySkill {
  /** The text as I typed it (the whole phrase for a skill a phrase names). */
  text: string;
  /** The words of the text read as this skill ("Excle" in "Excle and Power BI"). */
  partText: string;
  /** For a phrase, the skills it was read as ("Video editing + TikTok"); '' otherwise. Always set: one object shape keeps the hot loops monomorphic. */
  phrase: string;
  how: SkillResolution['how'];
  /** Canonical name (taxonomy name, or the text as typed). */
  name: string;
  /** Index skill number, -1 when nobody in the directory has it. */
  skill: number;
  /** Index category number, -1 when none (outside the taxonomy or a category nobody has). */
  category: number;
}

/** A skill I want to learn; weight = priority × rarity. */
interface MyWant extends MySkill {
  priority: Priority;
  weight: number;
}

/** A skill I can teach; weight = the credit of my level. */
interface MyOffer extends MySkill {
  level: SkillLevel;
  weight: number;
}

/** A free-text search read against the index. */
type QueryPlan =
  | { kind: 'none' }
  /** People who teach (they-teach) or want to learn (they-learn) a skill the text names (index skill numbers; empty when nobody has one). */
  | { kind: 'they-teach' | 'they-learn'; skills: number[]; name: string }
  /** Words to find in names, departments, titles, locations and skills; the skills the whole text names. */
  | { kind: 'text'; words: string[]; skills: number[]; text: string };

/** Everything one ranking needs, prepared once per call. */
export interface RankContext {
  index: MatchIndex;
  lookups: IndexLookups;
  mode: RankOptions['mode'];
  /** The caller's or the profile's weights, with the defaults for any they lack. */
  weights: Required<MatchWeights>;
  /** Per career stage: the cross-generation factor with someone at that stage. */
  generationByStage: Float64Array;
  /**
   * Per career stage: the context multiplier of someone at that stage with every other factor
   * perfect, what bounds multiply by (a same-stage peer can never have a perfect context when
   * cross-generation counts).
   */
  bestContextByStage: Float64Array;
  /** Sum of all weights, and the part the skill exchange carries. */
  weightSum: number;
  exchangeWeight: number;
  wants: MyWant[];
  offers: MyOffer[];
  wantWeightSum: number;
  myStage: number;
  /** Per career stage: the skill flow that counts with them, undefined when the mode rules them out. */
  directionByStage: (MatchDirection | undefined)[];
  /** Per table entry: 1 if I have it. */
  myLanguages: Uint8Array;
  /** My languages as gate bits, and whether I speak one numbered GATE_LANGUAGES or more. */
  myLanguageBits: number;
  myOtherLanguage: boolean;
  myErgs: Uint8Array;
  myInterests: Uint8Array;
  /** Table numbers; -1 when mine is empty, -2 when nobody in the directory shares it. */
  myDepartment: number;
  /** My department as I wrote it ('' when I left it empty). */
  myDepartmentName: string;
  myLocation: number;
  myFormats: number;
  /** Per time zone of the index: minutes of shared working hours, NaN when a zone is unknown. */
  zoneOverlap: Float64Array;
  selfId: string;
  excludeIds: ReadonlySet<string>;
  filter: { erg: number; department: number; formatBit: number; language: number; location?: 'remote' | 'same' };
  query: QueryPlan;
  /** A search was asked: every result is someone it names (or someone in the department it names). */
  searching: boolean;
  /** A filter names something nobody has: nothing can match. */
  impossible: boolean;
}

const NOT_MINE = -1;
const NOBODY = -2;
const ANY = -1;

type Keyed<T> = T & { key: string };

/** My skill text read as the directory's were (one skill, or each skill of a phrase). */
function readSkills(lookups: IndexLookups, search: SkillSearch, text: string): Keyed<MySkill>[] {
  const reading = search.read(text);
  const phrase = reading.phrase ? reading.parts.map((part) => part.skill?.name ?? part.input).join(' + ') : '';
  return reading.parts.map((part) => {
    const key = skillKeyOf(part);
    return {
      key,
      text: reading.input,
      partText: part.input,
      phrase,
      how: part.how,
      name: part.skill?.name ?? part.input,
      skill: lookups.skillOf.get(key) ?? -1,
      category: part.skill ? (lookups.categoryOf.get(tagKey(part.skill.category)) ?? -1) : -1,
    };
  });
}

/** Keeps one skill per key: the heaviest, the first on ties; `extra` (a query's skills) only if not listed. */
function distinctSkills<T extends MySkill & { weight: number }>(listed: Keyed<T>[], extra: Keyed<T>[]): T[] {
  const byKey = new Map<string, Keyed<T>>();
  for (const skill of listed) {
    const current = byKey.get(skill.key);
    if (!current || skill.weight > current.weight) byKey.set(skill.key, skill);
  }
  for (const skill of extra) if (!byKey.has(skill.key)) byKey.set(skill.key, skill);
  return [...byKey.values()];
}

/** My wishes, one per skill; a "teach me X" query adds X as a high priority. Rarer skills weigh more. */
function readWants(lookups: IndexLookups, search: SkillSearch, me: Profile, extra: string | undefined): MyWant[] {
  const read = (name: string, priority: Priority): Keyed<MyWant>[] =>
    readSkills(lookups, search, name).map((skill) => {
      const rarity = skill.skill >= 0 ? lookups.rarity[skill.skill]! : 1 + RARITY_BOOST;
      return { ...skill, priority, weight: PRIORITY_WEIGHT[priority] * rarity };
    });
  return distinctSkills(
    me.learn.flatMap((learn) => read(learn.name, learn.priority)),
    extra === undefined ? [] : read(extra, 'high'),
  );
}

/** My offers, one per skill; a "who wants to learn X" query adds X at intermediate level unless I list it. */
function readOffers(lookups: IndexLookups, search: SkillSearch, me: Profile, extra: string | undefined): MyOffer[] {
  const read = (name: string, level: SkillLevel): Keyed<MyOffer>[] =>
    readSkills(lookups, search, name).map((skill) => ({ ...skill, level, weight: LEVEL_CREDIT[level] }));
  return distinctSkills(
    me.teach.flatMap((teach) => read(teach.name, teach.level)),
    extra === undefined ? [] : read(extra, 'intermediate'),
  );
}

function flags(size: number, values: readonly string[], lookup: ReadonlyMap<string, number>): Uint8Array {
  const mine = new Uint8Array(size);
  for (const value of values) {
    const id = lookup.get(tagKey(value));
    if (id !== undefined) mine[id] = 1;
  }
  return mine;
}

function tableNumber(value: string, lookup: ReadonlyMap<string, number>): number {
  if (!tagKey(value)) return NOT_MINE;
  return lookup.get(tagKey(value)) ?? NOBODY;
}

function filterNumber(value: string | undefined, lookup: ReadonlyMap<string, number>): number {
  if (value === undefined || !tagKey(value)) return ANY;
  return lookup.get(tagKey(value)) ?? NOBODY;
}

/** The department filter and the one a search names must agree; two different ones match nobody. */
function bothDepartments(filtered: number, searched: number | undefined): number {
  if (searched === undefined || filtered === searched) return filtered;
  return filtered === ANY ? searched : NOBODY;
}

function zoneOverlaps(index: MatchIndex, myZone: string, now: Date): Float64Array {
  const mine = utcOffsetMinutes(myZone, now);
  return Float64Array.from(index.timeZones, (zone) => {
    const theirs = utcOffsetMinutes(zone, now);
    return mine === undefined || theirs === undefined ? Number.NaN : workdayOverlapMinutes(mine, theirs);
  });
}

/** The index numbers of skills somebody in the directory has. */
function indexSkills(skills: readonly MySkill[]): number[] {
  return [...new Set(skills.map((skill) => skill.skill).filter((skill) => skill >= 0))];
}

function planQuery(lookups: IndexLookups, search: SkillSearch, parsed: ParsedQuery): QueryPlan {
  switch (parsed.kind) {
    case 'none':
      return parsed;
    case 'they-teach':
    case 'they-learn': {
      const read = readSkills(lookups, search, parsed.skillText);
      return { kind: parsed.kind, skills: indexSkills(read), name: read.map((skill) => skill.name).join(' + ') };
    }
    case 'text': {
      // Only a skill the whole text names: a name or title search ("Maya, sales") must not name everyone with a skill in it.
      const known = readSkills(lookups, search, parsed.text).filter((skill) => skill.how !== 'unknown' && !skill.phrase);
      return { kind: 'text', words: tagKey(parsed.text).split(' ').filter(Boolean), skills: indexSkills(known), text: parsed.text };
    }
  }
}

export function createRankContext(index: MatchIndex, me: Profile, options: RankOptions, search: SkillSearch = sharedSkillSearch): RankContext {
  const lookups = lookupsOf(index);
  const weights = { ...DEFAULT_WEIGHTS, ...(options.weights ?? me.weights) };
  const myStage = CAREER_STAGES.indexOf(me.careerStage);
  // "someone in Marketing who knows finance": the department filters, the rest is the search.
  const split = splitDepartment(options.query, (text) => lookups.departmentOf.get(tagKey(text)));
  const searchedDepartment = split?.department;
  const parsed = parseQuery(split ? split.rest : options.query);
  const wants = readWants(lookups, search, me, parsed.kind === 'they-teach' ? parsed.skillText : undefined);
  const offers = readOffers(lookups, search, me, parsed.kind === 'they-learn' ? parsed.skillText : undefined);
  const filters = options.filters ?? {};
  const filter = {
    erg: filterNumber(filters.erg, lookups.ergOf),
    department: bothDepartments(filterNumber(filters.department, lookups.departmentOf), searchedDepartment),
    formatBit: filters.format ? 1 << MEETING_FORMATS.indexOf(filters.format) : 0,
    language: filterNumber(filters.language, lookups.languageOf),
    location: filters.location,
  };
  const myLocation = tableNumber(me.location, lookups.locationOf);
  const myLanguages = flags(index.languages.length, me.languages, lookups.languageOf);
  const query = planQuery(lookups, search, parsed);
  const exchangeWeight = weights.theyTeachMe + weights.iTeachThem;
  const weightSum = exchangeWeight + weights.commonGround + weights.crossDepartment + weights.crossGeneration + weights.timeZone + weights.formats;
  const generationByStage = Float64Array.from(CAREER_STAGES, (_, stage) => Math.min(1, Math.abs(stage - myStage) / FULL_GENERATION_GAP));
  const generationRoom = weights.crossGeneration;
  return {
    index,
    lookups,
    mode: options.mode,
    weights,
    generationByStage,
    bestContextByStage: generationByStage.map((generation) => (weightSum > 0 ? (weightSum - generationRoom * (1 - generation)) / weightSum : 1)),
    weightSum,
    exchangeWeight,
    wants,
    offers,
    wantWeightSum: wants.reduce((sum, want) => sum + want.weight, 0),
    myStage,
    directionByStage: directionsByStage(options.mode, myStage),
    myLanguages,
    myLanguageBits: myLanguages.subarray(0, GATE_LANGUAGES).reduce((bits, mine, language) => (mine ? bits | (1 << language) : bits), 0),
    myOtherLanguage: myLanguages.subarray(GATE_LANGUAGES).includes(1),
    myErgs: flags(index.ergs.length, me.ergs, lookups.ergOf),
    myInterests: flags(index.interests.length, me.interests, lookups.interestOf),
    myDepartment: tableNumber(me.department, lookups.departmentOf),
    myDepartmentName: me.department.trim(),
    myLocation,
    myFormats: me.formats.reduce((bits, format) => bits | (1 << MEETING_FORMATS.indexOf(format)), 0),
    zoneOverlap: zoneOverlaps(index, me.timeZone, options.now ?? new Date()),
    selfId: me.email.trim().toLowerCase(),
    excludeIds: options.excludeIds ?? new Set(),
    filter,
    query,
    searching: query.kind !== 'none' || searchedDepartment !== undefined,
    impossible:
      filter.erg === NOBODY ||
      filter.department === NOBODY ||
      filter.language === NOBODY ||
      (filters.location === 'same' && myLocation < 0) ||
      ((query.kind === 'they-teach' || query.kind === 'they-learn') && query.skills.length === 0),
  };
}
