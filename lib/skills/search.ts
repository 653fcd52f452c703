import Fuse from 'fuse.js';
import { compactKey, skillWords, sortedWordsKey } from './normalise';
import { parseTaxonomy } from './taxonomy';

export interface Skill {
  id: string;
  name: string;
  category: string;
  aliases: readonly string[];
}

export interface SkillResolution {
  /** The text as typed (trimmed). */
  input: string;
  /** The taxonomy skill, unless `how` is 'unknown' (then the text is kept as typed). */
  skill?: Skill;
  how: 'exact' | 'alias' | 'fuzzy' | 'unknown';
  /** Confidence 0..1: 1 for exact and alias, lower for fuzzy, 0 for unknown. */
  score: number;
  /** The name or alias the input matched. */
  matchedText?: string;
}

export interface SkillSuggestion {
  name: string;
  category?: string;
  /** Set when the query matched an alias ("js" → JavaScript). */
  matchedAlias?: string;
  source: 'taxonomy' | 'directory';
}

export interface SkillSearch {
  resolve(text: string): SkillResolution;
  suggest(query: string, limit?: number): SkillSuggestion[];
}

export const TAXONOMY: readonly Skill[] = Object.freeze(parseTaxonomy());

/** One name or alias of a skill, as the fuzzy search sees it. */
interface SkillText {
  skill: Skill;
  /** The name or alias as written in the taxonomy. */
  text: string;
  isAlias: boolean;
  /** Normalised words joined by single spaces: what fuse.js searches. */
  words: string;
  compact: string;
}

/** The search's view of the taxonomy: every name and alias, keyed the ways resolve() looks them up. */
interface SearchTables {
  texts: readonly SkillText[];
  byCompact: ReadonlyMap<string, SkillText>;
  bySortedWords: ReadonlyMap<string, SkillText>;
  /** Bigram → positions in `texts` of the texts holding it. */
  bigrams: ReadonlyMap<string, readonly number[]>;
}

/** First writer wins, so a skill's own name beats another skill's alias with the same key. */
function keyMap(texts: readonly SkillText[], key: (text: SkillText) => string): ReadonlyMap<string, SkillText> {
  const map = new Map<string, SkillText>();
  for (const text of [...texts].sort((a, b) => Number(a.isAlias) - Number(b.isAlias))) {
    const k = key(text);
    if (k && !map.has(k)) map.set(k, text);
  }
  return map;
}

function bigramIndex(texts: readonly SkillText[]): ReadonlyMap<string, readonly number[]> {
  const index = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const gram of new Set(bigramsOf(text.compact))) {
      const list = index.get(gram);
      if (list) list.push(i);
      else index.set(gram, [i]);
    }
  });
  return index;
}

function buildTables(): SearchTables {
  const texts = TAXONOMY.flatMap((skill) =>
    [skill.name, ...skill.aliases].map((text, i) => ({
      skill,
      text,
      isAlias: i > 0,
      words: skillWords(text).join(' '),
      compact: compactKey(text),
    })),
  );
  return {
    texts,
    byCompact: keyMap(texts, (text) => text.compact),
    bySortedWords: keyMap(texts, (text) => sortedWordsKey(text.text)),
    bigrams: bigramIndex(texts),
  };
}

let builtTables: SearchTables | undefined;

/** Built on first use, not on import: a popup that paints its last ranking resolves no skill at all. */
function tables(): SearchTables {
  builtTables ??= buildTables();
  return builtTables;
}

/** Fuzzy scores below this are not trusted: "cooking" must not become "Coaching". */
const MIN_FUZZY_SCORE = 0.6;
/** A partial name must cover most of the skill text: "art" is not "AI art". */
const MIN_COVERAGE = 0.6;
/** fuse.js threshold (0 = perfect): about one typo in four characters. */
const FUSE_THRESHOLD = 0.25;
/** Queries shorter than this are too ambiguous for fuzzy matching ("r", "go", "ux" resolve exactly or not at all). */
const MIN_FUZZY_LENGTH = 3;
/** How many texts the cheap bigram screen hands to fuse.js. */
const SCREEN_SIZE = 24;
/**
 * Texts sharing fewer bigrams than this (Dice coefficient) cannot pass the fuzzy rules below: one
 * typo in a short word or a partial name covering 60 % of a text still shares about half.
 */
const MIN_DICE = 0.4;
/** Reordered words ("modelling financial") are almost as sure as an alias. */
const REORDERED_SCORE = 0.95;

function bigramsOf(compact: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < compact.length; i++) grams.push(compact.slice(i, i + 2));
  return grams;
}

/**
 * fuse.js over ~2,500 names and aliases costs milliseconds per query, too slow for a directory's
 * thousands of distinct skill texts; a bigram screen keeps only the few texts that could match.
 */
