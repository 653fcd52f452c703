import { describe, expect, it } from 'vitest';
import { SHAREABLE_FIELDS, entryProblems, entryToCsv, myEntry, parseCsvFeed } from '../../../lib/directory';
import { emptyProfile, type Profile } from '../../../lib/profile/model';

const now = new Date('2026-11-10T12:00:00Z');
const profile: Profile = {
  ...emptyProfile(now),
  name: 'Robin Reyes',
  email: 'Robin@Example.com',
  title: '=HYPERLINK("x")',
  department: 'Finance',
  location: 'Berlin',
  timeZone: 'Europe/Berlin',
  careerStage: 'senior',
  languages: ['German', 'English'],
  teach: [{ name: 'Budgeting', level: 'expert' }, { name: 'Negotiation', level: 'advanced' }],
  learn: [{ name: 'TikTok', priority: 'high', ask: 'Post one video, with captions; then a second' }, { name: 'Notion', priority: 'low', ask: '' }],
  interests: ['Chess'],
  ergs: ['Parents & Caregivers'],
  formats: ['video', 'in-person'],
  capacity: 2,
};

describe('my directory entry', () => {
  it('shares only the chosen fields, always with explicit consent dated today', () => {
    const entry = myEntry(profile, new Set(['teach']), now);
    expect(entry).toMatchObject({ name: 'Robin Reyes', title: '', department: '', timeZone: 'UTC', learn: [], ergs: [], consent: { optedIn: true, date: '2026-11-10' } });
    expect(entry.teach).toHaveLength(2);
    expect(entryProblems(entry)).toEqual([]);
    expect(myEntry(profile, new Set(['learn']), now).learn[0]!.ask).toBe('');
  });

  it('reports what a directory would reject', () => {
    expect(entryProblems(myEntry({ ...profile, email: '', languages: [] }, new Set(), now)).map((problem) => problem.field)).toEqual(['Work email', 'Languages']);
    for (const problem of entryProblems(myEntry({ ...profile, email: '', languages: [] }, new Set(), now))) expect(problem.message).not.toMatch(/Invalid input|expected/);
  });

  it('writes a CSV row that Mutual reads back as the same entry, formulas kept as text', () => {
    const entry = myEntry(profile, new Set(SHAREABLE_FIELDS), now);
    const csv = entryToCsv(entry);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const [read] = parseCsvFeed(csv, { now, maxAgeDays: 365 }).entries;
    expect(read).toEqual({
      ...entry,
      id: 'robin@example.com',
      title: `'=HYPERLINK("x")`,
      consent: { optedIn: true, date: '2026-11-10' },
    });
  });
});
