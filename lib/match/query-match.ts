import type { RankContext } from './context';
import type { MatchIndex } from './model';
import { tagKey } from './tables';

/** What one word of a text search hits: per table entry of departments, titles, locations, and per skill. */
interface WordHits {
  word: string;
  departments: Uint8Array;
  titles: Uint8Array;
  locations: Uint8Array;
  /** A skill is hit when its name, or any spelling people used for it, contains the word. */
  skills: Uint8Array;
}

/** The index's tables as search keys (tagKey), made on the first search of an index. */
interface SearchTables {
  skillNames: string[];
  skillTexts: string[];
  departments: string[];
  titles: string[];
  locations: string[];
}

const searchTablesCache = new WeakMap<MatchIndex, SearchTables>();

function searchTablesOf(index: MatchIndex): SearchTables {
  let tables = searchTablesCache.get(index);
  if (!tables) {
    tables = {
      skillNames: index.skillNames.map(tagKey),
      skillTexts: index.skillTexts.map(tagKey),
      departments: index.departments.map(tagKey),
      titles: index.titles.map(tagKey),
      locations: index.locations.map(tagKey),
    };
    searchTablesCache.set(index, tables);
  }
  return tables;
}

function flagTable(keys: readonly string[], word: string): Uint8Array {
  return Uint8Array.from(keys, (key) => (key.includes(word) ? 1 : 0));
}

function wordHits(index: MatchIndex, word: string): WordHits {
  const tables = searchTablesOf(index);
  const skills = flagTable(tables.skillNames, word);
  tables.skillTexts.forEach((text, t) => {
    if (text.includes(word)) skills[index.textSkill[t]!] = 1;
  });
  return { word, departments: flagTable(tables.departments, word), titles: flagTable(tables.titles, word), locations: flagTable(tables.locations, word), skills };
}

function hasSkill(start: Uint32Array, texts: Uint32Array, textSkill: Uint32Array, p: number, wanted: (skill: number) => boolean): boolean {
  for (let i = start[p]!; i < start[p + 1]!; i++) if (wanted(textSkill[texts[i]!]!)) return true;
  return false;
}

/** Whether person p teaches (or wants) a skill the predicate accepts. */
function teachesOrLearns(index: MatchIndex, p: number, wanted: (skill: number) => boolean): boolean {
  return hasSkill(index.teachStart, index.teachText, index.textSkill, p, wanted) || hasSkill(index.learnStart, index.learnText, index.textSkill, p, wanted);
}

/**
 * The reference: whether person p matches the search, looking at p alone. A text search matches
 * when every word is in their name, department, title, location or one of their skills, or when
 * the whole text names a skill they teach or want to learn.
 */
export function queryPredicate(ctx: RankContext): ((p: number) => boolean) | undefined {
  const { index, query } = ctx;
  switch (query.kind) {
    case 'none':
      return undefined;
    case 'they-teach':
      return (p) => hasSkill(index.teachStart, index.teachText, index.textSkill, p, (skill) => query.skills.includes(skill));
    case 'they-learn':
      return (p) => hasSkill(index.learnStart, index.learnText, index.textSkill, p, (skill) => query.skills.includes(skill));
    case 'text': {
      const hits = query.words.map((word) => wordHits(index, word));
      return (p) => {
        if (teachesOrLearns(index, p, (skill) => query.skills.includes(skill))) return true;
        const name = index.nameText.slice(index.nameStart[p], index.nameStart[p + 1]);
        return hits.every(
          (w) =>
            name.includes(w.word) ||
            w.departments[index.department[p]!] === 1 ||
            w.titles[index.title[p]!] === 1 ||
            w.locations[index.location[p]!] === 1 ||
            teachesOrLearns(index, p, (skill) => w.skills[skill] === 1),
        );
      };
    }
  }
}

/** The name of person p's first skill (taught, or wanted) that `wanted` accepts. */
function firstSkill(index: MatchIndex, start: Uint32Array, texts: Uint32Array, p: number, wanted: (skill: number) => boolean): string | undefined {
  for (let i = start[p]!; i < start[p + 1]!; i++) {
    const skill = index.textSkill[texts[i]!]!;
    if (wanted(skill)) return index.skillNames[skill];
  }
  return undefined;
}

/** "teaches Python" / "wants to learn Python": which of p's skills `wanted` accepts, in words. */
function skillInWords(index: MatchIndex, p: number, wanted: (skill: number) => boolean): string | undefined {
  const taught = firstSkill(index, index.teachStart, index.teachText, p, wanted);
  if (taught) return `teaches ${taught}`;
  const learnt = firstSkill(index, index.learnStart, index.learnText, p, wanted);
  return learnt && `wants to learn ${learnt}`;
}

const wordHitsCache = new WeakMap<RankContext, WordHits[]>();

