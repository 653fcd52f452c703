import { z } from '../schema';
import { CAREER_STAGES, MEETING_FORMATS, PRIORITIES, SKILL_LEVELS } from '../profile';
import { LIMITS, type FeedEntry } from './entry';

/**
 * The fast path of entry validation. A 100k-entry feed spends seconds in the schema, yet nearly
 * every entry is plainly valid: this accepts exactly those, giving a value equal to the schema's
 * (trimmed, defaults filled, unknown keys dropped; nested values that already are exactly that are
 * shared with the candidate, not copied), and answers `undefined` for anything else, which then
 * goes through FeedEntrySchema for its precise issues. It may decline a valid entry, never
 * accept an invalid one; a property test holds it to FeedEntrySchema.
 */
type Plain = Record<string, unknown>;

const STAGES = new Set<string>(CAREER_STAGES);
const LEVELS = new Set<string>(SKILL_LEVELS);
const PRIORITY = new Set<string>(PRIORITIES);
const FORMATS = new Set<string>(MEETING_FORMATS);

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trimmed text when it fits min..max, else undefined. */
function text(value: unknown, max: number, min = 0): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= min && trimmed.length <= max ? trimmed : undefined;
}

function optionalText(value: unknown, max: number, fallback: string): string | undefined {
  return value === undefined ? fallback : text(value, max);
}

function date(value: unknown): string | undefined {
  return typeof value === 'string' && value.length >= LIMITS.dateMin && value.length <= LIMITS.dateMax && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/**
 * Every item mapped, or undefined as soon as one is not acceptable. When every item maps to itself
 * the array itself is returned: a feed's arrays are nearly always already clean, and copying them
 * for 100k entries costs more garbage collection than all the checks together.
 */
function all<T>(value: unknown, max: number, item: (value: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  let out: T[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const mapped = item(value[i]);
    if (mapped === undefined) return undefined;
    if (out) out.push(mapped);
    else if (mapped !== value[i]) out = [...(value.slice(0, i) as T[]), mapped];
  }
  return out ?? (value as T[]);
}

/** Own enumerable keys, without allocating the array Object.keys would. */
function keyCount(value: Plain): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}

const tag = (value: unknown) => text(value, LIMITS.item, 1);
const tags = (value: unknown) => all(value, LIMITS.items, tag);
const optionalTags = (value: unknown) => (value === undefined ? [] : tags(value));

function teachItem(value: unknown): FeedEntry['teach'][number] | undefined {
  if (!isPlain(value)) return undefined;
  const name = tag(value.name);
  if (name === undefined || typeof value.level !== 'string' || !LEVELS.has(value.level)) return undefined;
  const item = value as FeedEntry['teach'][number];
  return name === value.name && keyCount(value) === 2 ? item : { name, level: item.level };
}

function learnItem(value: unknown): FeedEntry['learn'][number] | undefined {
  if (!isPlain(value)) return undefined;
  const name = tag(value.name);
  const ask = optionalText(value.ask, LIMITS.ask, '');
  if (name === undefined || ask === undefined || typeof value.priority !== 'string' || !PRIORITY.has(value.priority)) return undefined;
  const item = value as FeedEntry['learn'][number];
  return name === value.name && ask === value.ask && keyCount(value) === 3 ? item : { name, priority: item.priority, ask };
}

const format = (value: unknown) => (typeof value === 'string' && FORMATS.has(value) ? (value as FeedEntry['formats'][number]) : undefined);

function capacity(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LIMITS.capacity ? value : undefined;
}

function status(value: unknown): FeedEntry['status'] | undefined {
  if (value === undefined) return 'open';
  return value === 'open' || value === 'paused' ? value : undefined;
}

export function quickParseEntry(value: unknown): FeedEntry | undefined {
  if (!isPlain(value) || !isPlain(value.consent) || value.consent.optedIn !== true) return undefined;
  const email = value.email;
  if (typeof email !== 'string' || email.length > LIMITS.email || !z.regexes.email.test(email)) return undefined;
  const name = text(value.name, LIMITS.name, 1);
  const title = optionalText(value.title, LIMITS.field, '');
  const department = optionalText(value.department, LIMITS.field, '');
  const location = optionalText(value.location, LIMITS.field, '');
  const timeZone = optionalText(value.timeZone, LIMITS.timeZone, 'UTC');
  const careerStage = typeof value.careerStage === 'string' && STAGES.has(value.careerStage) ? (value.careerStage as FeedEntry['careerStage']) : undefined;
  const languages = tags(value.languages);
  const teach = all(value.teach, LIMITS.items, teachItem);
  const learn = all(value.learn, LIMITS.items, learnItem);
  const interests = optionalTags(value.interests);
  const ergs = optionalTags(value.ergs);
  const formats = value.formats === undefined ? (['video'] as FeedEntry['formats']) : all(value.formats, MEETING_FORMATS.length, format);
  const spare = capacity(value.capacity);
  const open = status(value.status);
  const consentDate = date(value.consent.date);
  const updatedAt = date(value.updatedAt);
  const contact = value.contact === undefined ? '' : text(value.contact, LIMITS.contact);
  const expiresAt = value.expiresAt === undefined ? '' : date(value.expiresAt);
  const missing =
    name === undefined || title === undefined || department === undefined || location === undefined || timeZone === undefined || careerStage === undefined;
  const broken = !languages?.length || !teach || !learn || !interests || !ergs || !formats || spare === undefined || open === undefined;
  const badDatesOrContact = consentDate === undefined || updatedAt === undefined || contact === undefined || expiresAt === undefined;
  if (missing || broken || badDatesOrContact) return undefined;
  const entry: FeedEntry = {
    name,
    email,
    title,
    department,
    location,
    timeZone,
    careerStage,
    languages,
    teach,
    learn,
    interests,
    ergs,
    formats,
    capacity: spare,
    status: open,
    consent: consentDate === value.consent.date && keyCount(value.consent) === 2 ? (value.consent as FeedEntry['consent']) : { optedIn: true, date: consentDate },
    updatedAt,
  };
  if (value.contact !== undefined) entry.contact = contact;
  if (value.expiresAt !== undefined) entry.expiresAt = expiresAt;
  return entry;
}
