import { describe, expect, it } from 'vitest';
import { readTimeZone } from '../../../lib/directory/timezone';

describe('free-text time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/london', 'Europe/London'],
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['US Eastern', 'America/New_York'],
    ['Eastern Time', 'America/New_York'],
    ['EST', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['AEST', 'Australia/Sydney'],
    ['Sydney', 'Australia/Sydney'],
    ['New York', 'America/New_York'],
    ['London, UK', 'Europe/London'],
    ['Bangalore', 'Asia/Kolkata'],
    ['UTC−05:00', 'Etc/GMT+5'],
    ['UTC+1', 'Etc/GMT-1'],
    ['GMT+5:30', 'Asia/Kolkata'],
    ['+02:00', 'Etc/GMT-2'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['(UTC+03:00) Somewhere Unlisted', 'Etc/GMT-3'],
  ])('maps %j to %s', (cell, zone) => {
    expect(readTimeZone(cell)).toEqual({ zone });
  });

  it('names the candidates of an abbreviation that means several zones', () => {
    expect(readTimeZone('CST')).toEqual({ ambiguous: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'] });
    expect(readTimeZone('IST')).toMatchObject({ ambiguous: expect.arrayContaining(['Asia/Kolkata', 'Europe/Dublin']) });
  });

  it('does not guess at what is not a time zone', () => {
    for (const cell of ['Mars/Olympus', 'home', 'UTC+25', 'x'.repeat(10_000), '']) expect(readTimeZone(cell)).toEqual({ unknown: true });
  });
});
