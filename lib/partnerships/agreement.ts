import type { DirectoryEntry } from '../directory';
import { skillKey, type Cadence, type MeetingFormat, type Profile } from '../profile';
import { outreachValues, renderText, type MissingValue, type OutreachContext, type TemplateValues } from '../templates';
import type { Agreement, Partnership } from './model';
import {
  addDays,
  clockOf,
  commonWindow,
  isoDateOf,
  meetingInstants,
  wallTimeAt,
  weekOfMonth,
  weekdayOf,
  type IsoDate,
  type TimeWindow,
} from './time';

export const FORMAT_LABELS: Readonly<Record<MeetingFormat, string>> = {
  video: 'video call',
  'in-person': 'in person',
  chat: 'chat',
  phone: 'phone call',
};

export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'once a month',
};

/** The practice Mutual follows: confidentiality, equal time each way, no judgement, listening. */
const DEFAULT_GROUND_RULES: readonly string[] = [
  'What we share stays between us.',
  'Equal time each way: we both teach and we both learn.',
  'No judgement: every question is a good question.',
  'We listen without getting defensive, and give feedback kindly.',
  'Either of us can pause or end the partnership, no hard feelings.',
];

/** How long before the first meeting: a week to agree and put it in both calendars. */
const LEAD_DAYS = 7;
const SLOT_MINUTES = 30;

/** The first working day (Monday-Friday) at least a week after `today`. */
function firstMeetingDate(today: IsoDate): IsoDate {
  let date = addDays(today, LEAD_DAYS);
  while ([0, 6].includes(weekdayOf(date))) date = addDays(date, 1);
  return date;
}

/** The start of the shared window, on a half hour, when a whole session fits in it; '' otherwise. */
function proposedTime(window: TimeWindow | undefined, sessionMinutes: number, timeZone: string): string {
  if (!window) return '';
  const slot = SLOT_MINUTES * 60_000;
  const start = Math.ceil(window.start.getTime() / slot) * slot;
  return start + sessionMinutes * 60_000 <= window.end.getTime() ? clockOf(wallTimeAt(timeZone, start)) : '';
}

/** The agreement as Mutual proposes it from both profiles; everything in it stays editable. */
export function draftAgreement(context: OutreachContext, now: Date): Agreement {
  const { me, partner } = context;
  const values = outreachValues(context);
  const startDate = firstMeetingDate(isoDateOf(wallTimeAt(me.timeZone, now)));
  const window = commonWindow(startDate, me.timeZone, partner.timeZone);
  return {
    iTeach: values.iTeachThem ?? '',
    theirAsk: values.theirAsk ?? '',
    theyTeach: values.theyTeachMe ?? '',
    myAsk: values.myAsk ?? '',
    format: me.formats.find((format) => partner.formats.includes(format)) ?? me.formats[0] ?? 'video',
    cadence: me.goals.cadence,
    sessionMinutes: me.goals.sessionMinutes,
    durationMonths: me.goals.durationMonths,
    startDate,
    time: proposedTime(window, me.goals.sessionMinutes, me.timeZone),
    myTimeZone: me.timeZone,
    theirTimeZone: partner.timeZone,
    mySuccess: values.successMeasure ?? '',
    // Their concrete ask is the best guess at how they will judge it; they can change it.
    theirSuccess: values.theirAsk ?? '',
    groundRules: [...DEFAULT_GROUND_RULES],
  };
}

