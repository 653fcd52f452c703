import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import type { Agreement } from './model';
import { FORMAT_LABELS } from './agreement';
import { meetingInstants, offsetMinutesAt, weekOfMonth, weekdayOf } from './time';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface OffsetChange {
  at: number;
  from: number;
  to: number;
}

/** Every offset change of `timeZone` in [from, to], found to the minute. */
function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let offset = offsetMinutesAt(timeZone, from);
  for (let t = from; t < to; t += 6 * HOUR_MS) {
    const next = offsetMinutesAt(timeZone, t + 6 * HOUR_MS);
    if (next === offset) continue;
    let [low, high] = [t, t + 6 * HOUR_MS];
    while (high - low > MINUTE_MS) {
      const mid = Math.floor((low + high) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetMinutesAt(timeZone, mid) === offset) low = mid;
      else high = mid;
    }
    changes.push({ at: high, from: offset, to: next });
    offset = next;
  }
  return changes;
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function icsLocal(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * MINUTE_MS);
  return local.toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * A VTIMEZONE for the span of the meetings, from the browser's own zone data: one period per
 * offset change, so calendars place every meeting at the agreed wall time across DST.
 */
function vtimezone(timeZone: string, from: number, to: number): string {
  const start = from - DAY_MS;
  const initial = offsetMinutesAt(timeZone, start);
  const periods: OffsetChange[] = [{ at: start, from: initial, to: initial }, ...offsetChanges(timeZone, start, to + DAY_MS)];
  const standard = Math.min(...periods.map((period) => period.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  for (const period of periods) {
    const kind = period.to > standard ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the local time of the change, read in the offset in force before it.
    lines.push(`BEGIN:${kind}`, `DTSTART:${icsLocal(period.at, period.from)}`, `TZOFFSETFROM:${utcOffset(period.from)}`, `TZOFFSETTO:${utcOffset(period.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export interface IcsNames {
  me: string;
  them: string;
}

/** The RRULE that repeats the first meeting as `meetingDates` does. */
function repeatRule(agreement: Agreement, count: number): string {
  const day = RRULE_DAYS[weekdayOf(agreement.startDate)];
  if (agreement.cadence === 'monthly') return `FREQ=MONTHLY;BYDAY=${weekOfMonth(agreement.startDate)}${day};COUNT=${count}`;
  return `FREQ=${ICalEventRepeatingFreq.WEEKLY};INTERVAL=${agreement.cadence === 'biweekly' ? 2 : 1};COUNT=${count}`;
}

/**
 * The agreed meetings as an RFC 5545 calendar (one recurring event in my time zone), or undefined
 * while the agreement has no meeting time.
 */
export function agreementIcs(agreement: Agreement, names: IcsNames, options: { uid: string; now: Date; description: string }): string | undefined {
  const instants = meetingInstants({ ...agreement, timeZone: agreement.myTimeZone });
  const first = instants[0];
  const last = instants.at(-1);
  if (!first || !last) return undefined;
  const calendar = ical({ name: `Mentoring: ${names.me} and ${names.them}`, prodId: { company: 'Mutual', product: 'Mutual', language: 'EN' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  // No calendar-wide zone: DTSTAMP stays UTC (RFC 5545); the event's zone still gets its VTIMEZONE.
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, first.getTime(), last.getTime()) });
  calendar.createEvent({
    id: options.uid,
    stamp: options.now,
    start: new TZDate(first.getTime(), agreement.myTimeZone),
    end: new TZDate(first.getTime() + agreement.sessionMinutes * MINUTE_MS, agreement.myTimeZone),
    timezone: agreement.myTimeZone,
    repeating: repeatRule(agreement, instants.length),
    summary: `Mentoring: ${names.me} and ${names.them} (${FORMAT_LABELS[agreement.format]})`,
    description: options.description,
  });
  return calendar.toString();
}

/** "mentoring-sam-rivera-2026-03-03.ics": letters and digits only, whatever the name holds. */
export function icsFileName(them: string, agreement: Pick<Agreement, 'startDate'>): string {
  // Runs of anything else are one '-' already, so at most one to drop at either end.
  const dashed = them.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-');
  const slug = dashed
    .slice(dashed.startsWith('-') ? 1 : 0, dashed.endsWith('-') ? -1 : undefined)
    .toLocaleLowerCase()
    .slice(0, 40);
  return `mentoring-${slug || 'partner'}-${agreement.startDate}.ics`;
}