/** What in p's entry the words of a text search were found in, in words. */
function textReason(ctx: RankContext, p: number, words: readonly string[]): string {
  const { index } = ctx;
  let hits = wordHitsCache.get(ctx);
  if (!hits) wordHitsCache.set(ctx, (hits = words.map((word) => wordHits(index, word))));
  if (hits.every((w) => w.departments[index.department[p]!] === 1)) return `department ${index.departments[index.department[p]!]}`;
  if (hits.every((w) => w.titles[index.title[p]!] === 1)) return `title ${index.titles[index.title[p]!]}`;
  if (hits.every((w) => w.locations[index.location[p]!] === 1)) return `location ${index.locations[index.location[p]!]}`;
  const name = index.nameText.slice(index.nameStart[p], index.nameStart[p + 1]);
  if (hits.every((w) => name.includes(w.word))) return 'their name';
  return hits.map((w) => skillInWords(index, p, (skill) => w.skills[skill] === 1)).find(Boolean) ?? 'every word of it';
}

/**
 * What the search found in person p's entry, for the card: "teaches Python", "department
 * Marketing", "their name". Undefined without a search (or for one that only names a department, a filter).
 */
export function searchReason(ctx: RankContext, p: number): string | undefined {
  const { index, query } = ctx;
  const asked = (skill: number) => query.kind !== 'none' && query.skills.includes(skill);
  switch (query.kind) {
    case 'none':
      return undefined;
    case 'they-teach':
      return `teaches ${firstSkill(index, index.teachStart, index.teachText, p, asked) ?? query.name}`;
    case 'they-learn':
      return `wants to learn ${firstSkill(index, index.learnStart, index.learnText, p, asked) ?? query.name}`;
    case 'text':
      return skillInWords(index, p, asked) ?? textReason(ctx, p, query.words);
  }
}

function postingOwners(start: Uint32Array, owner: Uint32Array, skill: number, visit: (p: number) => void): void {
  for (let k = start[skill]!; k < start[skill + 1]!; k++) visit(owner[k]!);
}

/** The entry whose name starts at or before `offset` in the packed names. */
function entryAtNameOffset(index: MatchIndex, offset: number): number {
  let lo = 0;
  let hi = index.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.nameStart[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Who a search names: a mark per entry, and the marked entries in order. */
export interface QueryMatches {
  named: Uint8Array;
  positions: Uint32Array;
}

/** Marks for each entry whose table value (department, title or location) is flagged; skipped when none is. */
function hitColumn(column: Uint32Array, flags: Uint8Array, hit: (p: number) => void): void {
  if (!flags.includes(1)) return;
  for (let p = 0; p < column.length; p++) if (flags[column[p]!]) hit(p);
}

/**
 * Everyone the search names, found without looking at each person: postings for skills, the
 * packed names for names, the table columns for departments, titles and locations. It names
 * exactly whom queryPredicate accepts.
 */
export function queryMatches(ctx: RankContext): QueryMatches | undefined {
  const { index, query } = ctx;
  if (query.kind === 'none') return undefined;
  const named = new Uint8Array(index.count);
  const mark = (p: number) => {
    named[p] = 1;
  };
  if (query.kind === 'they-teach') for (const skill of query.skills) postingOwners(index.teachPostStart, index.teachPostOwner, skill, mark);
  if (query.kind === 'they-learn') for (const skill of query.skills) postingOwners(index.learnPostStart, index.learnPostOwner, skill, mark);
  if (query.kind === 'text') {
    // Words in turn: a person at count k has matched the first k words; a second hit of one word does nothing.
    const count = new Uint8Array(index.count);
    query.words.forEach((word, k) => {
      const hit = (p: number) => {
        if (count[p] === k) count[p] = k + 1;
      };
      const w = wordHits(index, word);
      for (let at = index.nameText.indexOf(word); at >= 0; at = index.nameText.indexOf(word, at + 1)) hit(entryAtNameOffset(index, at));
      hitColumn(index.department, w.departments, hit);
      hitColumn(index.title, w.titles, hit);
      hitColumn(index.location, w.locations, hit);
      w.skills.forEach((flag, skill) => {
        if (!flag) return;
        postingOwners(index.teachPostStart, index.teachPostOwner, skill, hit);
        postingOwners(index.learnPostStart, index.learnPostOwner, skill, hit);
      });
    });
    for (let p = 0; p < index.count; p++) if (count[p] === query.words.length) named[p] = 1;
    for (const skill of query.skills) {
      postingOwners(index.teachPostStart, index.teachPostOwner, skill, mark);
      postingOwners(index.learnPostStart, index.learnPostOwner, skill, mark);
    }
  }
  let total = 0;
  for (let p = 0; p < index.count; p++) total += named[p]!;
  const positions = new Uint32Array(total);
  for (let p = 0, at = 0; at < total; p++) if (named[p]) positions[at++] = p;
  return { named, positions };
}
