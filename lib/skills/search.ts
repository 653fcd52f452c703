import Fuse from 'fuse.js';
import { typoDistance } from './distance';
import { compactKey, skillWords, sortedWordsKey, typedWords } from './normalise';
import { parseTaxonomy } from './taxonomy';

export interface Skill {
  id: string;
  name: string;
  category: string;
  aliases: readonly string[];
  /** Aliases that are everyday words ("teams"): inside a phrase they count only when typed with a capital. */
  everydayAliases: readonly string[];
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

/**
 * What a skill text names, as every part of Mutual reads it (profile editor, directory, search,
 * command line): one resolution for a skill, an alias, a typo or an unknown text; one per skill for
 * a phrase that holds known skills ("Video editing for TikTok" → Video editing + TikTok).
 */
export interface SkillReading {
  input: string;
  /** At least one; several only for a phrase. Unknown texts have one part with how 'unknown'. */
  parts: readonly SkillResolution[];
  /** Read as a phrase: the skills were found inside the text, not as the whole of it. */
  phrase: boolean;
}

export interface SkillSuggestion {
  name: string;
  category?: string;
  /** Set when the query matched an alias ("js" → JavaScript). */
  matchedAlias?: string;
  source: 'taxonomy' | 'directory';
}

export interface SkillSearch {
  /** The whole text as one skill (name, alias, typo) or unknown. */
  resolve(text: string): SkillResolution;
  /** What the text names: resolve(), or the skills a phrase holds. Cached. */
  read(text: string): SkillReading;
  suggest(query: string, limit?: number): SkillSuggestion[];
}

export const TAXONOMY: readonly Skill[] = Object.freeze(parseTaxonomy());

/** One name or alias of a skill, as the fuzzy search sees it. */
interface SkillText {
  skill: Skill;
  /** The name or alias as written in the taxonomy. */
  text: string;
  isAlias: boolean;
  /** An everyday word ("teams", "impact"): inside a phrase it counts only when typed with a capital. */
  everyday: boolean;
  /** Normalised words joined by single spaces: what fuse.js searches. */
  words: string;
  compact: string;
}

/** The search's view of the taxonomy: every name and alias, keyed the ways resolve() looks them up. */
interface SearchTables {
  texts: readonly SkillText[];
  byCompact: ReadonlyMap<string, SkillText>;
  bySortedWords: ReadonlyMap<string, SkillText>;
  /** Bigram → the fuzzy targets (isFuzzyTarget) holding it. */
  bigrams: ReadonlyMap<string, readonly SkillText[]>;
  /** The most words any name or alias has: the longest run a phrase is searched for. */
  longestWords: number;
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

function bigramIndex(targets: readonly SkillText[]): ReadonlyMap<string, readonly SkillText[]> {
  const index = new Map<string, SkillText[]>();
  targets.forEach((text) => {
    for (const gram of new Set(bigramsOf(text.compact))) {
      const list = index.get(gram);
      if (list) list.push(text);
      else index.set(gram, [text]);
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
      everyday: i > 0 && skill.everydayAliases.includes(text),
      words: skillWords(text).join(' '),
      compact: compactKey(text),
    })),
  );
  return {
    texts,
    byCompact: keyMap(texts, (text) => text.compact),
    bySortedWords: keyMap(texts, (text) => sortedWordsKey(text.text)),
    bigrams: bigramIndex(texts.filter(isFuzzyTarget)),
    longestWords: Math.max(...texts.map((text) => text.words.split(' ').length)),
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
/**
 * Names and queries shorter than this (letters and digits) are never matched fuzzily: "R", "Go",
 * "C", "UX", "AI" or "SQL" resolve exactly or not at all, since one typo away lies another word.
 */
const MIN_FUZZY_LENGTH = 4;
/** A typo match (letters swapped, missing, extra or wrong) allows about one edit per four letters. */
const LETTERS_PER_TYPO = 4;
/** How many texts the cheap bigram screen hands to fuse.js. */
const SCREEN_SIZE = 24;
/**
 * Texts sharing fewer bigrams than this (Dice coefficient) cannot pass the fuzzy rules below: one
 * typo in a short word or a partial name covering 60 % of a text still shares about half.
 */
const MIN_DICE = 0.4;
/** Reordered words ("modelling financial") are almost as sure as an alias. */
const REORDERED_SCORE = 0.95;

function isFuzzyTarget(text: SkillText): boolean {
  return text.compact.length >= MIN_FUZZY_LENGTH;
}

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
  // Reading one text may screen the same words for a typo, a partial name and inside a phrase.
  let screened = screenCache.get(compact);
  if (!screened) {
    if (screenCache.size >= MAX_SCREENS_CACHED) screenCache.clear();
    screened = screenUncached(compact);
    screenCache.set(compact, screened);
  }
  return screened;
}

const screenCache = new Map<string, SkillText[]>();
const MAX_SCREENS_CACHED = 20_000;

function screenUncached(compact: string): SkillText[] {
  const { bigrams } = tables();
  const grams = new Set(bigramsOf(compact));
  const shared = new Map<SkillText, number>();
  for (const gram of grams) for (const text of bigrams.get(gram) ?? []) shared.set(text, (shared.get(text) ?? 0) + 1);
  const candidates: { text: SkillText; dice: number; order: number }[] = [];
  let order = 0;
  for (const [text, count] of shared) {
    const dice = (2 * count) / (grams.size + Math.max(1, text.compact.length - 1));
    if (dice >= MIN_DICE) candidates.push({ text, dice, order: order++ });
  }
  return candidates
    .sort((a, b) => b.dice - a.dice || a.order - b.order)
    .slice(0, SCREEN_SIZE)
    .map(({ text }) => text);
}

interface FuzzyHit {
  text: SkillText;
  score: number;
}

/** Whether `word` is within the typo allowance of `other` (about one edit per four letters). */
function isTypoOf(word: string, other: string): boolean {
  const limit = Math.floor(Math.min(word.length, other.length) / LETTERS_PER_TYPO);
  return typoDistance(word, other, limit) <= limit;
}

/**
 * Whether each word typed (bar connectors) is a word of the skill text, the start of one, or a typo
 * of one: letters alone made "ai for marketing" close to "TikTok marketing", "social skills" (three
 * edits in twelve letters, all in one word) to "Social selling" and "cloud" to "Claude".
 */
function wordsCorrespond(typed: string, target: string): boolean {
  // The whole target as one word too: "msexcel" is "MS Excel" typed without its space.
  const targetWords = [...target.split(' '), target.replaceAll(' ', '')];
  return typed
    .split(' ')
    .filter((word) => word && !JOINING.has(word))
    .every((word) => targetWords.some((other) => other.startsWith(word) || isTypoOf(word, other)));
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
  const candidates = screen(compact);
  const fuse = new Fuse(candidates, {
    keys: ['words'],
    includeScore: true,
    includeMatches: true,
    threshold: FUSE_THRESHOLD,
    ignoreLocation: true,
    ignoreFieldNorm: true,
  });
  const partial = fuse
    .search(words)
    .flatMap((result): FuzzyHit[] => {
      const start = Math.min(...(result.matches ?? []).flatMap((match) => match.indices.map(([from]) => from)));
      if (!(start === 0 || result.item.words[start - 1] === ' ')) return [];
      const coverage = Math.min(1, words.length / result.item.words.length);
      if (coverage < MIN_COVERAGE || !wordsCorrespond(words, result.item.words)) return [];
      const score = (1 - (result.score ?? 1)) * (0.6 + 0.4 * coverage);
      return score >= MIN_FUZZY_SCORE ? [{ text: result.item, score }] : [];
    });
  const typos = typoHits(compact, candidates).filter((hit) => wordsCorrespond(words, hit.text.words));
  return [...typos, ...partial].sort((a, b) => b.score - a.score || texts.indexOf(a.text) - texts.indexOf(b.text));
}

/**
 * Whole-text typos by Damerau–Levenshtein distance: "Excle" and "Budegting" are one swap away,
 * which fuse.js (no transpositions) counts as two edits and rejects. About one edit per four
 * letters of the shorter text, and the first letter right.
 */
function typoHits(compact: string, candidates: readonly SkillText[]): FuzzyHit[] {
  return candidates.flatMap((text): FuzzyHit[] => {
    // People rarely mistype the first letter, bar swapping the first two ("ePrsonal"); a text that
    // differs there is another word ("research" is not "UX research").
    const swapped = compact[0] === text.compact[1] && compact[1] === text.compact[0];
    if (text.compact[0] !== compact[0] && !swapped) return [];
    const limit = Math.floor(Math.min(compact.length, text.compact.length) / LETTERS_PER_TYPO);
    const edits = typoDistance(compact, text.compact, limit);
    return edits > 0 && edits <= limit ? [{ text, score: 1 - edits / text.compact.length }] : [];
  });
}

function named(input: string, text: SkillText): SkillResolution {
  return { input, skill: text.skill, how: text.isAlias ? 'alias' : 'exact', score: 1, matchedText: text.text };
}

/** The whole text as a name or alias, or as one in another word order. */
function resolveExactly(input: string): SkillResolution | undefined {
  const { byCompact, bySortedWords } = tables();
  const exact = byCompact.get(compactKey(input));
  if (exact) return named(input, exact);
  const reordered = bySortedWords.get(sortedWordsKey(input));
  return reordered && { input, skill: reordered.skill, how: 'fuzzy', score: REORDERED_SCORE, matchedText: reordered.text };
}

function resolveFuzzily(input: string): SkillResolution | undefined {
  const best = fuzzyHits(input)[0];
  return best && { input, skill: best.text.skill, how: 'fuzzy', score: best.score, matchedText: best.text.text };
}

/** Only a typo of a whole name or alias, no partial name: what the words left inside a phrase may be. */
function resolveTypo(input: string, inPhrase = false): SkillResolution | undefined {
  const compact = compactKey(input);
  if (compact.length < MIN_FUZZY_LENGTH) return undefined;
  const words = skillWords(input).join(' ');
  // Inside a phrase a typo names neither an everyday word nor a short name ("the board" holds no Boards, no Bard).
  const best = typoHits(compact, screen(compact))
    .filter((hit) => wordsCorrespond(words, hit.text.words) && !(inPhrase && (hit.text.everyday || hit.text.compact.length < MIN_PHRASE_TYPO_LENGTH)))
    .sort((a, b) => b.score - a.score)[0];
  return best && { input, skill: best.text.skill, how: 'fuzzy', score: best.score, matchedText: best.text.text };
}

function resolveUncached(input: string): SkillResolution {
  return resolveExactly(input) ?? resolveFuzzily(input) ?? { input, how: 'unknown', score: 0 };
}

/** Words that join skills in a phrase ("Excel and Power BI", "Python for data analysis"): never a skill on their own. */
const JOINING_WORDS = 'a an and as at by for from in into of on or plus the to using via with within my our your'.split(' ');
const CONNECTORS = new Set([...JOINING_WORDS, 'skills', 'skill', 'basics']);
/** Words that only join others: a guess need not account for them ("Excle and Power BI"). */
const JOINING = new Set(JOINING_WORDS);
/** Inside a phrase a name this short counts only when typed like a name ("R", "Go", "UX"): "ready to go" holds no Go. */
const SHORT_NAME = 2;
/** Inside a phrase, words left over are read as a typo of a name only from this length: "at work" holds no Word. */
const MIN_PHRASE_TYPO_LENGTH = 5;

/**
 * The skills a phrase holds, longest first: at each word the longest run of words that is a name
 * or alias is taken ("public speaking" before "speaking"); a connector never counts alone; a run
 * of words left between them counts only as a typo of a whole name ("Video editting"), never as a
 * partial one, so "development" does not become Web development. Parts are in the order typed, one per skill.
 */
function readPhrase(input: string): SkillResolution[] {
  const { byCompact, longestWords } = tables();
  const typed = typedWords(input);
  const words = typed.map((word) => word.toLowerCase());
  const parts: SkillResolution[] = [];
  let leftover: string[] = [];
  const closeLeftover = () => {
    const text = leftover.join(' ');
    // An everyday word left out on purpose ("social skills") is not guessed as a typo of another name either.
    const everyday = byCompact.get(compactKey(text))?.everyday ?? false;
    const guess = !everyday && compactKey(text).length >= MIN_PHRASE_TYPO_LENGTH ? resolveTypo(text, true) : undefined;
    if (guess) parts.push(guess);
    leftover = [];
  };
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(longestWords, words.length - i); n >= 1 && !taken; n--) {
      const run = words.slice(i, i + n);
      if (n === 1 && CONNECTORS.has(run[0]!)) continue;
      const text = byCompact.get(run.join(''));
      if (!text) continue;
      // A short name or an everyday word counts only when typed with a capital ("for Teams", "UX").
      if ((text.compact.length <= SHORT_NAME || (n === 1 && text.everyday)) && typed[i] === words[i]) continue;
      closeLeftover();
      parts.push(named(typed.slice(i, i + n).join(' '), text));
      taken = n;
    }
    if (taken) {
      i += taken;
      continue;
    }
    if (CONNECTORS.has(words[i]!)) closeLeftover();
    else leftover.push(typed[i]!);
    i++;
  }
  closeLeftover();
  const seen = new Set<string>();
  return parts.filter((part) => !seen.has(part.skill!.id) && Boolean(seen.add(part.skill!.id)));
}

