import type { CareerStage, MeetingFormat, Priority, SkillLevel } from '../profile';
import type { FeedEntry } from './entry';

/**
 * The built-in demo directory: fictional colleagues (every email is @example.com) so a fresh
 * install shows real-looking matches before any organization publishes a feed. Generated from a
 * seed, so the same `now` always gives the same people; consent dates are recent relative to `now`
 * so the demo never expires.
 */
export const DEMO_DIRECTORY_SIZE = 200;
const DEMO_SEED = 20_260_301;
const DAY_MS = 86_400_000;

type Random = () => number;

/** mulberry32: small, fast and identical everywhere for a seed. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Gabriel', 'Hana', 'Ibrahim', 'Jade', 'Kenji', 'Lucía',
  'Mateo', 'Nadia', 'Oluwaseun', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Valentina', 'Wei', 'Ximena',
  'Yusuf', 'Zara', 'Amara', 'Bjorn', 'Camila', 'Deepak', 'Elif', 'Finn', 'Grace', 'Hamza', 'Ines', 'Jamal', 'Keiko',
  'Liam', 'Maya', 'Noah', 'Olivia', 'Pedro', 'Rosa', 'Sam', 'Tomasz', 'Anjali', 'Marcus', 'Leila', 'Diego', 'Mei',
];
const LAST_NAMES = [
  'Okafor', 'Schmidt', 'Nguyen', 'García', 'Patel', 'Kowalski', 'Haddad', 'Tanaka', 'Silva', 'Johnson', 'Müller',
  'Rossi', 'Mensah', 'Kim', 'Fernández', 'Ivanova', 'Chen', "O'Brien", 'Dubois', 'Abdi', 'Larsen', 'Moreau', 'Singh',
  'Cohen', 'Yilmaz', 'Adeyemi', 'Novak', 'Santos', 'Lindqvist', 'Park', 'Hughes', 'Rahman', 'Costa', 'Walsh', 'Ito',
  'Mbeki', 'Herrera', 'Berg', 'Ali', 'Fischer',
];

/** Office, IANA zone, the languages heard there. */
const PLACES: readonly (readonly [string, string, readonly string[]])[] = [
  ['London', 'Europe/London', ['English']],
  ['Manchester', 'Europe/London', ['English']],
  ['Dublin', 'Europe/Dublin', ['English', 'Irish']],
  ['Berlin', 'Europe/Berlin', ['German', 'English']],
  ['Paris', 'Europe/Paris', ['French', 'English']],
  ['Madrid', 'Europe/Madrid', ['Spanish', 'English']],
  ['Warsaw', 'Europe/Warsaw', ['Polish', 'English']],
  ['Lagos', 'Africa/Lagos', ['English', 'Yoruba']],
  ['Nairobi', 'Africa/Nairobi', ['English', 'Swahili']],
  ['New York', 'America/New_York', ['English', 'Spanish']],
  ['Chicago', 'America/Chicago', ['English']],
  ['Austin', 'America/Chicago', ['English', 'Spanish']],
  ['San Francisco', 'America/Los_Angeles', ['English', 'Mandarin']],
  ['Toronto', 'America/Toronto', ['English', 'French']],
  ['Mexico City', 'America/Mexico_City', ['Spanish', 'English']],
  ['São Paulo', 'America/Sao_Paulo', ['Portuguese', 'English']],
  ['Bengaluru', 'Asia/Kolkata', ['English', 'Hindi', 'Kannada']],
  ['Singapore', 'Asia/Singapore', ['English', 'Mandarin', 'Malay']],
  ['Tokyo', 'Asia/Tokyo', ['Japanese', 'English']],
  ['Sydney', 'Australia/Sydney', ['English']],
  ['Remote (Lisbon)', 'Europe/Lisbon', ['Portuguese', 'English']],
];

/** Per department, a title for each career stage: early, mid, senior, executive. */
const DEPARTMENTS: readonly (readonly [string, readonly [string, string, string, string]])[] = [
  ['Engineering', ['Graduate Software Engineer', 'Software Engineer', 'Engineering Manager', 'VP of Engineering']],
  ['Product', ['Associate Product Manager', 'Product Manager', 'Group Product Manager', 'Chief Product Officer']],
  ['Design', ['Junior Product Designer', 'Product Designer', 'Design Lead', 'VP of Design']],
  ['Marketing', ['Social Media Coordinator', 'Content Marketing Manager', 'Head of Brand', 'Chief Marketing Officer']],
  ['Sales', ['Sales Development Rep', 'Account Executive', 'Regional Sales Director', 'Chief Revenue Officer']],
  ['Customer Success', ['Support Specialist', 'Customer Success Manager', 'Head of Customer Success', 'VP of Customer Experience']],
  ['Finance', ['Finance Analyst', 'Senior Accountant', 'Finance Director', 'Chief Financial Officer']],
  ['People', ['People Operations Associate', 'HR Business Partner', 'Head of Talent', 'Chief People Officer']],
  ['Legal', ['Paralegal', 'Legal Counsel', 'Senior Counsel', 'General Counsel']],
  ['Operations', ['Operations Coordinator', 'Operations Manager', 'Director of Operations', 'Chief Operating Officer']],
  ['Data & Analytics', ['Junior Data Analyst', 'Data Scientist', 'Analytics Manager', 'Chief Data Officer']],
  ['Communications', ['Communications Assistant', 'Internal Comms Manager', 'Head of Communications', 'VP of Corporate Affairs']],
];

