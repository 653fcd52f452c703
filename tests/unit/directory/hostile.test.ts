import { describe, expect, it } from 'vitest';
import { parseCsvFeed } from '../../../lib/directory';

/**
 * Feeds written to hang or exhaust the parser. Every path that reads a cell must take time linear
 * in its length: each test below took minutes or hours with the patterns this file replaced (a
 * skill's qualifier, the header rules, the date-time pattern). The timeout is a hang guard, not a
 * performance target: performance is measured in bench/.
 */
const HANG_GUARD_MS = 20_000;
const MiB = 1 << 20;
const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };
const HEADER = 'Timestamp,Email address,Full name,Career stage,Languages,What can you teach?,What do you want to learn?,Time zone,I agree to be listed';

function row(overrides: Partial<Record<'timestamp' | 'email' | 'name' | 'stage' | 'languages' | 'teach' | 'learn' | 'zone' | 'consent', string>>): string {
  const cells = { timestamp: '2026-11-01', email: 'ada@example.com', name: 'Ada', stage: 'Senior', languages: 'English', teach: 'Python', learn: 'Go', zone: 'UTC', consent: 'Yes', ...overrides };
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return Object.values(cells).map(quote).join(',');
}

const parse = (...rows: string[]) => parseCsvFeed(`${HEADER}\n${rows.join('\n')}\n`, options);

describe('adversarial cells are read in linear time', () => {
  it('a skill with an unclosed bracket followed by a long run of spaces', () => {
    const parsed = parse(row({ teach: `Python (${' '.repeat(200_000)}x`, learn: `Go [${' '.repeat(200_000)}level` }));
    expect(parsed.report.invalid.map((issue) => issue.code)).toEqual(['too-long', 'too-long']);
  }, HANG_GUARD_MS);

  it('brackets nested a hundred thousand deep, and a closing bracket after a megabyte of spaces', () => {
    const parsed = parse(row({ teach: `${'('.repeat(100_000)}Python`, learn: `Go (${' '.repeat(MiB)}high)` }));
    expect(parsed.report.rejected).toBe(1);
  }, HANG_GUARD_MS);

  it('a 1 MiB header made of the words the header rules look for', () => {
    const header = 'consent opt in date time '.repeat(MiB / 25);
    const parsed = parseCsvFeed(`Email,${header},Name\nada@example.com,yes,Ada\n`, options);
    expect(parsed.report.total).toBe(1);
  }, HANG_GUARD_MS);

  it('a date followed by a megabyte of spaces, of digits, of separators', () => {
    const parsed = parse(
      row({ timestamp: `2026-11-03 10:00${' '.repeat(MiB)}x` }),
      row({ email: 'b@example.com', timestamp: `2026-11-03T${'1'.repeat(MiB)}x` }),
      row({ email: 'c@example.com', timestamp: `1${'/1'.repeat(MiB / 2)}` }),
      row({ email: 'd@example.com', timestamp: `2026/11/03 2:05:12 PM GMT+1${'\t, '.repeat(MiB / 3)}` }),
    );
    expect(parsed.report.rejected).toBe(4);
    expect(new Set(parsed.report.invalid.map((issue) => 'row' in issue && `${issue.row} ${issue.field}`))).toEqual(new Set(['2 Timestamp', '3 Timestamp', '4 Timestamp', '5 Timestamp']));
  }, HANG_GUARD_MS);

  it('1 MiB cells in every column that is read with a pattern', () => {
    const huge = (unit: string) => unit.repeat(Math.ceil(MiB / unit.length));
    const parsed = parse(
      row({ stage: huge('senior '), zone: huge('UTC+'), consent: huge('yes no ') }),
      row({ email: `${huge('a')}@example.com`, name: huge(' '), languages: huge(';,|') }),
      row({ email: 'c@example.com', consent: huge('I can withdraw at any time ') }),
    );
    expect(parsed.report.total).toBe(3);
    expect(parsed.entries).toEqual([]);
  }, HANG_GUARD_MS);

  it('a quoted cell that is never closed', () => {
    const parsed = parseCsvFeed(`${HEADER}\n${row({})}\n"${'x, '.repeat(MiB / 3)}\n`, options);
    expect(parsed.report.warnings.join(' ')).toMatch(/Row 3: a quoted cell is never closed/);
    expect(parsed.entries.map((entry) => entry.id)).toEqual(['ada@example.com']);
  }, HANG_GUARD_MS);

  it('twenty thousand columns', () => {
    const headers = Array.from({ length: 20_000 }, (_, i) => `Question ${i} [Option ${i}]`).join(',');
    // Refused at once, before any column is matched.
    expect(() => parseCsvFeed(`Email,I agree to be listed,${headers}\nada@example.com,Yes\n`, options)).toThrow(/20002 columns; Mutual reads at most 200/);
  }, HANG_GUARD_MS);
});
