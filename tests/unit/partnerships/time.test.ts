import { describe, expect, it } from 'vitest';
import { commonWindow, instantOf, meetingDates, meetingInstants, nextMeeting, wallTimeAt } from '../../../lib/partnerships';
import { clockOf, isoDateOf } from '../../../lib/partnerships/time';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const local = (zone: string, dates: Date[]) => dates.map((date) => `${isoDateOf(wallTimeAt(zone, date))} ${clockOf(wallTimeAt(zone, date))}`);

describe('wall time to instant (RFC 5545 rules)', () => {
  it('reads a time skipped by spring-forward with the offset before the change (02:30 is 03:30)', () => {
    expect(instantOf('America/New_York', { year: 2026, month: 3, day: 8, hour: 2, minute: 30 }).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(instantOf('Europe/Berlin', { year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a time that happens twice (clocks going back) as the first of the two', () => {
    expect(instantOf('America/New_York', { year: 2026, month: 11, day: 1, hour: 1, minute: 30 }).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOf('Europe/Berlin', { year: 2026, month: 10, day: 25, hour: 2, minute: 30 }).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles zones with half-hour offsets and no DST', () => {
    expect(instantOf('Asia/Kolkata', { year: 2026, month: 6, day: 1, hour: 9, minute: 0 }).toISOString()).toBe('2026-06-01T03:30:00.000Z');
  });
});

describe('meeting series across daylight saving changes', () => {
  it('keeps a weekly Berlin meeting at 15:00 Berlin while New York moves, in March when the US changes three weeks earlier', () => {
    const series = { startDate: '2026-03-03', time: '15:00', timeZone: 'Europe/Berlin', cadence: 'weekly', durationMonths: 1 } as const;
    const meetings = meetingInstants(series);
    expect(iso(meetings)).toEqual([
      '2026-03-03T14:00:00.000Z',
      '2026-03-10T14:00:00.000Z',
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
    ]);
    expect(local('Europe/Berlin', meetings).map((at) => at.slice(11))).toEqual(['15:00', '15:00', '15:00', '15:00', '15:00']);
    expect(local('America/New_York', meetings)).toEqual(['2026-03-03 09:00', '2026-03-10 10:00', '2026-03-17 10:00', '2026-03-24 10:00', '2026-03-31 09:00']);
  });

  it('keeps a biweekly New York meeting at 10:00 New York through Berlin’s October and New York’s November change', () => {
    const series = { startDate: '2026-10-15', time: '10:00', timeZone: 'America/New_York', cadence: 'biweekly', durationMonths: 1 } as const;
    const meetings = meetingInstants(series);
    expect(local('America/New_York', meetings)).toEqual(['2026-10-15 10:00', '2026-10-29 10:00', '2026-11-12 10:00']);
    expect(local('Europe/Berlin', meetings)).toEqual(['2026-10-15 16:00', '2026-10-29 15:00', '2026-11-12 16:00']);
  });

  it('meets on the same weekday of each month, the last one when the start is in a fifth week', () => {
    expect(meetingDates({ startDate: '2026-03-10', cadence: 'monthly', durationMonths: 3 })).toEqual(['2026-03-10', '2026-04-14', '2026-05-12']);
    expect(meetingDates({ startDate: '2026-01-29', cadence: 'monthly', durationMonths: 3 })).toEqual(['2026-01-29', '2026-02-26', '2026-03-26']);
  });

  it('ends before the agreed length is over, also from the 31st of a month', () => {
    expect(meetingDates({ startDate: '2026-01-31', cadence: 'weekly', durationMonths: 1 })).toEqual(['2026-01-31', '2026-02-07', '2026-02-14', '2026-02-21']);
  });

  it('finds the next meeting after a moment, and none once the series is over', () => {
    const series = { startDate: '2026-03-03', time: '15:00', timeZone: 'Europe/Berlin', cadence: 'weekly', durationMonths: 1 } as const;
    expect(nextMeeting(series, new Date('2026-03-24T14:00:01Z'))?.toISOString()).toBe('2026-03-31T13:00:00.000Z');
    expect(nextMeeting(series, new Date('2026-04-01T00:00:00Z'))).toBeUndefined();
  });

  it('has no meetings without a valid time', () => {
    expect(meetingInstants({ startDate: '2026-03-03', time: '25:00', timeZone: 'Europe/Berlin', cadence: 'weekly', durationMonths: 1 })).toEqual([]);
  });
});

describe('common working hours', () => {
  it('is 15:00-17:00 in Berlin = 09:00-11:00 in New York in winter, and an hour longer in the March gap', () => {
    const winter = commonWindow('2026-03-03', 'Europe/Berlin', 'America/New_York')!;
    expect(local('Europe/Berlin', [winter.start, winter.end])).toEqual(['2026-03-03 15:00', '2026-03-03 17:00']);
    expect(local('America/New_York', [winter.start, winter.end])).toEqual(['2026-03-03 09:00', '2026-03-03 11:00']);
    const gap = commonWindow('2026-03-17', 'Europe/Berlin', 'America/New_York')!;
    expect(local('Europe/Berlin', [gap.start, gap.end])).toEqual(['2026-03-17 14:00', '2026-03-17 17:00']);
  });

  it('finds the window across the date line (Tokyo morning = Los Angeles afternoon the day before)', () => {
    const window = commonWindow('2026-01-15', 'Asia/Tokyo', 'America/Los_Angeles')!;
    expect(local('Asia/Tokyo', [window.start, window.end])).toEqual(['2026-01-15 09:00', '2026-01-15 10:00']);
    expect(local('America/Los_Angeles', [window.start, window.end])).toEqual(['2026-01-14 16:00', '2026-01-14 17:00']);
  });

  it('is undefined when the working days never meet', () => {
    expect(commonWindow('2026-06-10', 'Pacific/Honolulu', 'Asia/Kolkata')).toBeUndefined();
  });
});
