import { describe, expect, it } from 'vitest';
import { columnDates, normaliseDate } from '../../../lib/directory/dates';

describe('dates as forms and spreadsheets write them', () => {
  it('keeps ISO dates, reads ISO-like date-times as UTC', () => {
    expect(normaliseDate('2026-11-03')).toBe('2026-11-03');
    expect(normaliseDate('2026-11-03T08:15:00Z')).toBe('2026-11-03T08:15:00Z');
    expect(normaliseDate('2026-11-03 14:05:12')).toBe('2026-11-03T14:05:12.000Z');
  });

  it("reads Google Forms' year-first timestamps with their zone", () => {
    expect(normaliseDate('2026/11/03 2:05:12 PM GMT+1')).toBe('2026-11-03T13:05:12.000Z');
    expect(normaliseDate('2026/11/03 12:30:00 AM GMT-5')).toBe('2026-11-03T05:30:00.000Z');
  });

  it('reads dotted dates day-first, always (de-DE, fr-CH, pl-PL…)', () => {
    expect(normaliseDate('14.10.2026')).toBe('2026-10-14T00:00:00.000Z');
    expect(normaliseDate('03.04.2026 09:30', 'month-first')).toBe('2026-04-03T09:30:00.000Z');
    expect(normaliseDate('3.4.26')).toBe('2026-04-03T00:00:00.000Z');
  });

  it('reads a slash date in the order of its column, and one that can only be read one way that way', () => {
    expect(normaliseDate('11/3/2026 14:05:12', 'month-first')).toBe('2026-11-03T14:05:12.000Z');
    expect(normaliseDate('11/3/2026 14:05:12', 'day-first')).toBe('2026-03-11T14:05:12.000Z');
    expect(normaliseDate('25/12/2026', 'month-first')).toBe('2026-12-25T00:00:00.000Z');
    expect(normaliseDate('12/25/2026', 'day-first')).toBe('2026-12-25T00:00:00.000Z');
  });

  it('reads an undecided slash date at the earlier of its two readings: consent never lasts longer than given', () => {
    expect(normaliseDate('03/04/2026')).toBe('2026-03-04T00:00:00.000Z');
    expect(normaliseDate('04/03/2026')).toBe('2026-03-04T00:00:00.000Z');
  });

  it('returns what is not a date as it was, for validation to quote', () => {
    for (const cell of ['31/02/2026', 'last Tuesday', '2026-13-45x', '1/2/3/4', '14.10.2026 25:00', `${'1'.repeat(70)}`]) expect(normaliseDate(cell)).toBe(cell);
  });

  it('decides a column by any value that can only be read one way', () => {
    expect(columnDates(['03/04/2026', '25/04/2026', undefined, ''])).toEqual({ order: 'day-first', ambiguous: false, mixed: false });
    expect(columnDates(['03/04/2026', '04/25/2026'])).toEqual({ order: 'month-first', ambiguous: false, mixed: false });
    expect(columnDates(['03/04/2026', '04/05/2026'])).toEqual({ order: 'earliest', ambiguous: true, mixed: false });
    expect(columnDates(['25/04/2026', '04/25/2026', '01/02/2026'])).toEqual({ order: 'earliest', ambiguous: true, mixed: true });
    // Dotted and year-first dates say nothing about the column's slash dates.
    expect(columnDates(['14.10.2026', '2026/11/03', '2026-11-03'])).toEqual({ order: 'earliest', ambiguous: false, mixed: false });
  });
});
