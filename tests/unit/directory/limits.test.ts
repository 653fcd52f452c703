import { describe, expect, it } from 'vitest';
import { FeedFormatError, parseCsvFeed, parseJsonFeed } from '../../../lib/directory';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };

describe('the readers’ limits', () => {
  it('refuses a CSV with more than 200 columns, saying how many it has and what to do', () => {
    const header = ['Email address', ...Array.from({ length: 260 }, (_, i) => `Question ${i + 1}`)].join(',');
    const read = () => parseCsvFeed(`${header}\na@example.com${','.repeat(260)}\n`, options);
    expect(read).toThrow(FeedFormatError);
    expect(read).toThrow(/261 columns; Mutual reads at most 200\. Export only the form's questions/);
  });

  it('reads the first 400,000 entries of a larger JSON feed and says how many it has', () => {
    // Entries that never opted in: the cheapest to judge, so the test measures the limit, not validation.
    const entries = `[${Array.from({ length: 400_003 }, () => '{"consent":{"optedIn":false}}').join(',')}]`;
    const parsed = parseJsonFeed(`{"format":"mutual-directory","version":1,"name":"Big","entries":${entries}}`, options);
    expect(parsed.report.total).toBe(400_000);
    expect(parsed.report.warnings).toContain('Only the first 400,000 of 400,003 rows were read: split the directory into several feeds.');
    expect(parsed.report.notOptedIn).toBe(400_000);
  });

  it('reads a column header up to 500 characters: a long question is still recognized by its start', () => {
    const question = `Email address ${'(the one you use at work) '.repeat(40)}`;
    const parsed = parseCsvFeed(`${question},Full name\nana@example.com,Ana\n`, options);
    expect(parsed.report.total).toBe(1);
  });
});
