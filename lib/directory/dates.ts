/**
 * Dates as spreadsheets and forms write them, to ISO (docs/directory-feed.md, "Dates"). Dates decide
 * when a listing expires, so a misread date must never extend consent: dotted dates are day-first,
 * slash dates are read per column, and a column that stays ambiguous is read at the earlier of its
 * two readings (and reported). Every pattern here is anchored, without nested or overlapping
 * quantifiers, and runs on at most MAX_DATE characters.
 */

/** How the slash dates of one column are read: d/m/y, m/d/y, or each at its earlier possible reading. */
export type DayOrder = 'day-first' | 'month-first' | 'earliest';

/** No date cell is longer; a longer one is not a date and is returned as is. */
const MAX_DATE = 64;

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DATE_TIME =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:(?:T| |, ?)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?: ?(am|pm))?)?(?: ?(?:(?:gmt|utc) ?)?([+-])(\d{1,2})(?::?(\d{2}))?| ?(?:z|gmt|utc))?$/i;

interface DateParts {
  /** The three numbers as written, in order. */
  numbers: [string, string, string];
  separator: string;
  time: { hour: number; minute: number; second: number };
  /** Minutes east of UTC. */
  offset: number;
}

function partsOf(cell: string): DateParts | undefined {
  if (cell.length > MAX_DATE) return undefined;
  const match = DATE_TIME.exec(cell.trim().replace(/\s+/g, ' '));
  if (!match) return undefined;
  const [, a = '', separator = '', b = '', c = '', h = '0', min = '0', sec = '0', meridiem, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const pm = meridiem?.toLowerCase() === 'pm';
  const hour = meridiem ? (Number(h) % 12) + (pm ? 12 : 0) : Number(h);
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  return { numbers: [a, b, c], separator, time: { hour, minute: Number(min), second: Number(sec) }, offset };
}

/** Whether the first two numbers could be either day or month: "03/04/2026" yes, "25/12/2026" and "2026/11/03" no. */
function orderOf(parts: DateParts): 'day-first' | 'month-first' | 'year-first' | 'either' {
  const [a, b] = parts.numbers;
  if (a.length > 2) return 'year-first';
  if (parts.separator === '.') return 'day-first';
  if (Number(a) > 12) return 'day-first';
  if (Number(b) > 12) return 'month-first';
  return 'either';
}

function toIso(parts: DateParts, year: number, month: number, day: number): string | undefined {
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to March: such a cell is not a date.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || year < 1000) return undefined;
  const { hour, minute, second } = parts.time;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - parts.offset * 60_000).toISOString();
}

/**
 * "2026-03-04 14:05:12", Google Forms' "2026/03/04 2:05:12 PM GMT+1", "14.10.2026", "3/4/2026"...
 * to ISO; without a zone the time is taken as UTC. Anything else is returned as is, for validation
 * to reject with the value in its message.
 */
export function normaliseDate(cell: string, order: DayOrder = 'earliest'): string {
  const value = cell.trim();
  if (value.length <= MAX_DATE && ISO.test(value)) return value;
  const parts = partsOf(value);
  if (!parts) return value;
  const [a, b, c] = parts.numbers.map(Number) as [number, number, number];
  const found = orderOf(parts);
  if (found === 'year-first') return toIso(parts, a, b, c) ?? value;
  const year = parts.numbers[2].length <= 2 ? 2000 + c : c;
  const dayFirst = toIso(parts, year, b, a);
  const monthFirst = toIso(parts, year, a, b);
  const chosen = found === 'either' ? order : found;
  if (chosen === 'day-first') return dayFirst ?? value;
  if (chosen === 'month-first') return monthFirst ?? value;
  if (!dayFirst || !monthFirst) return dayFirst ?? monthFirst ?? value;
  return dayFirst < monthFirst ? dayFirst : monthFirst;
}

export interface ColumnDates {
  order: DayOrder;
  /** Slash dates that could be read either way, and nothing in the column decided. */
  ambiguous: boolean;
  /** Some values can only be day-first and others only month-first. */
  mixed: boolean;
}

/** How one column's slash dates are read: if any can only be day-first, all are, and likewise month-first. */
export function columnDates(cells: Iterable<string | undefined>): ColumnDates {
  let dayFirst = false;
  let monthFirst = false;
  let either = false;
  for (const cell of cells) {
    const parts = cell ? partsOf(cell) : undefined;
    if (!parts) continue;
    const order = orderOf(parts);
    if (order === 'day-first' && parts.separator !== '.') dayFirst = true;
    else if (order === 'month-first') monthFirst = true;
    else if (order === 'either') either = true;
  }
  if (dayFirst && monthFirst) return { order: 'earliest', ambiguous: either, mixed: true };
  if (dayFirst) return { order: 'day-first', ambiguous: false, mixed: false };
  if (monthFirst) return { order: 'month-first', ambiguous: false, mixed: false };
  return { order: 'earliest', ambiguous: either, mixed: false };
}
