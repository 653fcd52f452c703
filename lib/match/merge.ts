import type { MatchIndex } from './model';
import { isCurrentMatchIndex, skillPostings } from './build';
import { tagKey } from './tables';

/**
 * The index of two directories' entries, `a`'s then `b`'s, from the index of each: what two
 * threads that each built the index of their part combine, without either seeing the other's
 * entries. It equals buildMatchIndex of the concatenated entries (a unit test holds it to that).
 */
type Remap = (id: number) => number;

/** `a`'s table with `b`'s values appended unless already present under `keyOf`; and how b's ids map. */
function mergeTable(a: readonly string[], b: readonly string[], keyOf: (value: string) => string = tagKey): { values: string[]; remap: Remap } {
  const values = [...a];
  const byKey = new Map<string, number>();
  values.forEach((value, i) => {
    const key = keyOf(value);
    if (!byKey.has(key)) byKey.set(key, i);
  });
  const map = b.map((value) => {
    const key = keyOf(value);
    let id = byKey.get(key);
    if (id === undefined) {
      id = values.push(value) - 1;
      byKey.set(key, id);
    }
    return id;
  });
  return { values, remap: (id) => map[id]! };
}

function concatInto<T extends Uint8Array | Uint32Array | Int16Array>(make: new (length: number) => T, a: T, b: ArrayLike<number>): T {
  const out = new make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function mapped(values: Uint32Array, remap: Remap): Uint32Array {
  return values.map(remap);
}

/** `a` then `b` as one CSR: b's starts shifted past a's items. */
function concatStarts(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length - 1);
  out.set(a);
  const shift = a[a.length - 1]!;
  for (let p = 1; p < b.length; p++) out[a.length - 1 + p] = b[p]! + shift;
  return out;
}

function concatList(aStart: Uint32Array, aIds: Uint32Array, bStart: Uint32Array, bIds: Uint32Array, remap: Remap) {
  return { start: concatStarts(aStart, bStart), ids: concatInto(Uint32Array, aIds, mapped(bIds, remap)) };
}

function mergeSkills(a: MatchIndex, b: MatchIndex) {
  const categories = mergeTable(a.categories, b.categories);
  const skillKeys = [...a.skillKeys];
  const skillNames = [...a.skillNames];
  const skillCategory = [...a.skillCategory];
  const skillOf = new Map(skillKeys.map((key, s) => [key, s]));
  const skillMap = b.skillKeys.map((key, s) => {
    let id = skillOf.get(key);
    if (id === undefined) {
      id = skillKeys.push(key) - 1;
      skillOf.set(key, id);
      skillNames.push(b.skillNames[s]!);
      const category = b.skillCategory[s]!;
      skillCategory.push(category < 0 ? category : categories.remap(category));
    }
    return id;
  });
  const skillTexts = [...a.skillTexts];
  const textSkill = [...a.textSkill];
  const textHow = [...a.textHow];
  const textPhrase = [...a.textPhrase];
  // A phrase has one text number per skill it names: a text is the text and its skill.
  const textKey = (text: string, skill: number) => `${skill}\u0000${text}`;
  const textOf = new Map<string, number>();
  skillTexts.forEach((text, t) => {
    const key = textKey(text, textSkill[t]!);
    if (!textOf.has(key)) textOf.set(key, t);
  });
  const textMap = b.skillTexts.map((text, t) => {
    const skill = skillMap[b.textSkill[t]!]!;
    let id = textOf.get(textKey(text, skill));
    if (id === undefined) {
      id = skillTexts.push(text) - 1;
      textOf.set(textKey(text, skill), id);
      textSkill.push(skill);
      textHow.push(b.textHow[t]!);
      textPhrase.push(b.textPhrase[t]!);
    }
    return id;
  });
  return {
    skillTexts,
    textSkill: Uint32Array.from(textSkill),
    textHow: Uint8Array.from(textHow),
    textPhrase: Uint8Array.from(textPhrase),
    skillKeys,
    skillNames,
    skillCategory: Int16Array.from(skillCategory),
    categories: categories.values,
    remapText: (id: number) => textMap[id]!,
  };
}

export function mergeMatchIndexes(a: MatchIndex, b: MatchIndex): MatchIndex {
  const titles = mergeTable(a.titles, b.titles);
  const departments = mergeTable(a.departments, b.departments);
  const locations = mergeTable(a.locations, b.locations);
  const timeZones = mergeTable(a.timeZones, b.timeZones);
  const languages = mergeTable(a.languages, b.languages);
  const ergs = mergeTable(a.ergs, b.ergs);
  const interests = mergeTable(a.interests, b.interests);
  const { remapText, ...skills } = mergeSkills(a, b);
  const languageList = concatList(a.languageStart, a.languageIds, b.languageStart, b.languageIds, languages.remap);
  const ergList = concatList(a.ergStart, a.ergIds, b.ergStart, b.ergIds, ergs.remap);
  const interestList = concatList(a.interestStart, a.interestIds, b.interestStart, b.interestIds, interests.remap);
  const teachStart = concatStarts(a.teachStart, b.teachStart);
  const teachText = concatInto(Uint32Array, a.teachText, mapped(b.teachText, remapText));
  const teachLevel = concatInto(Uint8Array, a.teachLevel, b.teachLevel);
  const learnStart = concatStarts(a.learnStart, b.learnStart);
  const learnText = concatInto(Uint32Array, a.learnText, mapped(b.learnText, remapText));
  const learnPriority = concatInto(Uint8Array, a.learnPriority, b.learnPriority);
  const lists = { teachStart, teachText, teachLevel, learnStart, learnText, learnPriority, textSkill: skills.textSkill };
  const nameShift = a.nameText.length;
  return {
    version: a.version,
    taxonomy: a.taxonomy,
    count: a.count + b.count,
    ids: [...a.ids, ...b.ids],
    nameText: a.nameText + b.nameText,
    nameStart: concatInto(Uint32Array, a.nameStart, b.nameStart.subarray(1).map((at) => at + nameShift)),
    title: concatInto(Uint32Array, a.title, mapped(b.title, titles.remap)),
    titles: titles.values,
    department: concatInto(Uint32Array, a.department, mapped(b.department, departments.remap)),
    departments: departments.values,
    location: concatInto(Uint32Array, a.location, mapped(b.location, locations.remap)),
    locations: locations.values,
    timeZone: concatInto(Uint32Array, a.timeZone, mapped(b.timeZone, timeZones.remap)),
    timeZones: timeZones.values,
    stage: concatInto(Uint8Array, a.stage, b.stage),
    formats: concatInto(Uint8Array, a.formats, b.formats),
    capacity: concatInto(Uint8Array, a.capacity, b.capacity),
    paused: concatInto(Uint8Array, a.paused, b.paused),
    languageStart: languageList.start,
    languageIds: languageList.ids,
    languages: languages.values,
    ergStart: ergList.start,
    ergIds: ergList.ids,
    ergs: ergs.values,
    interestStart: interestList.start,
    interestIds: interestList.ids,
    interests: interests.values,
    ...skills,
    ...lists,
    ...skillPostings(lists, skills.skillKeys.length),
  };
}

/** Indexes built separately (by workers: checked, as any value that crossed a boundary), joined in order. */
export function joinMatchIndexes(indexes: readonly unknown[]): MatchIndex {
  const checked = indexes.map((index) => {
    if (!isCurrentMatchIndex(index)) throw new Error('A part of the directory came back without a usable match index.');
    return index;
  });
  if (!checked.length) throw new Error('No index to join.');
  return checked.reduce((joined, next) => mergeMatchIndexes(joined, next));
}