function screen(compact: string): SkillText[] {
  const { texts, bigrams } = tables();
  const grams = new Set(bigramsOf(compact));
  const shared = new Map<number, number>();
  for (const gram of grams) for (const i of bigrams.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const candidates: { i: number; dice: number }[] = [];
  for (const [i, count] of shared) {
    const dice = (2 * count) / (grams.size + Math.max(1, texts[i]!.compact.length - 1));
    if (dice >= MIN_DICE) candidates.push({ i, dice });
  }
  return candidates
    .sort((a, b) => b.dice - a.dice || a.i - b.i)
    .slice(0, SCREEN_SIZE)
    .map(({ i }) => texts[i]!);
}

interface FuzzyHit {
  text: SkillText;
  score: number;
}

/**
 * Typos and partial names through fuse.js. A hit must start at a word of the skill text and its
 * score shrinks with the part of the text left unmatched, so "art" does not become "Smartphone
 * photography" and "pyton" prefers Python to PyTorch.
 */
function fuzzyHits(query: string): FuzzyHit[] {
  const { texts } = tables();
  const words = skillWords(query).join(' ');
  const compact = compactKey(query);
  if (compact.length < MIN_FUZZY_LENGTH) return [];
  const fuse = new Fuse(screen(compact), {
    keys: ['words'],
    includeScore: true,
    includeMatches: true,
    threshold: FUSE_THRESHOLD,
    ignoreLocation: true,
    ignoreFieldNorm: true,
  });
  return fuse
    .search(words)
    .flatMap((result): FuzzyHit[] => {
      const start = Math.min(...(result.matches ?? []).flatMap((match) => match.indices.map(([from]) => from)));
      if (!(start === 0 || result.item.words[start - 1] === ' ')) return [];
      const coverage = Math.min(1, words.length / result.item.words.length);
      if (coverage < MIN_COVERAGE) return [];
      const score = (1 - (result.score ?? 1)) * (0.6 + 0.4 * coverage);
      return score >= MIN_FUZZY_SCORE ? [{ text: result.item, score }] : [];
    })
    .sort((a, b) => b.score - a.score || texts.indexOf(a.text) - texts.indexOf(b.text));
}

function resolveUncached(input: string): SkillResolution {
  const { byCompact, bySortedWords } = tables();
  const exact = byCompact.get(compactKey(input));
  if (exact) return { input, skill: exact.skill, how: exact.isAlias ? 'alias' : 'exact', score: 1, matchedText: exact.text };
  const reordered = bySortedWords.get(sortedWordsKey(input));
  if (reordered) return { input, skill: reordered.skill, how: 'fuzzy', score: REORDERED_SCORE, matchedText: reordered.text };
  const best = fuzzyHits(input)[0];
  if (best) return { input, skill: best.text.skill, how: 'fuzzy', score: best.score, matchedText: best.text.text };
  return { input, how: 'unknown', score: 0 };
}

interface ScoredSuggestion {
  suggestion: SkillSuggestion;
  score: number;
}

/** How well a typed prefix fits a text: whole text, start of the text, start of a later word. */
function prefixScore(query: string, compact: string, words: string): number {
  if (compact === query) return 1;
  if (compact.startsWith(query)) return 0.9;
  return words.split(' ').some((_, i, all) => all.slice(i).join('').startsWith(query)) ? 0.75 : 0;
}

/** Directory skills rank just below taxonomy skills that fit as well: their spelling is anyone's. */
const DIRECTORY_DISCOUNT = 0.9;
/** An alias match ranks below a name match of the same strength. */
const ALIAS_DISCOUNT = 0.95;
const DEFAULT_SUGGESTIONS = 8;

export function createSkillSearch(extraNames: Iterable<string> = []): SkillSearch {
  const cache = new Map<string, SkillResolution>();
  const extras = distinctExtras(extraNames);

  function resolve(text: string): SkillResolution {
    const input = text.trim();
    const key = compactKey(input);
    const cached = cache.get(key);
    if (cached) return cached.input === input ? cached : { ...cached, input };
    const resolution = resolveUncached(input);
    cache.set(key, resolution);
    return resolution;
  }

  function suggest(query: string, limit = DEFAULT_SUGGESTIONS): SkillSuggestion[] {
    const key = compactKey(query);
    if (!key || limit <= 0) return [];
    const best = new Map<string, ScoredSuggestion>();
    const offer = (id: string, candidate: ScoredSuggestion) => {
      const current = best.get(id);
      if (!current || candidate.score > current.score) best.set(id, candidate);
    };
    const fromText = (text: SkillText, score: number): ScoredSuggestion => ({
      score: text.isAlias ? score * ALIAS_DISCOUNT : score,
      suggestion: {
        name: text.skill.name,
        category: text.skill.category,
        ...(text.isAlias ? { matchedAlias: text.text } : {}),
        source: 'taxonomy',
      },
    });
    for (const text of tables().texts) {
      const score = prefixScore(key, text.compact, text.words);
      if (score > 0) offer(text.skill.id, fromText(text, score));
    }
    for (const hit of fuzzyHits(query)) offer(hit.text.skill.id, fromText(hit.text, 0.7 * hit.score));
    for (const extra of extras) {
      const score = prefixScore(key, extra.compact, extra.words) * DIRECTORY_DISCOUNT;
      if (score > 0 && resolve(extra.name).how === 'unknown') {
        offer(`directory:${extra.compact}`, { score, suggestion: { name: extra.name, source: 'directory' } });
      }
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.suggestion.name.length - b.suggestion.name.length ||
          a.suggestion.name.localeCompare(b.suggestion.name),
      )
      .slice(0, limit)
      .map((scored) => scored.suggestion);
  }

  return { resolve, suggest };
}

interface ExtraName {
  name: string;
  compact: string;
  words: string;
}

/** Directory skill names, one per spelling key; the first spelling seen is the one shown. */
function distinctExtras(names: Iterable<string>): ExtraName[] {
  const byKey = new Map<string, ExtraName>();
  for (const raw of names) {
    const name = raw.trim();
    const compact = compactKey(name);
    if (compact && !byKey.has(compact) && !tables().byCompact.has(compact)) {
      byKey.set(compact, { name, compact, words: skillWords(name).join(' ') });
    }
  }
  return [...byKey.values()];
}