/** "Berlin" from "Europe/Berlin", "Buenos Aires" from "America/Argentina/Buenos_Aires". */
export function placeOf(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** "every Tuesday", "every other Tuesday", "the second Tuesday of each month". */
function rhythmOf(agreement: Pick<Agreement, 'cadence' | 'startDate'>): string {
  const weekday = WEEKDAYS[weekdayOf(agreement.startDate)]!;
  if (agreement.cadence === 'weekly') return `every ${weekday}`;
  if (agreement.cadence === 'biweekly') return `every other ${weekday}`;
  return `the ${ORDINALS[weekOfMonth(agreement.startDate)]} ${weekday} of each month`;
}

export interface LocalTimes {
  /** 'HH:MM' in my zone (the anchor). */
  mine: string;
  /** Their local time at the first meeting. */
  theirs: string;
  /** Meetings where their local time differs, because the two zones change clocks on different dates. */
  exceptions: { date: IsoDate; theirs: string }[];
  count: number;
}

/** Each meeting in both local times: mine stays fixed, theirs follows both zones' daylight saving. */
export function localTimes(agreement: Agreement): LocalTimes | undefined {
  const instants = meetingInstants({ ...agreement, timeZone: agreement.myTimeZone });
  if (instants.length === 0) return undefined;
  const theirs = instants.map((at) => ({ date: isoDateOf(wallTimeAt(agreement.myTimeZone, at)), theirs: clockOf(wallTimeAt(agreement.theirTimeZone, at)) }));
  const usual = theirs[0]!.theirs;
  return { mine: agreement.time, theirs: usual, exceptions: theirs.filter((meeting) => meeting.theirs !== usual), count: instants.length };
}

/** Agreement lines that are not template variables: their placeholders are checked the same way. */
const PLACEHOLDERS = {
  time: { name: 'time', placeholder: '[a time that suits you both]', description: 'The time of your meetings, in your time zone' },
  theirSuccess: { name: 'theirSuccess', placeholder: '[how they will know it worked]', description: 'How your partner will know the partnership worked' },
} as const satisfies Record<string, MissingValue>;

const HEAD = `Our mentoring partnership – {{me.name}} and {{them.name}}

What we each teach and learn
- {{me.firstName}} teaches {{them.firstName}}: {{iTeachThem}}{{#theirAsk}} (concretely: {{theirAsk}}){{/theirAsk}}
- {{them.firstName}} teaches {{me.firstName}}: {{theyTeachMe}}{{#myAsk}} (concretely: {{myAsk}}){{/myAsk}}

How we meet
- {{format}}, {{session}} {{cadence}}, for {{duration}}`;

const MEASURE = `How we will know it worked
- {{me.firstName}}: {{successMeasure}}`;

export interface RenderedAgreement {
  text: string;
  missing: MissingValue[];
}

function formatDate(date: IsoDate): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

function windowLine(agreement: Agreement): string {
  const window = commonWindow(agreement.startDate, agreement.myTimeZone, agreement.theirTimeZone);
  const [mine, theirs] = [placeOf(agreement.myTimeZone), placeOf(agreement.theirTimeZone)];
  if (!window) return `- Our working days (9:00–17:00) do not overlap: one of us meets outside working hours.`;
  const span = (zone: string) => `${clockOf(wallTimeAt(zone, window.start))}–${clockOf(wallTimeAt(zone, window.end))}`;
  return `- Our shared working hours: ${span(agreement.myTimeZone)} in ${mine} = ${span(agreement.theirTimeZone)} in ${theirs}`;
}

function whenLines(agreement: Agreement, missing: Map<string, MissingValue>): string[] {
  const [mine, theirs] = [placeOf(agreement.myTimeZone), placeOf(agreement.theirTimeZone)];
  const times = agreement.time ? localTimes(agreement) : undefined;
  if (!times) {
    missing.set('time', PLACEHOLDERS.time);
    return [`- When: ${rhythmOf(agreement)} at ${PLACEHOLDERS.time.placeholder}, from ${formatDate(agreement.startDate)}`];
  }
  const lines = [
    `- When: ${rhythmOf(agreement)} at ${times.mine} in ${mine} (${times.theirs} in ${theirs}), from ${formatDate(agreement.startDate)}, ${times.count} ${times.count === 1 ? 'meeting' : 'meetings'}`,
  ];
  if (times.exceptions.length > 0) {
    const dates = times.exceptions.map((meeting) => `${formatDate(meeting.date)} at ${meeting.theirs}`).join('; ');
    lines.push(`- Clocks change on different dates, so in ${theirs} these meetings are at another time: ${dates}`);
  }
  return lines;
}

/**
 * The agreement as text to insert or copy. Template variables go through lib/templates (the same
 * placeholders as outreach messages); partner text is never read as template syntax, because it
 * is passed as values or appended as plain text.
 */
export function renderAgreement(agreement: Agreement, values: TemplateValues): RenderedAgreement {
  const agreed: TemplateValues = {
    ...values,
    iTeachThem: agreement.iTeach,
    theirAsk: agreement.theirAsk,
    theyTeachMe: agreement.theyTeach,
    myAsk: agreement.myAsk,
    format: FORMAT_LABELS[agreement.format],
    session: `${agreement.sessionMinutes} minutes`,
    cadence: CADENCE_LABELS[agreement.cadence],
    duration: `${agreement.durationMonths} ${agreement.durationMonths === 1 ? 'month' : 'months'}`,
    successMeasure: agreement.mySuccess,
  };
  const head = renderText(HEAD, agreed);
  const measure = renderText(MEASURE, agreed);
  const missing = new Map([...head.missing, ...measure.missing].map((value) => [value.name, value]));
  const when = whenLines(agreement, missing);
  if (!agreement.theirSuccess) missing.set('theirSuccess', PLACEHOLDERS.theirSuccess);
  const theirFirstName = values['them.firstName'] || values['them.name'] || 'They';
  const text = [
    head.text,
    ...when,
    windowLine(agreement),
    '',
    measure.text,
    `- ${theirFirstName}: ${agreement.theirSuccess || PLACEHOLDERS.theirSuccess.placeholder}`,
    ...(agreement.groundRules.length > 0 ? ['', 'Ground rules', ...agreement.groundRules.map((rule) => `- ${rule}`)] : []),
  ].join('\n');
  return { text, missing: [...missing.values()] };
}

/** What the person's profile says they want to learn, among what the partner taught them. */
export function learnedSkills(me: Profile, agreement: Pick<Agreement, 'theyTeach'>): string[] {
  const taught = agreement.theyTeach.toLocaleLowerCase();
  return me.learn.map((item) => item.name).filter((name) => name.trim() && taught.includes(name.trim().toLocaleLowerCase()));
}

/** The profile with `skills` moved from "want to learn" to "can teach" (as a beginner), nothing else changed. */
export function graduateSkills(me: Profile, skills: readonly string[], now: Date): Profile {
  const moving = new Set(skills.map((skill) => skill.trim().toLocaleLowerCase()));
  const known = new Set(me.teach.map((item) => item.name.trim().toLocaleLowerCase()));
  const moved = me.learn.filter((item) => moving.has(item.name.trim().toLocaleLowerCase()));
  return {
    ...me,
    learn: me.learn.filter((item) => !moving.has(item.name.trim().toLocaleLowerCase())),
    teach: [...me.teach, ...moved.filter((item) => !known.has(item.name.trim().toLocaleLowerCase())).map((item) => ({ name: item.name, level: 'beginner' as const }))],
    updatedAt: now.toISOString(),
  };
}

/** Same skill when one name contains the other ("Python" and "Python for data"), as the profile keys them. */
function sameSkill(a: string, b: string): boolean {
  const [x, y] = [skillKey(a), skillKey(b)];
  return Boolean(x && y) && (x.includes(y) || y.includes(x));
}

function shared(mine: readonly string[], theirs: readonly string[]): string[] {
  return mine.filter((item) => theirs.some((other) => skillKey(other) === skillKey(item)));
}

/** What the two can exchange, from both profiles: the context agreements and messages are written from. */
export function contextFor(me: Profile, partner: DirectoryEntry): OutreachContext {
  return {
    me,
    partner,
    theyTeachMe: partner.teach.map((skill) => skill.name).filter((name) => me.learn.some((item) => sameSkill(item.name, name))),
    iTeachThem: me.teach.map((skill) => skill.name).filter((name) => partner.learn.some((item) => sameSkill(item.name, name))),
    sharedErgs: shared(me.ergs, partner.ergs),
    sharedInterests: shared(me.interests, partner.interests),
  };
}

/** The partner as far as the partnership remembers, when the directory no longer lists them. */
export function rememberedPartner(partnership: Pick<Partnership, 'partnerId' | 'partnerName' | 'agreement' | 'askedAt'>, fallbackTimeZone: string): DirectoryEntry {
  return {
    id: partnership.partnerId,
    name: partnership.partnerName,
    email: partnership.partnerId,
    title: '',
    department: '',
    location: '',
    timeZone: partnership.agreement?.theirTimeZone ?? fallbackTimeZone,
    careerStage: 'mid',
    languages: [],
    teach: [],
    learn: [],
    interests: [],
    ergs: [],
    formats: [],
    capacity: 0,
    status: 'open',
    consent: { optedIn: true, date: partnership.askedAt },
    updatedAt: partnership.askedAt,
  };
}
