import { WORKDAY_MINUTES } from './weights';

const MINUTES_PER_DAY = 24 * 60;
const HOUR_MS = 3_600_000;
const MAX_CACHED_OFFSETS = 10_000;

/** Offsets change with daylight saving time, so the cache is per zone and per hour of the day asked. */
const offsetCache = new Map<string, number | undefined>();
const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatterOf(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
    } catch {
      formatters.set(timeZone, undefined);
    }
  }
  return formatters.get(timeZone);
}

/** Minutes east of UTC for an IANA zone at `at`, or undefined for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | undefined {
  const key = `${timeZone}@${Math.floor(at.getTime() / HOUR_MS)}`;
  if (offsetCache.has(key)) return offsetCache.get(key);
  if (offsetCache.size > MAX_CACHED_OFFSETS) offsetCache.clear();
  const name = formatterOf(timeZone)
    ?.formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  // "GMT" for UTC itself, otherwise "GMT+05:30" / "GMT-03:00".
  const match = name && /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name);
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) : undefined;
  offsetCache.set(key, offset);
  return offset;
}

/** Minutes of a 9-17 working day that two people `a` and `b` minutes east of UTC share. */
export function workdayOverlapMinutes(a: number, b: number): number {
  const apart = Math.abs(a - b) % MINUTES_PER_DAY;
  return Math.max(0, WORKDAY_MINUTES - Math.min(apart, MINUTES_PER_DAY - apart));
}