/**
 * Reads a skill text: a name or alias as a whole stays whole ("Research and development"), and so
 * does a typo of one ("Scial media strategy" is not Social media + Strategy); a phrase naming two
 * or more skills reads as them; else a partial name; else the one skill a phrase holds ("Advanced
 * Excel"); else unknown, kept as typed.
 */
function readUncached(input: string, resolve: (text: string) => SkillResolution): SkillReading {
  const whole = resolveExactly(input) ?? resolveTypo(input);
  if (whole) return { input, parts: [whole], phrase: false };
  const parts = readPhrase(input);
  if (parts.length >= 2) return { input, parts, phrase: true };
  const single = resolve(input);
  if (single.how !== 'unknown' || !parts.length) return { input, parts: [single], phrase: false };
  return { input, parts, phrase: true };
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

  const readings = new Map<string, SkillReading>();
  function read(text: string): SkillReading {
    const input = text.trim();
    // Case counts: a phrase's short names must be typed like names.
    const key = typedWords(input).join(' ');
    const cached = readings.get(key);
    if (cached) return cached.input === input ? cached : { input, parts: cached.phrase ? cached.parts : [{ ...cached.parts[0]!, input }], phrase: cached.phrase };
    const reading = readUncached(input, resolve);
    readings.set(key, reading);
    return reading;
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

  return { resolve, read, suggest };
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

/** "Microsoft Excel (closest spelling)": how one part of a reading is named for people; a guess always says so. */
function partLabel(part: SkillResolution): string {
  const name = part.skill?.name ?? part.input;
  return part.how === 'fuzzy' ? `${name} (closest spelling)` : name;
}

/**
 * How a text was read, in words for the profile editor: "read as Video editing + TikTok", "read as
 * Microsoft Excel (closest spelling)"; undefined when the text is a skill's own name.
 */
export function describeReading(reading: SkillReading): string | undefined {
  const [first] = reading.parts;
  if (!first) return undefined;
  if (!reading.phrase && first.how === 'exact') return undefined;
  if (!reading.phrase && first.how === 'unknown') return 'not in Mutual’s skill list: matched with people who wrote the same';
  return `read as ${reading.parts.map(partLabel).join(' + ')}`;
}
