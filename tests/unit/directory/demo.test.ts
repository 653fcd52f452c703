import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_SIZE, demoFeedEntries } from '../../../lib/directory';
import { acceptEntries } from '../../../lib/directory/validate';
import { buildMatchIndex, rank } from '../../../lib/match';
import { emptyProfile, type Profile } from '../../../lib/profile/model';

const now = new Date('2026-11-10T12:00:00Z');
const demo = demoFeedEntries(now);

describe('the demo directory', () => {
  it('is about 200 valid, opted-in, unexpired, fictional people, the same for the same day', () => {
    const { entries, report } = acceptEntries(demo.map((value, index) => ({ at: { index }, value })), { now, maxAgeDays: 365 });
    expect(entries).toHaveLength(DEMO_DIRECTORY_SIZE);
    expect(report).toMatchObject({ rejected: 0, notOptedIn: 0, expired: 0, duplicates: 0 });
    expect(entries.every((entry) => entry.email.endsWith('@example.com'))).toBe(true);
    expect(demoFeedEntries(new Date('2026-11-10T23:59:00Z'))).toEqual(demo);
  });

  it('spans career stages, departments, valid IANA time zones, languages and ERGs', () => {
    const stages = new Set(demo.map((entry) => entry.careerStage));
    expect([...stages].sort()).toEqual(['early', 'executive', 'mid', 'senior']);
    expect(new Set(demo.map((entry) => entry.department)).size).toBeGreaterThanOrEqual(10);
    for (const zone of new Set(demo.map((entry) => entry.timeZone))) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    expect(new Set(demo.flatMap((entry) => entry.languages)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(demo.flatMap((entry) => entry.ergs))).toEqual(
      new Set(['Women in Tech', 'Black Employee Network', 'Pride', 'Veterans', 'Parents & Caregivers', 'Disability & Neurodiversity', 'Latinx', 'Asian Pacific', 'Early Careers', 'Green Team']),
    );
  });

  it('has early-career people teaching new things and seniors teaching the old ones, with concrete asks', () => {
    const teaches = (stage: string) => new Set(demo.filter((entry) => entry.careerStage === stage).flatMap((entry) => entry.teach.map((skill) => skill.name)));
    expect([...teaches('early')]).toEqual(expect.arrayContaining(['TikTok', 'Canva', 'Prompt engineering', 'Gen Z consumer insight']));
    expect([...teaches('executive')]).toEqual(expect.arrayContaining(['Board governance', 'P&L management']));
    expect(demo.filter((entry) => entry.learn[0]?.ask).length).toBeGreaterThan(DEMO_DIRECTORY_SIZE / 2);
  });

  it('gives a fresh install good two-way matches', () => {
    const { entries } = acceptEntries(demo.map((value, index) => ({ at: { index }, value })), { now, maxAgeDays: 365 });
    const me: Profile = {
      ...emptyProfile(now),
      name: 'New user',
      careerStage: 'senior',
      timeZone: 'Europe/London',
      teach: [{ name: 'Budgeting', level: 'expert' }, { name: 'Stakeholder management', level: 'expert' }],
      learn: [{ name: 'TikTok', priority: 'high', ask: '' }, { name: 'ChatGPT', priority: 'medium', ask: '' }],
    };
    const top = rank(buildMatchIndex(entries), me, { mode: 'two-way', top: 5, now });
    expect(top).toHaveLength(5);
    for (const match of top) {
      expect(match.explanation.theyTeachMe.length).toBeGreaterThan(0);
      expect(match.explanation.iTeachThem.length).toBeGreaterThan(0);
    }
  });
});
