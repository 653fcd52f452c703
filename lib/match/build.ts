import type { DirectoryEntry } from '../directory';
import { CAREER_STAGES, MEETING_FORMATS, PRIORITIES, SKILL_LEVELS } from '../profile';
import { TAXONOMY, compactKey, type SkillResolution, type SkillSearch } from '../skills';
import { RESOLUTION_KINDS } from '../match-result';
import { MATCH_INDEX_VERSION, type MatchIndex } from './model';
import { sharedSkillSearch } from './shared-search';
import { StringTable, tagKey } from './tables';

/** Identifies the taxonomy an index was resolved with: its size and a hash of its ids. */
const TAXONOMY_SIGNATURE = (() => {
  let hash = 0;
  for (const skill of TAXONOMY) for (let i = 0; i < skill.id.length; i++) hash = (Math.imul(hash, 31) + skill.id.charCodeAt(i)) | 0;
  return `${TAXONOMY.length}:${(hash >>> 0).toString(36)}`;
})();

/** Whether a stored value is an index this code can rank with (right layout, same taxonomy). */
export function isCurrentMatchIndex(value: unknown): value is MatchIndex {
  if (typeof value !== 'object' || value === null) return false;
  const index = value as Partial<MatchIndex>;
  return index.version === MATCH_INDEX_VERSION && index.taxonomy === TAXONOMY_SIGNATURE && Array.isArray(index.ids);
}

function positions<K extends string>(keys: readonly K[], value: (i: number) => number = (i) => i): Record<K, number> {
  return Object.fromEntries(keys.map((key, i) => [key, value(i)])) as Record<K, number>;
}

const STAGE = positions(CAREER_STAGES);
const LEVEL = positions(SKILL_LEVELS);
const PRIORITY = positions(PRIORITIES);
const FORMAT_BIT = positions(MEETING_FORMATS, (i) => 1 << i);
const HOW = positions(RESOLUTION_KINDS);

/**
 * Reads each distinct skill text once and gives every skill (taxonomy or not) a number. A text
 * that names several skills ("Excel and Power BI") gets one text number per skill, each with the
 * text as typed: a person who lists it teaches (or wants) each of them.
 */
class SkillTables {
  readonly texts: string[] = [];
  readonly textSkill: number[] = [];
  readonly textHow: number[] = [];
  readonly textPhrase: number[] = [];
  readonly keys: string[] = [];
  readonly names: string[] = [];
  readonly category: number[] = [];
  readonly categories = new StringTable();
  private readonly textIds = new Map<string, readonly number[]>();
  private readonly skillIds = new Map<string, number>();

  private readonly search: SkillSearch;

  constructor(search: SkillSearch) {
    this.search = search;
  }

  textIdsOf(raw: string): readonly number[] {
    let ids = this.textIds.get(raw);
    if (ids) return ids;
    const reading = this.search.read(raw);
    ids = reading.parts.map((part) => {
      const id = this.texts.length;
      this.texts.push(reading.input);
      this.textSkill.push(this.skillId(part));
      this.textHow.push(HOW[part.how]);
      this.textPhrase.push(reading.phrase ? 1 : 0);
      return id;
    });
    this.textIds.set(raw, ids);
    return ids;
  }

  private skillId(part: SkillResolution): number {
    const key = skillKeyOf(part);
    let skill = this.skillIds.get(key);
    if (skill === undefined) {
      skill = this.keys.length;
      this.skillIds.set(key, skill);
      this.keys.push(key);
      this.names.push(part.skill?.name ?? part.input);
      this.category.push(part.skill ? this.categories.id(part.skill.category) : -1);
    }
    return skill;
  }
}

/** A taxonomy id, or "~" + the compact text for a skill outside the taxonomy (two people typing "Knitting" still meet). */
export function skillKeyOf(resolution: SkillResolution): string {
  return resolution.skill ? resolution.skill.id : `~${compactKey(resolution.input)}`;
}

