import type { DirectoryEntry } from '../directory';
import type { Cadence, LearnSkill, MeetingFormat, Profile } from '../profile';

/**
 * What a message is written from: my profile, the partner's public entry and what the match found
 * (skills in each direction as the teaching side wrote them, shared ERGs and interests). Partner
 * text is untrusted data: it is inserted verbatim, never read as markup or template syntax.
 */
export interface OutreachContext {
  me: Profile;
  partner: DirectoryEntry;
  theyTeachMe: string[];
  iTeachThem: string[];
  sharedErgs: string[];
  sharedInterests: string[];
}

/** Every variable a template may use, with the placeholder shown when it has no value. */
export const VARIABLES = {
  'me.name': { placeholder: '[your name]', description: 'Your full name' },
  'me.firstName': { placeholder: '[your first name]', description: 'Your first name' },
  'me.title': { placeholder: '[your role]', description: 'Your job title' },
  'me.department': { placeholder: '[your team]', description: 'Your department' },
  'me.email': { placeholder: '[your email]', description: 'Your email address' },
  'them.name': { placeholder: '[their name]', description: 'Their full name' },
  'them.firstName': { placeholder: '[their first name]', description: 'Their first name' },
  'them.title': { placeholder: '[their role]', description: 'Their job title' },
  'them.department': { placeholder: '[their team]', description: 'Their department' },
  theyTeachMe: { placeholder: '[what they could teach you]', description: 'Skills they can teach you, e.g. “budgeting and board reporting”' },
  iTeachThem: { placeholder: '[what you could teach them]', description: 'Skills you can teach them' },
  myAsk: { placeholder: '[what you want to learn, concretely]', description: 'Your concrete ask for a skill they teach' },
  theirAsk: { placeholder: '[what they want to learn]', description: 'Their concrete ask for a skill you teach' },
  sharedErg: { placeholder: '[the ERG you share]', description: 'An employee resource group you are both in' },
  sharedErgs: { placeholder: '[the ERGs you share]', description: 'All the ERGs you are both in' },
  sharedInterests: { placeholder: '[an interest you share]', description: 'Interests you share' },
  format: { placeholder: '[how to meet]', description: 'How to meet, e.g. “video call” (a format you both like)' },
  session: { placeholder: '[how long]', description: 'Session length, e.g. “45 minutes”' },
  cadence: { placeholder: '[how often]', description: 'How often, e.g. “every two weeks”' },
  duration: { placeholder: '[for how long]', description: 'How many months, e.g. “6 months”' },
  objective: { placeholder: '[what you both want from it]', description: 'Your objective for the partnership' },
  successMeasure: { placeholder: '[how you will know it worked]', description: 'How you will know it worked' },
} as const satisfies Record<string, { placeholder: string; description: string }>;

export type VariableName = keyof typeof VARIABLES;
/** A value per variable; absent or empty means "no value" (sections drop, placeholders show). */
export type TemplateValues = Partial<Record<VariableName, string>>;

export function isVariableName(name: string): name is VariableName {
  return Object.hasOwn(VARIABLES, name);
}

/** Longest text one value may add: directory limits are longer than any sentence needs. */
const MAX_VALUE_LENGTH = 200;
/** Lists name at most this many items: a message names a few skills, not a profile. */
const MAX_LIST_ITEMS = 3;

// Control characters and bidirectional overrides/isolates could hide or reorder what the user reads.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** One line of plain text: whitespace collapsed, invisible controls removed, length bounded. */
export function cleanValue(value: string): string {
  const clean = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_VALUE_LENGTH ? `${clean.slice(0, MAX_VALUE_LENGTH - 1).trimEnd()}…` : clean;
}

/** "a", "a and b", "a, b and c" — the first few distinct, non-empty items. */
function joinList(items: readonly string[]): string {
  const distinct = [...new Set(items.map(cleanValue).filter(Boolean))].slice(0, MAX_LIST_ITEMS);
  if (distinct.length < 2) return distinct[0] ?? '';
  return `${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1)}`;
}

/** The first word of a name, skipping honorifics written with a dot ("Dr. Ada Park" → "Ada"). */
function firstName(name: string): string {
  const words = cleanValue(name).split(' ').filter(Boolean);
  return words.find((word) => !word.endsWith('.')) ?? words[0] ?? '';
}

const CADENCE_WORDS: Record<Cadence, string> = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'once a month' };
const FORMAT_WORDS: Record<MeetingFormat, string> = { video: 'video call', 'in-person': 'meeting in person', chat: 'chat', phone: 'phone call' };

/** Same skill when one wording contains the other ("Python" and "Python for data"), ignoring case. */
function sameSkill(a: string, b: string): boolean {
  const [x, y] = [cleanValue(a).toLowerCase(), cleanValue(b).toLowerCase()];
  return Boolean(x && y) && (x.includes(y) || y.includes(x));
}
const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** The most important concrete ask among the learn items that match `skills`. */
function askFor(learn: readonly LearnSkill[], skills: readonly string[]): string {
  const matching = learn
    .filter((item) => item.ask.trim() && skills.some((skill) => sameSkill(skill, item.name)))
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
  return cleanValue(matching[0]?.ask ?? '');
}

function months(count: number): string {
  return `${count} ${count === 1 ? 'month' : 'months'}`;
}

/** My side of the values: enough to fill a template before a partner is chosen. */
function profileValues(me: Profile): TemplateValues {
  return {
    'me.name': cleanValue(me.name),
    'me.firstName': firstName(me.name),
    'me.title': cleanValue(me.title),
    'me.department': cleanValue(me.department),
    'me.email': cleanValue(me.email),
    format: me.formats[0] ? FORMAT_WORDS[me.formats[0]] : '',
    session: `${me.goals.sessionMinutes} minutes`,
    cadence: CADENCE_WORDS[me.goals.cadence],
    duration: months(me.goals.durationMonths),
    objective: cleanValue(me.goals.objective),
    successMeasure: cleanValue(me.goals.successMeasure),
  };
}

/** Every value, from both profiles and the match. */
export function outreachValues(context: OutreachContext): TemplateValues {
  const { me, partner } = context;
  const sharedFormat = me.formats.find((format) => partner.formats.includes(format));
  return {
    ...profileValues(me),
    'them.name': cleanValue(partner.name),
    'them.firstName': firstName(partner.name),
    'them.title': cleanValue(partner.title),
    'them.department': cleanValue(partner.department),
    theyTeachMe: joinList(context.theyTeachMe),
    iTeachThem: joinList(context.iTeachThem),
    myAsk: askFor(me.learn, context.theyTeachMe),
    theirAsk: askFor(partner.learn, context.iTeachThem),
    sharedErg: cleanValue(context.sharedErgs[0] ?? ''),
    sharedErgs: joinList(context.sharedErgs),
    sharedInterests: joinList(context.sharedInterests),
    ...(sharedFormat ? { format: FORMAT_WORDS[sharedFormat] } : {}),
  };
}
