import { describe, expect, it } from 'vitest';
import { MAX_POLICY_FEEDS, listSources, parseFeedUrl, parsePolicy, syncDirectory, type DirectorySource } from '../../../lib/directory';
import { DEFAULT_DIRECTORY_SETTINGS } from '../../../lib/directory';

describe('feed addresses', () => {
  it('accepts https:// and plain http:// from this computer only', () => {
    expect(parseFeedUrl('  https://intranet.example.com/people/mentors.csv ')).toEqual({ ok: true, url: 'https://intranet.example.com/people/mentors.csv', origin: 'https://intranet.example.com' });
    expect(parseFeedUrl('http://localhost:8080/feed.json')).toMatchObject({ ok: true, origin: 'http://localhost:8080' });
    expect(parseFeedUrl('http://127.0.0.1:3000/feed.json')).toMatchObject({ ok: true });
  });

  it('refuses plain http:// elsewhere, saying which address would do', () => {
    expect(parseFeedUrl('http://intranet.example.com/mentors.csv?x=1')).toEqual({
      ok: false,
      message: 'Mutual reads feeds only over https://, so that nobody on the network can read or change the list: use https://intranet.example.com/mentors.csv?x=1 instead.',
    });
  });

  it.each([
    ['https://ada:secret@intranet.example.com/feed.json'],
    ['https://ada@intranet.example.com/feed.json'],
  ])('refuses an address carrying a user name or password: %s', (input) => {
    expect(parseFeedUrl(input)).toEqual({ ok: false, message: expect.stringMatching(/^Remove the user name and password from the address/) });
  });

  it.each([['ftp://example.com/feed.csv'], ['intranet/feed.csv'], ['javascript:alert(1)'], ['']])('refuses what is not a web address: %s', (input) => {
    expect(parseFeedUrl(input)).toEqual({ ok: false, message: 'Enter a web address starting with https://' });
  });

  it('gives the limit and the length of an address that is too long', () => {
    expect(parseFeedUrl(`https://example.com/${'a'.repeat(2100)}`)).toEqual({ ok: false, message: 'The address is too long (2120 characters; at most 2000).' });
  });

  it('does not fetch a stored http:// feed: the source fails with the reason', async () => {
    const source: DirectorySource = { id: 'url:http://example.com/f.json', kind: 'url', url: 'http://example.com/f.json', label: 'Old feed', enabled: true, locked: false };
    let fetched = false;
    const result = await syncDirectory([source], {
      fetch: (() => {
        fetched = true;
        return Promise.reject(new Error('no'));
      }) as unknown as typeof fetch,
      maxAgeDays: 365,
      buildIndex: () => ({}),
    });
    expect(fetched).toBe(false);
    expect(result.sources).toEqual([{ id: source.id, ok: false, message: expect.stringMatching(/^Mutual reads feeds only over https:\/\//) }]);
  });
});

describe('the organization policy', () => {
  const feeds = (count: number) => Array.from({ length: count }, (_, i) => `https://hr.example.com/feeds/${i + 1}.json`);

  it(`keeps the first ${MAX_POLICY_FEEDS} feeds of a longer list and says how many were left out`, () => {
    const policy = parsePolicy({ organizationName: 'Northwind', directoryFeeds: feeds(MAX_POLICY_FEEDS + 3) });
    expect(policy.directoryFeeds).toEqual(feeds(MAX_POLICY_FEEDS));
    expect(policy.warnings).toEqual([`Your organization's policy lists 53 feeds; Mutual reads the first 50 and leaves out the other 3.`]);
    expect(listSources(DEFAULT_DIRECTORY_SETTINGS, policy).filter((source) => source.locked && source.kind === 'url')).toHaveLength(MAX_POLICY_FEEDS);
  });

  it('uses the usable feeds of a list with refused ones, and names each one left out', () => {
    const policy = parsePolicy({ directoryFeeds: ['http://hr.example.com/a.json', 42, 'https://hr.example.com/b.json', 'https://x:y@hr.example.com/c.json'] });
    expect(policy.directoryFeeds).toEqual(['https://hr.example.com/b.json']);
    expect(policy.warnings).toEqual([
      expect.stringMatching(/^Your organization's feed "http:\/\/hr.example.com\/a.json" is not used: Mutual reads feeds only over https:\/\//),
      "Your organization's feed #2 is not used: it is not a web address.",
      expect.stringMatching(/^Your organization's feed "https:\/\/x:y@hr.example.com\/c.json" is not used: Remove the user name/),
    ]);
  });

  it('has no warnings when every feed is used', () => {
    expect(parsePolicy({ directoryFeeds: feeds(2) })).toEqual({ directoryFeeds: feeds(2) });
    expect(parsePolicy({})).toEqual({});
  });
});