/** A list per entry, stored as CSR while the entries are walked in order: add items, then close the entry. */
class ListColumn {
  readonly start: Uint32Array;
  readonly values: number[] = [];
  /** Level or priority per item, for skill lists. */
  readonly grades: number[] = [];

  private readonly graded;
  constructor(
    count: number,
    graded = false,
  ) {
    this.graded = graded;
    this.start = new Uint32Array(count + 1);
  }

  add(value: number, grade = 0): void {
    this.values.push(value);
    if (this.graded) this.grades.push(grade);
  }

  /** The text numbers of one skill text (several for a phrase), each with the same grade. */
  addAll(values: readonly number[], grade: number): void {
    for (let i = 0; i < values.length; i++) this.add(values[i]!, grade);
  }

  close(p: number): void {
    this.start[p + 1] = this.values.length;
  }
}

/**
 * Skill → people postings by counting sort. Entries are walked in order, so each list is sorted by
 * entry and one entry's items for a skill are adjacent.
 */
function postings(start: Uint32Array, texts: Uint32Array, grades: Uint8Array, textSkill: Uint32Array, skillCount: number) {
  const postStart = new Uint32Array(skillCount + 1);
  for (const text of texts) postStart[textSkill[text]! + 1]!++;
  for (let s = 0; s < skillCount; s++) postStart[s + 1]! += postStart[s]!;
  const fill = postStart.slice(0, skillCount);
  const owner = new Uint32Array(texts.length);
  const grade = new Uint8Array(texts.length);
  for (let p = 0; p + 1 < start.length; p++) {
    for (let item = start[p]!; item < start[p + 1]!; item++) {
      const at = fill[textSkill[texts[item]!]!]!++;
      owner[at] = p;
      grade[at] = grades[item]!;
    }
  }
  return { start: postStart, owner, grade };
}

type SkillLists = Pick<MatchIndex, 'teachStart' | 'teachText' | 'teachLevel' | 'learnStart' | 'learnText' | 'learnPriority' | 'textSkill'>;
type Postings = Pick<MatchIndex, 'teachPostStart' | 'teachPostOwner' | 'teachPostLevel' | 'learnPostStart' | 'learnPostOwner' | 'learnPostPriority'>;

/** Who teaches and who wants each of `skillCount` skills, from the entries' skill lists. */
export function skillPostings(lists: SkillLists, skillCount: number): Postings {
  const teach = postings(lists.teachStart, lists.teachText, lists.teachLevel, lists.textSkill, skillCount);
  const learn = postings(lists.learnStart, lists.learnText, lists.learnPriority, lists.textSkill, skillCount);
  return {
    teachPostStart: teach.start,
    teachPostOwner: teach.owner,
    teachPostLevel: teach.grade,
    learnPostStart: learn.start,
    learnPostOwner: learn.owner,
    learnPostPriority: learn.grade,
  };
}

const SEPARATOR = '\u0000';

/**
 * All names as one search string, each ended by a newline (a search word never holds one, so it
 * cannot match across two names), normalised like tagKey in one pass over the whole text.
 */
function packNames(names: readonly string[]): { nameText: string; nameStart: Uint32Array } {
  const safe = names.some((name) => name.includes(SEPARATOR)) ? names.map((name) => name.replaceAll(SEPARATOR, ' ')) : names;
  const nameText = `${tagKey(safe.join(SEPARATOR)).replace(/ ?\u0000 ?/g, '\n')}${names.length ? '\n' : ''}`;
  const nameStart = new Uint32Array(names.length + 1);
  for (let p = 0, at = 0; p < names.length; p++) {
    at = nameText.indexOf('\n', at) + 1;
    nameStart[p + 1] = at;
  }
  return { nameText, nameStart };
}

/**
 * Builds the match index of a directory, once per directory version. Skill texts are resolved by
 * `search` (default: the engine's shared resolver, whose cache makes rebuilds cheap).
 */
