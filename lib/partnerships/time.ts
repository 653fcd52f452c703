import type { Cadence } from '../profile';

/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl. A meeting series is anchored in
 * one person's zone ("Tuesdays 15:00 Berlin time"); each occurrence is computed from the wall time,
 * so the UTC instant moves with daylight saving time and the other person's local time may shift
 * for the weeks when the two zones change on different dates.
 */

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** 'YYYY-MM-DD' */
export type IsoDate = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `at`. */
export function wallTimeAt(timeZone: string, at: Date | number): WallTime {
  const parts = formatterOf(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute') };
}

function asUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** Minutes east of UTC in `timeZone` at `at`. */
export function offsetMinutesAt(timeZone: string, at: number): number {
  const rounded = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return Math.round((asUtcMs(wallTimeAt(timeZone, rounded)) - rounded) / MINUTE_MS);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/**
 * The instant a wall time in `timeZone` names, as RFC 5545 reads it: a time that happens twice
 * (clocks going back) is the first of the two; a time that never happens (clocks going forward)
 * is read with the offset before the change, so 02:30 becomes 03:30.
 */
export function instantOf(timeZone: string, wall: WallTime): Date {
  const naive = asUtcMs(wall);
  // No zone changes its offset twice within two days, so the offsets a day either side are the only candidates.
  const before = offsetMinutesAt(timeZone, naive - DAY_MS);
  const after = offsetMinutesAt(timeZone, naive + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset * MINUTE_MS)
    .filter((at) => sameWall(wallTimeAt(timeZone, at), wall))
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? naive - before * MINUTE_MS);
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : undefined;
}

export function parseClock(time: string): { hour: number; minute: number } | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

export function isoDateOf(wall: Pick<WallTime, 'year' | 'month' | 'day'>): IsoDate {
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

export function clockOf(wall: Pick<WallTime, 'hour' | 'minute'>): string {
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** Calendar arithmetic on dates alone (no zone): `days` later. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  const moved = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day) + days * DAY_MS);
  return isoDateOf({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** `months` later, on the same day or the month's last day when it is shorter. */
function addMonths(date: IsoDate, months: number): IsoDate {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  const first = new Date(Date.UTC(parsed.year, parsed.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDateOf({ year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(parsed.day, lastDay) });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

/**
 * Which weekday of its month a date is: 1-4, or -1 for a fifth one (read as "the last"), so a
 * monthly series meets every month, as RRULE BYDAY=2TU or BYDAY=-1TU says.
 */
export function weekOfMonth(date: IsoDate): number {
  const day = parseIsoDate(date)?.day ?? 1;
  const week = Math.ceil(day / 7);
  return week > 4 ? -1 : week;
}

/** The date of the `week`-th (or last, -1) `weekday` in a month. */
function nthWeekday(year: number, month: number, weekday: number, week: number): IsoDate {
  if (week > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return isoDateOf({ year, month, day: 1 + ((weekday - first + 7) % 7) + (week - 1) * 7 });
  }
  const last = new Date(Date.UTC(year, month, 0));
  return isoDateOf({ year, month, day: last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7) });
}

export interface MeetingSeries {
  /** The first meeting's date in `timeZone`. */
  startDate: IsoDate;
  /** 'HH:MM' in `timeZone`. */
  time: string;
  timeZone: string;
  cadence: Cadence;
  /** Meetings happen before start + this many months (monthly: one in each of them). */
  durationMonths: number;
}

const CADENCE_DAYS: Partial<Record<Cadence, number>> = { weekly: 7, biweekly: 14 };

/** The dates (in the series' zone) of every meeting. */
export function meetingDates(series: Pick<MeetingSeries, 'startDate' | 'cadence' | 'durationMonths'>): IsoDate[] {
  const step = CADENCE_DAYS[series.cadence];
  const dates: IsoDate[] = [];
  if (step) {
    const end = addMonths(series.startDate, series.durationMonths);
    for (let date = series.startDate; date < end; date = addDays(date, step)) dates.push(date);
    return dates;
  }
  // One meeting in each month of the agreed length.
  const start = parseIsoDate(series.startDate)!;
  const [weekday, week] = [weekdayOf(series.startDate), weekOfMonth(series.startDate)];
  for (let i = 0; i < series.durationMonths; i++) {
    const month = new Date(Date.UTC(start.year, start.month - 1 + i, 1));
    dates.push(nthWeekday(month.getUTCFullYear(), month.getUTCMonth() + 1, weekday, week));
  }
  return dates;
}

/** Every meeting's start instant: the same wall time in the series' zone, whatever DST does. */
export function meetingInstants(series: MeetingSeries): Date[] {
  const clock = parseClock(series.time);
  if (!clock) return [];
  return meetingDates(series).map((date) => instantOf(series.timeZone, { ...parseIsoDate(date)!, ...clock }));
}

/** The first meeting starting at or after `now`, if any is left. */
export function nextMeeting(series: MeetingSeries, now: Date): Date | undefined {
  return meetingInstants(series).find((at) => at.getTime() >= now.getTime());
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

/** Working hours each person keeps, in their own zone. */
const WORKDAY = { startHour: 9, endHour: 17 } as const;

/**
 * The longest stretch of `date` (in `mine`) when both people are in their working day, each in
 * their own zone; undefined when the days do not meet.
 */
export function commonWindow(date: IsoDate, mine: string, theirs: string): TimeWindow | undefined {
  const day = parseIsoDate(date);
  if (!day) return undefined;
  const at = (zone: string, on: IsoDate, hour: number) => instantOf(zone, { ...parseIsoDate(on)!, hour, minute: 0 }).getTime();
  const myStart = at(mine, date, WORKDAY.startHour);
  const myEnd = at(mine, date, WORKDAY.endHour);
  let best: TimeWindow | undefined;
  // Their working day may fall on my date, the day before or the day after.
  for (const shift of [-1, 0, 1]) {
    const theirDate = addDays(date, shift);
    const start = Math.max(myStart, at(theirs, theirDate, WORKDAY.startHour));
    const end = Math.min(myEnd, at(theirs, theirDate, WORKDAY.endHour));
    if (end > start && (!best || end - start > best.end.getTime() - best.start.getTime())) best = { start: new Date(start), end: new Date(end) };
  }
  return best;
}