const STAGES: readonly CareerStage[] = ['early', 'mid', 'senior', 'executive'];
/** Cumulative shares: 30 % early, 35 % mid, 25 % senior, 10 % executive. */
const STAGE_SHARE = [0.3, 0.65, 0.9, 1];

/** What people at each stage are typically good at. */
const TEACH: Record<CareerStage, readonly string[]> = {
  early: [
    'TikTok', 'Short-form video', 'Canva', 'ChatGPT', 'Prompt engineering', 'Gen Z consumer insight', 'Notion',
    'Instagram Reels', 'CapCut', 'Figma', 'Python', 'Discord community building', 'LinkedIn personal branding',
    'No-code automation', 'Accessibility', 'Sustainability', 'Podcasting', 'React', 'Data visualization',
  ],
  mid: [
    'SQL', 'Python', 'Product management', 'UX research', 'Agile', 'Data analysis', 'Public speaking', 'Project management',
    'Figma', 'A/B testing', 'Copywriting', 'Salesforce', 'Power BI', 'Tableau', 'Technical writing', 'AWS', 'Excel',
    'Customer discovery', 'Prompt engineering',
  ],
  senior: [
    'People management', 'Stakeholder management', 'Negotiation', 'Budgeting', 'Hiring and interviewing',
    'Strategic planning', 'Change management', 'Coaching', 'Giving feedback', 'Executive communication',
    'Conflict resolution', 'Risk management', 'Vendor management', 'System design', 'Public speaking',
  ],
  executive: [
    'Board governance', 'P&L management', 'Budgeting', 'Negotiation', 'Corporate strategy', 'Mergers and acquisitions',
    'Investor relations', 'Executive presence', 'Crisis communication', 'Organizational design', 'People management',
    'Stakeholder management',
  ],
};

/** What people at each stage typically want: seniors ask the early-career for the new things. */
const LEARN: Record<CareerStage, readonly string[]> = {
  early: [
    'Negotiation', 'Stakeholder management', 'Public speaking', 'Budgeting', 'Executive communication', 'Giving feedback',
    'Strategic planning', 'People management', 'SQL', 'Product management', 'Project management', 'Excel',
  ],
  mid: [
    'People management', 'Budgeting', 'Strategic planning', 'Prompt engineering', 'ChatGPT', 'Negotiation',
    'Executive presence', 'Data visualization', 'Stakeholder management', 'Short-form video', 'Python',
  ],
  senior: [
    'TikTok', 'Short-form video', 'ChatGPT', 'Prompt engineering', 'Gen Z consumer insight', 'Notion', 'Canva',
    'Instagram Reels', 'Python', 'Data visualization', 'LinkedIn personal branding', 'Accessibility', 'Figma',
  ],
  executive: [
    'TikTok', 'Gen Z consumer insight', 'ChatGPT', 'Prompt engineering', 'Short-form video', 'Discord community building',
    'LinkedIn personal branding', 'Sustainability', 'Notion', 'Accessibility',
  ],
};

/** A concrete ask per skill: what success looks like, in the learner's words. */
const ASKS: Record<string, string> = {
  TikTok: 'Understand why our recruiting videos get no views, and post one myself',
  'Short-form video': 'Shoot and edit a 30-second update for my team on my phone',
  ChatGPT: 'Use it to draft board papers without pasting anything confidential',
  'Prompt engineering': 'Write prompts that give me a usable first draft of a strategy memo',
  'Gen Z consumer insight': 'Know what our youngest customers actually think of our brand',
  Notion: 'Move my team’s messy planning docs into one workspace people use',
  Canva: 'Make my own slides and social posts look professional without waiting for design',
  'Instagram Reels': 'Plan a month of Reels for our employer brand',
  Python: 'Automate the weekly report I currently build by hand in Excel',
  'Data visualization': 'Turn a dense spreadsheet into one chart my leadership team reads',
  'LinkedIn personal branding': 'Post about our work once a week in a voice that sounds like me',
  Accessibility: 'Check my documents and slides are usable with a screen reader',
  Figma: 'Sketch a flow myself before I brief the designers',
  'Discord community building': 'Understand how our customers organise themselves on Discord',
  Sustainability: 'Explain our carbon numbers credibly to investors',
  Negotiation: 'Prepare for my first salary negotiation without underselling myself',
  'Stakeholder management': 'Get a sceptical director to back my project',
  'Public speaking': 'Present at the all-hands without reading from my notes',
  Budgeting: 'Build and defend my first team budget',
  'Executive communication': 'Write a one-page update an executive actually reads',
  'Giving feedback': 'Give honest feedback to a peer without damaging the relationship',
  'Strategic planning': 'Connect my team’s roadmap to the company strategy',
  'People management': 'Run good one-to-ones with my first direct reports',
  SQL: 'Answer my own questions from the warehouse instead of filing tickets',
  'Product management': 'Write a product brief engineers find useful',
  'Project management': 'Keep a cross-team project on track without burning out',
  Excel: 'Build a pivot table and a forecast I trust',
  'Executive presence': 'Hold the room when a meeting with senior leaders goes off track',
};

