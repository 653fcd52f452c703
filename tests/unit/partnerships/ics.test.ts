import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agreementIcs, icsFileName, meetingInstants } from '../../../lib/partnerships';
import { agreement, NOW } from './fixtures';
import type { Agreement } from '../../../lib/partnerships';

/** What a calendar would show: the .ics parsed back with ical.js, its recurrence expanded in its own VTIMEZONE. */
function parseBack(ics: string): { starts: string[]; ends: string[]; summary: string; description: string; tzid: string } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const starts: string[] = [];
  const ends: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const occurrence = event.getOccurrenceDetails(next);
    starts.push(occurrence.startDate.toJSDate().toISOString());
    ends.push(occurrence.endDate.toJSDate().toISOString());
    if (starts.length > 500) throw new Error('The recurrence does not end');
  }
  return { starts, ends, summary: event.summary, description: event.description, tzid: String(zone.getFirstPropertyValue('tzid')) };
}

const names = { me: 'Jordan Lee', them: 'Sam Rivera' };
const options = { uid: 'sam@2026', now: NOW, description: 'Our agreement' };

function expectSameMeetings(terms: Agreement): string[] {
  const ics = agreementIcs(terms, names, options)!;
  const parsed = parseBack(ics);
  const expected = meetingInstants({ ...terms, timeZone: terms.myTimeZone }).map((at) => at.toISOString());
  expect(parsed.starts).toEqual(expected);
  expect(parsed.ends).toEqual(expected.map((at) => new Date(Date.parse(at) + terms.sessionMinutes * 60_000).toISOString()));
  expect(parsed.tzid).toBe(terms.myTimeZone);
  return parsed.starts;
}

describe('the calendar invitation (.ics)', () => {
  it('parses back to the same weekly meetings across the March change, in the organizer’s zone', () => {
    const ics = agreementIcs(agreement(), names, options)!;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260303T150000');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5');
    expect(ics).toContain('DTSTAMP:20260224T100000Z');
    expect(expectSameMeetings(agreement())).toHaveLength(5);
    expect(parseBack(ics)).toMatchObject({ summary: 'Mentoring: Jordan Lee and Sam Rivera (video call)', description: 'Our agreement' });
  });

  it('parses back to the same biweekly meetings across October and November, anchored in New York', () => {
    expectSameMeetings(agreement({ startDate: '2026-10-15', time: '10:00', cadence: 'biweekly', durationMonths: 2, myTimeZone: 'America/New_York', theirTimeZone: 'Europe/Berlin' }));
  });

  it('parses back to the same monthly meetings on the last weekday of the month', () => {
    const starts = expectSameMeetings(agreement({ startDate: '2026-01-29', cadence: 'monthly', durationMonths: 6, sessionMinutes: 60 }));
    expect(starts).toHaveLength(6);
  });

  it('works in a zone without daylight saving and a half-hour offset', () => {
    expectSameMeetings(agreement({ myTimeZone: 'Asia/Kolkata', theirTimeZone: 'Europe/Berlin', time: '13:30' }));
  });

  it('keeps hostile names and text as data: escaped, folded, never new properties', () => {
    const ics = agreementIcs(agreement(), { me: 'Jordan', them: 'Sam\r\nATTENDEE:mailto:evil@example.com;x' }, { ...options, description: 'line one\nEND:VEVENT\nBEGIN:VEVENT' })!;
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(event!.getAllProperties('attendee')).toHaveLength(0);
    expect(event!.getFirstPropertyValue('description')).toBe('line one\nEND:VEVENT\nBEGIN:VEVENT');
  });

  it('is not made while no meeting time is agreed', () => {
    expect(agreementIcs(agreement({ time: '' }), names, options)).toBeUndefined();
  });

  it('names the file with letters and digits only', () => {
    expect(icsFileName('Zoë O’Brien / ../../etc', agreement())).toBe('mentoring-zoe-o-brien-etc-2026-03-03.ics');
    expect(icsFileName('🙂', agreement())).toBe('mentoring-partner-2026-03-03.ics');
  });
});
