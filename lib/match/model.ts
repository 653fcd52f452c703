import type { DirectoryEntry } from '../directory';
import type { SkillResolution } from '../skills';
import type { MatchMode, MatchWeights, MeetingFormat, Priority, SkillLevel } from '../profile';

/** Bump when the layout of MatchIndex or the way skill texts are read changes: stored indexes of another version are rebuilt. */
export const MATCH_INDEX_VERSION = 3;

/**
 * Everything ranking, filters and free-text search need about a directory, in a layout that
 * structured-clones fast (one IndexedDB value): per-entry columns as typed arrays, repeated strings
 * as tables referenced by number, lists as CSR (`xStart[p]..xStart[p+1]` are entry p's items), and
 * skill → people postings. Entry p is `entries[p]` of the directory it was built from.
 */
export interface MatchIndex {
  version: number;
  /** Which taxonomy resolved the skills; an index built with another one is rebuilt. */
  taxonomy: string;
  count: number;
  ids: string[];
  /**
   * Names for search only (lower-cased, without accents), packed in one string: entry p's is
   * nameText[nameStart[p]..nameStart[p+1]]. One string clones in a few ms, 100k strings in ~40.
   */
  nameText: string;
  nameStart: Uint32Array;
  title: Uint32Array;
  titles: string[];
  department: Uint32Array;
  departments: string[];
  location: Uint32Array;
  locations: string[];
  timeZone: Uint32Array;
  timeZones: string[];
  /** Index into CAREER_STAGES. */
  stage: Uint8Array;
  /** Bit i set = MEETING_FORMATS[i] offered. */
  formats: Uint8Array;
  capacity: Uint8Array;
  /** 1 = paused. */
  paused: Uint8Array;
  languageStart: Uint32Array;
  languageIds: Uint32Array;
  languages: string[];
  ergStart: Uint32Array;
  ergIds: Uint32Array;
  ergs: string[];
  interestStart: Uint32Array;
  interestIds: Uint32Array;
  interests: string[];
  /** Teach items: entry p's are teachStart[p]..teachStart[p+1]; each names a skill text and a level. */
  teachStart: Uint32Array;
  teachText: Uint32Array;
  /** Index into SKILL_LEVELS. */
  teachLevel: Uint8Array;
  learnStart: Uint32Array;
  learnText: Uint32Array;
  /** Index into PRIORITIES. */
  learnPriority: Uint8Array;
  /**
   * Skill texts as typed, and what each was read as: one text number per skill a text names, so a
   * phrase ("Excel and Power BI") has several, each with the whole text.
   */
  skillTexts: string[];
  textSkill: Uint32Array;
  /** Index into RESOLUTION_KINDS: how the part of the text that names this skill was read. */
  textHow: Uint8Array;
  /** 1 when the text is a phrase holding this skill ("Video editing for TikTok" → TikTok). */
  textPhrase: Uint8Array;
  /**
   * Skills people have: a taxonomy id, or "~" + the normalised text for skills outside the taxonomy
   * (two people typing "Knitting" still meet).
   */
  skillKeys: string[];
  skillNames: string[];
  /** Index into `categories`, -1 for skills outside the taxonomy. */
  skillCategory: Int16Array;
  categories: string[];
  /**
   * Postings: who teaches skill s, sorted by entry, at which level, is
   * teachPostOwner / teachPostLevel[teachPostStart[s]..teachPostStart[s+1]]; likewise who wants it.
   */
  teachPostStart: Uint32Array;
  teachPostOwner: Uint32Array;
  teachPostLevel: Uint8Array;
  learnPostStart: Uint32Array;
  learnPostOwner: Uint32Array;
  learnPostPriority: Uint8Array;
}


interface MatchFilters {
  erg?: string;
  department?: string;
  format?: MeetingFormat;
  language?: string;
  /** 'same': same location as me; 'remote': any other location. */
  location?: 'remote' | 'same';
}

export interface RankOptions {
  mode: MatchMode;
  /** Defaults to the profile's weights, then DEFAULT_WEIGHTS. */
  weights?: MatchWeights;
  /** How many results (default 20). */
  top?: number;
  /** Free text: "who can teach me Figma", "wants to learn TikTok", a name, a department, a skill. */
  query?: string;
  filters?: MatchFilters;
  excludeIds?: ReadonlySet<string>;
  /** The moment whose time-zone offsets count (default: now); fixed in tests. */
  now?: Date;
}

/** One skill that meets between the pair, in one direction. */
export interface SkillMeet {
  /** My skill as I typed it. */
  myText: string;
  /** Their skill as they typed it. */
  theirText: string;
  /** Canonical name of their skill (the one that is taught or wanted). */
  skill: string;
  /** Canonical name of my skill it meets (the same as `skill` unless related). */
  myName: string;
  /** Taxonomy id; absent for skills outside the taxonomy. */
  skillId?: string;
  /** 'same': the same skill; 'related': another skill of the same category. */
  match: 'same' | 'related';
  myHow: SkillResolution['how'];
  theirHow: SkillResolution['how'];
  /** The teacher's level and the learner's priority. */
  level: SkillLevel;
  priority: Priority;
  /** Share (0..1) of this direction's score that this meeting earns. */
  weight: number;
  /**
   * How the texts were read, for people: "“JS” read as JavaScript", "you wrote “Excle”" (a typo
   * taken for the skill), "“Excel and Power BI” read as … Power BI" (a phrase); "related to Figma (UX & product design)".
   */
  note: string;
}

export interface MatchFactor {
  name: string;
  /** Points of the 0..100 score this factor earned; the contributions add up to the score. */
  contribution: number;
  detail: string;
}

export type MatchDirection = 'both' | 'they-teach-me' | 'i-teach-them';

/** What costs a match the most points, named first on its card. */
export interface LimitingFactor {
  /** A factor's name, as in `factors`. */
  factor: string;
  /** Points of the 0..100 score it costs (rounded to a tenth). */
  lostPoints: number;
  /** The reason shown: "They want nothing you listed to teach", "Held back most by: only 1 h of shared working hours". */
  reason: string;
}

export interface MatchExplanation {
  mode: MatchMode;
  /** Which skill flow counts: both in two-way mode, the one the seniority gap allows otherwise. */
  direction: MatchDirection;
  theyTeachMe: SkillMeet[];
  iTeachThem: SkillMeet[];
  commonGround: { ergs: string[]; interests: string[] };
  sharedLanguages: string[];
  sharedFormats: MeetingFormat[];
  /** Hours of 9-17 working time both share; absent when a time zone is unknown. */
  overlapHours?: number;
  factors: MatchFactor[];
  /** Absent when no factor costs as much as a few points. */
  limitingFactor?: LimitingFactor;
  /** For a search's result: what the search found in their entry ("teaches Python", "department Marketing"). */
  search?: string;
}

export interface MatchResult {
  id: string;
  /** Index into the entries the MatchIndex was built from. */
  position: number;
  /** 0..100, rounded; ranking uses the unrounded value. */
  score: number;
  /**
   * Set for the results of a search: they are exactly whom it asks for, so their card says so
   * rather than calling a low partner score a "Weak match".
   */
  fitsSearch?: true;
  reasons: string[];
  explanation: MatchExplanation;
}

/** One person of a ranking: their directory entry and the engine's result for them. */
export interface RankedPartner {
  entry: DirectoryEntry;
  match: MatchResult;
}
