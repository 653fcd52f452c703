import type { DirectoryEntry } from '../directory';
import { entryProfile } from './entry-profile';
import {
  CAREER_STAGES,
  MEETING_FORMATS,
  PRIORITIES,
  SKILL_LEVELS,
  type CareerStage,
  type MeetingFormat,
  type Profile,
} from '../profile';
import { TAXONOMY, type Skill } from '../skills';

/**
 * Seeded, realistic-looking directories and profiles for the benchmark and property tests (never
 * shipped data): skewed skill popularity, stage-dependent skills, aliases, typos and skills
 * outside the taxonomy, as people really type them.
 */
export type Random = () => number;

/** mulberry32: tiny, fast, and the same sequence everywhere for a seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Zipf-like: item i is picked with weight 1 / (i + 1)^0.8, so a few skills are everywhere. */
function skewedPicker<T>(items: readonly T[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, i) => cumulative.push((total += 1 / (i + 1) ** 0.8)));
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const DEPARTMENTS = ['Engineering', 'Product', 'Design', 'Marketing', 'Sales', 'Customer Success', 'Finance', 'Legal', 'People', 'Operations', 'Data', 'Security', 'IT', 'Communications', 'Strategy', 'Procurement', 'Facilities', 'Research', 'Support', 'Partnerships'];
const PLACES: readonly (readonly [string, string])[] = [
  ['London', 'Europe/London'], ['Berlin', 'Europe/Berlin'], ['Paris', 'Europe/Paris'], ['Madrid', 'Europe/Madrid'], ['Warsaw', 'Europe/Warsaw'],
  ['Dublin', 'Europe/Dublin'], ['Amsterdam', 'Europe/Amsterdam'], ['New York', 'America/New_York'], ['Chicago', 'America/Chicago'],
  ['Austin', 'America/Chicago'], ['Denver', 'America/Denver'], ['San Francisco', 'America/Los_Angeles'], ['Toronto', 'America/Toronto'],
  ['São Paulo', 'America/Sao_Paulo'], ['Mexico City', 'America/Mexico_City'], ['Lagos', 'Africa/Lagos'], ['Nairobi', 'Africa/Nairobi'],
  ['Johannesburg', 'Africa/Johannesburg'], ['Dubai', 'Asia/Dubai'], ['Bengaluru', 'Asia/Kolkata'], ['Singapore', 'Asia/Singapore'],
  ['Tokyo', 'Asia/Tokyo'], ['Sydney', 'Australia/Sydney'], ['Auckland', 'Pacific/Auckland'], ['Remote', 'UTC'],
];
const SECOND_LANGUAGES = ['Spanish', 'French', 'German', 'Portuguese', 'Hindi', 'Mandarin', 'Japanese', 'Arabic', 'Polish', 'Dutch', 'Italian', 'Swahili'];
const ERGS = ['Women in Tech', 'Pride Network', 'Black Professionals Network', 'Parents & Carers', 'Disability & Neurodiversity', 'Veterans', 'Early Careers', 'Latinx Network', 'Asian Heritage', 'Green Team', 'Interfaith', 'Mental Health Allies'];
const INTERESTS = ['hiking', 'running', 'cooking', 'chess', 'board games', 'photography', 'music', 'guitar', 'reading', 'football', 'cycling', 'yoga', 'gaming', 'travel', 'gardening', 'climbing', 'podcasts', 'film', 'painting', 'baking', 'volunteering', 'languages', 'tennis', 'swimming', 'coffee', 'dogs', 'cats', 'theatre', 'sci-fi', 'knitting'];
const CUSTOM_SKILLS = ['Knitting', 'Beekeeping', 'Wine tasting', 'Stand-up comedy', 'Sourdough baking', 'Chess openings', 'Origami', 'Calligraphy', 'Salesforce CPQ', 'SAP S/4HANA', 'Workday HCM', 'ServiceNow', 'Oracle EBS', 'Xero', 'QuickBooks', 'Unity', 'Unreal Engine', 'Blender', 'Arduino', 'Raspberry Pi', 'Home automation', 'Drone photography', 'Public sector bids', 'Clinical trials', 'Pharmacovigilance', 'Actuarial modelling', 'Solvency II', 'IFRS 17', 'Lean construction', 'BIM', 'AutoCAD', 'Revit', 'SolidWorks', 'MATLAB', 'LabVIEW', 'Bioinformatics', 'GIS', 'Esri ArcGIS', 'Welsh', 'Tagalog'];
const TITLES: Record<CareerStage, readonly string[]> = {
  early: ['Graduate Analyst', 'Associate', 'Junior Engineer', 'Marketing Coordinator', 'Sales Development Rep', 'Apprentice', 'Designer', 'Assistant'],
  mid: ['Software Engineer', 'Product Manager', 'Account Executive', 'Senior Analyst', 'UX Designer', 'Marketing Manager', 'HR Business Partner', 'Accountant'],
  senior: ['Engineering Manager', 'Head of Marketing', 'Principal Engineer', 'Finance Director', 'Senior Product Manager', 'Sales Director', 'Legal Counsel'],
  executive: ['VP Engineering', 'Chief Financial Officer', 'Chief People Officer', 'Managing Director', 'General Counsel', 'Chief Marketing Officer', 'SVP Sales'],
};
const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pablo', 'Qi', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xena', 'Yusuf', 'Zoe'];
const LAST = ['Adams', 'Bauer', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Huang', 'Ibrahim', 'Jones', 'Kim', 'Lopez', 'Müller', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Singh', 'Tanaka', 'Uddin', 'Varga', 'Wang', 'Xu', 'Yilmaz', 'Zhang'];