const ERGS = [
  'Women in Tech', 'Black Employee Network', 'Pride', 'Veterans', 'Parents & Caregivers', 'Disability & Neurodiversity',
  'Latinx', 'Asian Pacific', 'Early Careers', 'Green Team',
];
const INTERESTS = [
  'Running', 'Cooking', 'Photography', 'Board games', 'Hiking', 'Gardening', 'Chess', 'Climbing', 'Podcasts', 'Jazz',
  'Football', 'Yoga', 'Science fiction', 'Baking', 'Volunteering', 'Cycling', 'Knitting', 'Film', 'Travel',
  'Birdwatching', 'Poetry', 'Gaming',
];
const FORMAT_SETS: readonly (readonly MeetingFormat[])[] = [
  ['video'], ['video', 'chat'], ['video', 'in-person'], ['in-person'], ['video', 'phone'], ['chat'], ['video', 'in-person', 'chat'],
];
const TEACH_LEVELS: Record<CareerStage, readonly SkillLevel[]> = {
  early: ['intermediate', 'advanced', 'expert'],
  mid: ['intermediate', 'advanced', 'advanced', 'expert'],
  senior: ['advanced', 'expert', 'expert'],
  executive: ['advanced', 'expert', 'expert'],
};
const PRIORITY_ORDER: readonly Priority[] = ['high', 'medium', 'low'];

function careerStage(random: Random): CareerStage {
  const roll = random();
  return STAGES[STAGE_SHARE.findIndex((share) => roll < share)]!;
}

function emailLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

function demoEntry(random: Random, i: number, now: Date): FeedEntry {
  const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
  // The last name walks the list at another pace, so first/last pairs repeat only after 2000 people.
  const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]!;
  const round = Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length));
  const name = `${first} ${last}`;
  const stage = careerStage(random);
  const [department, titles] = pick(random, DEPARTMENTS);
  const [location, timeZone, spoken] = pick(random, PLACES);
  const languages = [...new Set([spoken[0]!, ...pickSome(random, spoken.slice(1), Math.floor(random() * spoken.length))])];
  const teach = pickSome(random, TEACH[stage], 2 + Math.floor(random() * 3)).map((skill) => ({
    name: skill,
    level: pick(random, TEACH_LEVELS[stage]),
  }));
  const taught = new Set(teach.map((skill) => skill.name));
  const learn = pickSome(random, LEARN[stage].filter((skill) => !taught.has(skill)), 1 + Math.floor(random() * 3)).map((skill, rank) => ({
    name: skill,
    priority: PRIORITY_ORDER[Math.min(rank, 2)]!,
    ask: rank === 0 ? (ASKS[skill] ?? '') : '',
  }));
  const ergs = pickSome(random, ERGS, Math.floor(random() * 3));
  if (stage === 'early' && random() < 0.6 && !ergs.includes('Early Careers')) ergs.push('Early Careers');
  const consentDaysAgo = 2 + Math.floor(random() * 150);
  const consent = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - consentDaysAgo * DAY_MS);
  const updated = new Date(consent.getTime() + Math.floor(random() * Math.min(consentDaysAgo, 20)) * DAY_MS);
  return {
    name,
    email: `${emailLocal(name)}${round ? `.${round}` : ''}@example.com`,
    ...(random() < 0.4 ? { contact: `@${emailLocal(first)}.${emailLocal(last).slice(0, 1)} on Slack` } : {}),
    title: titles[STAGES.indexOf(stage)]!,
    department,
    location,
    timeZone,
    careerStage: stage,
    languages,
    teach,
    learn,
    interests: pickSome(random, INTERESTS, 1 + Math.floor(random() * 3)),
    ergs,
    formats: [...pick(random, FORMAT_SETS)],
    capacity: random() < 0.08 ? 0 : 1 + Math.floor(random() * 3),
    status: random() < 0.05 ? 'paused' : 'open',
    consent: { optedIn: true, date: consent.toISOString().slice(0, 10) },
    updatedAt: updated.toISOString(),
  };
}

/** The demo people as a feed would publish them (the bench asks for more than the default 200). */
export function demoFeedEntries(now: Date, count = DEMO_DIRECTORY_SIZE, seed = DEMO_SEED): FeedEntry[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => demoEntry(random, i, now));
}
