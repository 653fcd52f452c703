import { describe, expect, it } from 'vitest';
import { checkJsonFeedInPieces, parseJsonFeed } from '../../../lib/directory';
import { feedPerson, jsonFeed } from './helpers';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
const bytes = (text: string) => new TextEncoder().encode(text);

/** 80 people with every kind of problem, and the same people again later in the list, some newer. */
function people() {
  const list: unknown[] = [];
  for (let i = 0; i < 80; i++) {
    if (i % 9 === 3) list.push(feedPerson(`p${i}@example.com`, { careerStage: 'wizard' }));
    else if (i % 9 === 5) list.push(feedPerson(`p${i}@example.com`, { consent: { optedIn: false, date: '2026-10-01' } }));
    else if (i % 9 === 7) list.push(feedPerson(`p${i}@example.com`, { consent: { optedIn: true, date: '2020-01-01' } }));
    else list.push(feedPerson(`p${i}@example.com`, { name: `Name with },{"email": "x@y.z"} ${i}` }));
  }
  for (let i = 0; i < 80; i += 4) list.push(feedPerson(`p${i}@example.com`, { updatedAt: i % 8 ? '2026-10-02T09:00:00Z' : '2026-09-01T09:00:00Z' }));
  return list;
}

describe('checking a large JSON feed in pieces', () => {
  it.each([[700], [2000], [9000]])('gives the report one reading gives, in pieces of %i bytes', (pieceBytes) => {
    const text = jsonFeed(people());
    const whole = parseJsonFeed(text, options);
    const checked = checkJsonFeedInPieces(bytes(text), options, pieceBytes);
    expect(checked).toBeDefined();
    expect(checked).toEqual({ name: whole.name, report: whole.report });
  });

  it('finds the name after the entries, and warns when there is none', () => {
    const list = people();
    const named = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(list)}, "name": "Late name"}`;
    expect(checkJsonFeedInPieces(bytes(named), options, 1000)?.name).toBe('Late name');
    const unnamed = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(list)}}`;
    expect(checkJsonFeedInPieces(bytes(unnamed), options, 1000)?.report).toEqual(parseJsonFeed(unnamed, options).report);
  });

  it('leaves to one reading what it cannot cut safely: a small feed, a malformed one, a second "entries"', () => {
    expect(checkJsonFeedInPieces(bytes(jsonFeed([feedPerson('a@example.com')])), options, 1_000_000)).toBeUndefined();
    const broken = jsonFeed(people()).slice(0, -500);
    expect(checkJsonFeedInPieces(bytes(broken), options, 1000)).toBeUndefined();
    const twice = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(people())}, "entries": []}`;
    expect(checkJsonFeedInPieces(bytes(twice), options, 1000)).toBeUndefined();
  });

  it('keeps the first issues of each kind of a feed where every entry is invalid, and counts them all', () => {
    const list = Array.from({ length: 3000 }, (_, i) => feedPerson(`bad${i}`, { careerStage: 'wizard' }));
    const checked = checkJsonFeedInPieces(bytes(jsonFeed(list)), options, 20_000);
    expect(checked?.report).toMatchObject({ total: 3000, valid: 0, rejected: 3000 });
    expect(checked?.report.invalid.length).toBeLessThanOrEqual(200);
    expect(new Set(checked?.report.invalid.map((issue) => issue.field))).toEqual(new Set(['email', 'careerStage']));
  });
});
