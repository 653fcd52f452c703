import { describe, expect, it } from 'vitest';
import { FeedFormatError, detectFeedKind, parseFeed, parseJsonFeed } from '../../../lib/directory';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };

function person(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ada Lovelace',
    email: 'Ada@Example.com',
    careerStage: 'senior',
    languages: ['English'],
    teach: [{ name: 'Python', level: 'expert' }],
    learn: [{ name: 'TikTok', priority: 'high' }],
    capacity: 1,
    consent: { optedIn: true, date: '2026-10-01' },
    updatedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  };
}

const feed = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'mutual-directory', version: 1, name: 'Acme mentors', generatedAt: '2026-11-01T00:00:00Z', entries, ...extra });

describe('JSON feed', () => {
  it('accepts valid entries with defaults, the id being the lower-cased email', () => {
    const parsed = parseJsonFeed(feed([person()]), options);
    expect(parsed.name).toBe('Acme mentors');
    expect(parsed.entries).toEqual([
      expect.objectContaining({ id: 'ada@example.com', email: 'Ada@Example.com', timeZone: 'UTC', formats: ['video'], status: 'open', interests: [] }),
    ]);
    expect(parsed.report).toMatchObject({ total: 1, valid: 1, rejected: 0, invalid: [] });
  });

  it('reports wrong types by entry index and field', () => {
    const parsed = parseJsonFeed(feed([person(), person({ email: 'b@example.com', capacity: '2', teach: [{ name: 'Go', level: 'guru' }] })]), options);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.report.invalid).toEqual([
      { index: 1, field: 'teach.0.level', code: 'unknown-level', message: `'guru' is not a skill level — use "beginner", "intermediate", "advanced" or "expert"` },
      { index: 1, field: 'capacity', code: 'not-a-number', message: "'2' is not a number — write how many partners this person can take, 0 to 10" },
    ]);
  });

  it('never admits an entry without explicit opt-in', () => {
    const entries = [
      person({ email: 'a@example.com', consent: undefined }),
      person({ email: 'b@example.com', consent: { optedIn: 'yes', date: '2026-10-01' } }),
      person({ email: 'c@example.com', consent: { optedIn: false, date: '2026-10-01' } }),
    ];
    const parsed = parseJsonFeed(feed(entries), options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report.notOptedIn).toBe(3);
  });

  it('hides entries past consent + maximum age or past their explicit expiry', () => {
    const entries = [
      person({ email: 'fresh@example.com' }),
      person({ email: 'stale@example.com', consent: { optedIn: true, date: '2025-11-10' } }),
      person({ email: 'ended@example.com', expiresAt: '2026-11-09' }),
      person({ email: 'extended@example.com', consent: { optedIn: true, date: '2025-01-01' }, expiresAt: '2027-01-01' }),
    ];
    const parsed = parseJsonFeed(feed(entries), options);
    expect(parsed.entries.map((entry) => entry.id)).toEqual(['fresh@example.com', 'extended@example.com']);
    expect(parsed.report.expired).toBe(2);
    expect(parseJsonFeed(feed(entries), { ...options, maxAgeDays: 30 }).report.expired).toBe(3);
  });

  it('keeps the newest of duplicate emails', () => {
    const entries = [person({ title: 'old', updatedAt: '2026-10-01' }), person({ email: 'ADA@example.com', title: 'new', updatedAt: '2026-10-05' }), person({ title: 'older', updatedAt: '2026-09-01' })];
    const parsed = parseJsonFeed(feed(entries), options);
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['new']);
    expect(parsed.report.duplicates).toBe(2);
  });

  it('rejects dates that are not dates and huge fields, with clear messages', () => {
    const parsed = parseJsonFeed(feed([person({ consent: { optedIn: true, date: 'yesterday!' }, title: 'x'.repeat(100_000) })]), options);
    expect(parsed.report.invalid).toEqual(
      expect.arrayContaining([
        { index: 0, field: 'consent.date', code: 'not-a-date', message: "'yesterday!' is not a date — write it as 2026-10-14 (or 14.10.2026)" },
        { index: 0, field: 'title', code: 'too-long', message: 'Too long: 100000 characters (at most 120)' },
      ]),
    );
  });

  it('lets the newest entry of one email decide, a newer refusal removing an older opt-in', () => {
    const older = person({ email: 'Zoe@example.com', updatedAt: '2026-10-01T00:00:00Z' });
    const newerNo = person({ email: 'zoe@example.com', updatedAt: '2026-10-05T00:00:00Z', consent: { optedIn: false, date: '2026-10-05' } });
    const parsed = parseJsonFeed(feed([newerNo, older]), options);
    expect(parsed.entries).toEqual([]);
    expect(parsed.report).toMatchObject({ notOptedIn: 1, duplicates: 1, valid: 0 });
    // The other way round, the newer opt-in lists the person.
    const relisted = parseJsonFeed(feed([person({ ...newerNo, updatedAt: '2026-09-01T00:00:00Z' }), older]), options);
    expect(relisted.entries.map((entry) => entry.id)).toEqual(['zoe@example.com']);
  });

  it('keeps hostile strings as data', () => {
    const parsed = parseJsonFeed(feed([person({ name: '<img src=x onerror=alert(1)>', interests: ['{{name}}'] })]), options);
    expect(parsed.entries[0]).toMatchObject({ name: '<img src=x onerror=alert(1)>', interests: ['{{name}}'] });
  });

  it.each([
    ['not JSON', '{"format": ', /Not valid JSON/],
    ['an array', '[]', /Not a Mutual directory feed/],
    ['another format', JSON.stringify({ format: 'people', version: 1, entries: [] }), /"format" must be/],
    ['a newer version', feed([], { version: 2 }), /version 2/],
    ['no entries', JSON.stringify({ format: 'mutual-directory', version: 1 }), /no "entries"/],
  ])('refuses %s as a whole', (_, text, message) => {
    expect(() => parseJsonFeed(text, options)).toThrow(FeedFormatError);
    expect(() => parseJsonFeed(text, options)).toThrow(message);
  });

  it('reads a BOM-prefixed feed', () => {
    expect(parseJsonFeed(`\uFEFF${feed([person()])}`, options).entries).toHaveLength(1);
  });
});

describe('feed kind', () => {
  it('goes by content type, then extension, then the first character', () => {
    expect(detectFeedKind('a,b', { contentType: 'application/json; charset=utf-8' })).toBe('json');
    expect(detectFeedKind('{', { contentType: 'text/csv' })).toBe('csv');
    expect(detectFeedKind('{', { contentType: 'text/plain', name: 'https://x.test/people.csv?v=2' })).toBe('csv');
    expect(detectFeedKind('a,b', { name: 'feed.json' })).toBe('json');
    expect(detectFeedKind('\uFEFF  {"format":1}', { contentType: 'text/plain' })).toBe('json');
    expect(detectFeedKind('Email,Name', {})).toBe('csv');
  });

  it('parses either kind through one entry point', () => {
    expect(parseFeed(feed([person()]), { ...options, name: 'x.json' }).entries).toHaveLength(1);
    expect(parseFeed('Email,Name,Career stage,Languages,Consent,Timestamp\na@example.com,A,Senior,English,yes,2026-11-01\n', options).entries).toHaveLength(1);
  });
});
