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

function flagTable(values: readonly string[], word: string): Uint8Array {
  return Uint8Array.from(values, (value) => (tagKey(value).includes(word) ? 1 : 0));
}

function wordHits(index: MatchIndex, word: string): WordHits {
  const skills = flagTable(index.skillNames, word);
  index.skillTexts.forEach((text, t) => {
    if (tagKey(text).includes(word)) skills[index.textSkill[t]!] = 1;
  });
  return { word, departments: flagTable(index.departments, word), titles: flagTable(index.titles, word), locations: flagTable(index.locations, word), skills };
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
      return (p) => hasSkill(index.teachStart, index.teachText, index.textSkill, p, (skill) => skill === query.skill);
    case 'they-learn':
      return (p) => hasSkill(index.learnStart, index.learnText, index.textSkill, p, (skill) => skill === query.skill);
    case 'text': {
      const hits = query.words.map((word) => wordHits(index, word));
      return (p) => {
        if (query.skill >= 0 && teachesOrLearns(index, p, (skill) => skill === query.skill)) return true;
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

/**
 * Everyone the search names, in entry order, found without looking at each person: postings for
 * skills, the packed names for names, the table columns for departments, titles and locations.
 * It matches exactly who queryPredicate accepts.
 */
export function queryMatches(ctx: RankContext): number[] | undefined {
  const { index, query } = ctx;
  if (query.kind === 'none') return undefined;
  const matched = new Uint8Array(index.count);
  if (query.kind === 'they-teach') postingOwners(index.teachPostStart, index.teachPostOwner, query.skill, (p) => (matched[p] = 1));
  if (query.kind === 'they-learn') postingOwners(index.learnPostStart, index.learnPostOwner, query.skill, (p) => (matched[p] = 1));
  if (query.kind === 'text') {
    // Words in turn: a person at count k has matched the first k words; a second hit of one word does nothing.
    const count = new Uint8Array(index.count);
    query.words.forEach((word, k) => {
      const hit = (p: number) => {
        if (count[p] === k) count[p] = k + 1;
      };
      const w = wordHits(index, word);
      for (let at = index.nameText.indexOf(word); at >= 0; at = index.nameText.indexOf(word, at + 1)) hit(entryAtNameOffset(index, at));
      for (let p = 0; p < index.count; p++) {
        if (w.departments[index.department[p]!] || w.titles[index.title[p]!] || w.locations[index.location[p]!]) hit(p);
      }
      w.skills.forEach((flag, skill) => {
        if (!flag) return;
        postingOwners(index.teachPostStart, index.teachPostOwner, skill, hit);
        postingOwners(index.learnPostStart, index.learnPostOwner, skill, hit);
      });
    });
    for (let p = 0; p < index.count; p++) if (count[p] === query.words.length) matched[p] = 1;
    if (query.skill >= 0) {
      postingOwners(index.teachPostStart, index.teachPostOwner, query.skill, (p) => (matched[p] = 1));
      postingOwners(index.learnPostStart, index.learnPostOwner, query.skill, (p) => (matched[p] = 1));
    }
  }
  const positions: number[] = [];
  for (let p = 0; p < index.count; p++) if (matched[p]) positions.push(p);
  return positions;
}