/** Categories earlier-career people tend to teach (and seniors want), and the reverse. */
const DIGITAL = new Set(['Social media', 'Video & content creation', 'Generative AI tools', 'Graphic design', 'Productivity & collaboration tools', 'Web & mobile development', 'Programming languages', 'Data & analytics', 'Spreadsheets', 'Diversity, equity & inclusion', 'Wellbeing']);

const STAGE_WEIGHTS: readonly [CareerStage, number][] = [['early', 0.35], ['mid', 0.35], ['senior', 0.22], ['executive', 0.08]];

function stageOf(random: Random): CareerStage {
  let r = random();
  for (const [stage, share] of STAGE_WEIGHTS) if ((r -= share) < 0) return stage;
  return 'mid';
}

/** A misspelling: one letter dropped, doubled or swapped; `variant` picks which, so there are few distinct typos per skill. */
function typo(text: string, variant: number): string {
  const i = 1 + (variant * 7) % Math.max(1, text.length - 2);
  if (variant % 3 === 0) return text.slice(0, i) + text.slice(i + 1);
  if (variant % 3 === 1) return text.slice(0, i) + text[i] + text.slice(i);
  return text.slice(0, i - 1) + (text[i] ?? '') + (text[i - 1] ?? '') + text.slice(i + 1);
}

/** How a person writes a skill: mostly its name, sometimes an alias, a case variant, a typo or something outside the taxonomy. */
function spell(random: Random, skill: Skill): string {
  const r = random();
  if (r < 0.72 || r >= 0.97) return skill.name;
  if (r < 0.86) return skill.aliases.length ? pick(random, skill.aliases) : skill.name;
  if (r < 0.92) return skill.name.toLowerCase();
  return typo(skill.name, Math.floor(random() * 3));
}

function skillsFor(random: Random, stage: CareerStage, count: number, teaching: boolean): string[] {
  const juniorTeaches = teaching === (stage === 'early' || stage === 'mid');
  const chosen = new Set<string>();
  for (let tries = 0; chosen.size < count && tries < count * 4; tries++) {
    if (random() < 0.04) {
      chosen.add(pick(random, CUSTOM_SKILLS));
      continue;
    }
    const pool = random() < 0.7 === juniorTeaches ? DIGITAL_SKILLS : OTHER_SKILLS;
    chosen.add(spell(random, pool(random)));
  }
  return [...chosen];
}

const DIGITAL_SKILLS = skewedPicker(TAXONOMY.filter((skill) => DIGITAL.has(skill.category)));
const OTHER_SKILLS = skewedPicker(TAXONOMY.filter((skill) => !DIGITAL.has(skill.category)));

function languagesOf(random: Random): string[] {
  const languages = random() < 0.93 ? ['English'] : [];
  if (random() < 0.35 || languages.length === 0) languages.push(pick(random, SECOND_LANGUAGES));
  return languages;
}

function subset<T>(random: Random, items: readonly T[], max: number, chance: number): T[] {
  const out = new Set<T>();
  for (let i = 0; i < max; i++) if (random() < chance) out.add(pick(random, items));
  return [...out];
}

function formatsOf(random: Random): MeetingFormat[] {
  const formats = MEETING_FORMATS.filter((format) => random() < (format === 'video' ? 0.9 : 0.3));
  return formats.length ? formats : ['video'];
}

function syntheticEntry(random: Random, i: number): DirectoryEntry {
  const stage = stageOf(random);
  const [location, timeZone] = pick(random, PLACES);
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const id = `${first}.${last}.${i}@example.com`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    id,
    name: `${first} ${last}`,
    email: id,
    title: pick(random, TITLES[stage]),
    department: pick(random, DEPARTMENTS),
    location,
    timeZone,
    careerStage: stage,
    languages: languagesOf(random),
    teach: skillsFor(random, stage, 2 + Math.floor(random() * 5), true).map((name) => ({ name, level: pick(random, SKILL_LEVELS.slice(stage === 'early' ? 0 : 1)) })),
    learn: skillsFor(random, stage, 1 + Math.floor(random() * 4), false).map((name) => ({ name, priority: pick(random, PRIORITIES), ask: '' })),
    interests: subset(random, INTERESTS, 4, 0.5),
    ergs: subset(random, ERGS, 2, 0.3),
    formats: formatsOf(random),
    capacity: random() < 0.1 ? 0 : 1 + Math.floor(random() * 3),
    status: random() < 0.05 ? 'paused' : 'open',
    consent: { optedIn: true, date: '2026-01-15' },
    updatedAt: '2026-06-01T00:00:00.000Z',
  };
}

export function syntheticDirectory(count: number, seed: number): DirectoryEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => syntheticEntry(random, i));
}

/** A profile drawn like a directory entry (so it finds partners), with a mode-appropriate stage. */
export function syntheticProfile(random: Random, i: number): Profile {
  const entry = syntheticEntry(random, 1_000_000 + i);
  return { ...entryProfile(entry, 'two-way'), careerStage: pick(random, CAREER_STAGES) };
}