export function buildMatchIndex(entries: readonly DirectoryEntry[], search: SkillSearch = sharedSkillSearch): MatchIndex {
  const count = entries.length;
  const skills = new SkillTables(search);
  const titles = new StringTable();
  const departments = new StringTable();
  const locations = new StringTable();
  const timeZones = new StringTable();
  const languages = new StringTable();
  const ergs = new StringTable();
  const interests = new StringTable();

  const title = new Uint32Array(count);
  const department = new Uint32Array(count);
  const location = new Uint32Array(count);
  const timeZone = new Uint32Array(count);
  const stage = new Uint8Array(count);
  const formats = new Uint8Array(count);
  const capacity = new Uint8Array(count);
  const paused = new Uint8Array(count);
  const ids: string[] = new Array<string>(count);
  const names: string[] = new Array<string>(count);
  const teach = new ListColumn(count, true);
  const learn = new ListColumn(count, true);
  const languageLists = new ListColumn(count);
  const ergLists = new ListColumn(count);
  const interestLists = new ListColumn(count);

  // One pass over the entries: they are scattered objects, so each visit costs cache misses.
  for (let p = 0; p < count; p++) {
    const entry = entries[p]!;
    ids[p] = entry.id;
    names[p] = entry.name;
    title[p] = titles.id(entry.title);
    department[p] = departments.id(entry.department);
    location[p] = locations.id(entry.location);
    timeZone[p] = timeZones.id(entry.timeZone);
    stage[p] = STAGE[entry.careerStage];
    let bits = 0;
    for (const format of entry.formats) bits |= FORMAT_BIT[format];
    formats[p] = bits;
    capacity[p] = entry.capacity;
    paused[p] = entry.status === 'paused' ? 1 : 0;
    for (const skill of entry.teach) teach.addAll(skills.textIdsOf(skill.name), LEVEL[skill.level]);
    for (const skill of entry.learn) learn.addAll(skills.textIdsOf(skill.name), PRIORITY[skill.priority]);
    for (const language of entry.languages) languageLists.add(languages.id(language));
    for (const erg of entry.ergs) ergLists.add(ergs.id(erg));
    for (const interest of entry.interests) interestLists.add(interests.id(interest));
    teach.close(p);
    learn.close(p);
    languageLists.close(p);
    ergLists.close(p);
    interestLists.close(p);
  }

  const teachText = Uint32Array.from(teach.values);
  const teachLevel = Uint8Array.from(teach.grades);
  const learnText = Uint32Array.from(learn.values);
  const learnPriority = Uint8Array.from(learn.grades);
  const textSkill = Uint32Array.from(skills.textSkill);
  const lists = { teachStart: teach.start, teachText, teachLevel, learnStart: learn.start, learnText, learnPriority, textSkill };

  return {
    version: MATCH_INDEX_VERSION,
    taxonomy: TAXONOMY_SIGNATURE,
    count,
    ids,
    ...packNames(names),
    title,
    titles: titles.values,
    department,
    departments: departments.values,
    location,
    locations: locations.values,
    timeZone,
    timeZones: timeZones.values,
    stage,
    formats,
    capacity,
    paused,
    languageStart: languageLists.start,
    languageIds: Uint32Array.from(languageLists.values),
    languages: languages.values,
    ergStart: ergLists.start,
    ergIds: Uint32Array.from(ergLists.values),
    ergs: ergs.values,
    interestStart: interestLists.start,
    interestIds: Uint32Array.from(interestLists.values),
    interests: interests.values,
    ...lists,
    skillTexts: skills.texts,
    textHow: Uint8Array.from(skills.textHow),
    textPhrase: Uint8Array.from(skills.textPhrase),
    skillKeys: skills.keys,
    skillNames: skills.names,
    skillCategory: Int16Array.from(skills.category),
    categories: skills.categories.values,
    ...skillPostings(lists, skills.keys.length),
  };
}
