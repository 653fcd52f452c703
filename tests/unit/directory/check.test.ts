import { describe, expect, it } from 'vitest';
import { checkJsonFeedInPieces, parseJsonFeed } from '../../../lib/directory';
import { feedPerson, jsonFeed } from './helpers';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
const bytes = (text: string) => new TextEncoder().encode(text);
/** The feed's bytes as a file or a download delivers them: in chunks of `size`. */
function* chunks(text: string, size = 300): Generator<Uint8Array> {
  const all = bytes(text);
  for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size);
}

/** 80 people with every kind of problem; with `again`, some of them answer again later in the list, some newer. */
function people(again = false) {
  const list: unknown[] = [];
  for (let i = 0; i < 80; i++) {
    if (i % 9 === 3) list.push(feedPerson(`p${i}@example.com`, { careerStage: 'wizard' }));
    else if (i % 9 === 5) list.push(feedPerson(`p${i}@example.com`, { consent: { optedIn: false, date: '2026-10-01' } }));
    else if (i % 9 === 7) list.push(feedPerson(`p${i}@example.com`, { consent: { optedIn: true, date: '2020-01-01' } }));
    else list.push(feedPerson(`p${i}@example.com`, { name: `Name with },{"email": "x@y.z"} ${i}` }));
  }
  if (again) for (let i = 0; i < 80; i += 4) list.push(feedPerson(`p${i}@example.com`, { updatedAt: i % 8 ? '2026-10-02T09:00:00Z' : '2026-09-01T09:00:00Z' }));
  return list;
}

describe('checking a large JSON feed in pieces', () => {
  it.each([
    [700, 300],
    [2000, 5000],
    [9000, 7],
  ])('gives the report one reading gives, in pieces of %i bytes read in chunks of %i', async (pieceBytes, chunkBytes) => {
    const text = jsonFeed(people());
    const whole = parseJsonFeed(text, options);
    const checked = await checkJsonFeedInPieces(chunks(text, chunkBytes), options, pieceBytes);
    expect(checked).toBeDefined();
    expect(checked).toEqual({ name: whole.name, report: whole.report });
  });

  it('leaves to one reading a feed where a person answered again in a later piece, so the newer answer decides', async () => {
    const list = people(true);
    list.push(feedPerson('p0@example.com', { updatedAt: '2026-11-01T09:00:00Z', consent: { optedIn: false, date: '2026-11-01' } }));
    const text = jsonFeed(list);
    expect(await checkJsonFeedInPieces(chunks(text), options, 1000)).toBeUndefined();
    expect(parseJsonFeed(text, options).entries.some((entry) => entry.id === 'p0@example.com')).toBe(false);
  });

  it('finds the name after the entries, and warns when there is none', async () => {
    const list = people();
    const named = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(list)}, "name": "Late name"}`;
    expect((await checkJsonFeedInPieces(chunks(named), options, 1000))?.name).toBe('Late name');
    const unnamed = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(list)}}`;
    expect((await checkJsonFeedInPieces(chunks(unnamed), options, 1000))?.report).toEqual(parseJsonFeed(unnamed, options).report);
  });

  it('leaves to one reading what it cannot cut safely: a small feed, a malformed one, a second "entries"', async () => {
    expect(await checkJsonFeedInPieces(chunks(jsonFeed([feedPerson('a@example.com')])), options, 1_000_000)).toBeUndefined();
    const broken = jsonFeed(people()).slice(0, -500);
    expect(await checkJsonFeedInPieces(chunks(broken), options, 1000)).toBeUndefined();
    const twice = `{"format": "mutual-directory", "version": 1, "entries": ${JSON.stringify(people())}, "entries": []}`;
    expect(await checkJsonFeedInPieces(chunks(twice), options, 1000)).toBeUndefined();
  });

  it('keeps the first issues of each kind of a feed where every entry is invalid, and counts them all', async () => {
    const list = Array.from({ length: 3000 }, (_, i) => feedPerson(`bad${i}`, { careerStage: 'wizard' }));
    const checked = await checkJsonFeedInPieces([bytes(jsonFeed(list))], options, 20_000);
    expect(checked?.report).toMatchObject({ total: 3000, valid: 0, rejected: 3000 });
    expect(checked?.report.invalid.length).toBeLessThanOrEqual(200);
    expect(new Set(checked?.report.invalid.map((issue) => issue.field))).toEqual(new Set(['email', 'careerStage']));
  });
});
