import { describe, expect, it } from 'vitest';
import { migrateProfile, ProfileFormatError, salvageProfile } from '../../../lib/profile';
import { NOW, profile } from './helpers';

/** The prototype's shape (version 0): no schemaVersion, other field names, plain skill names. */
const legacy = {
  name: 'Sam Okafor',
  email: 'sam@northwind.example',
  role: 'Head of Finance',
  team: 'Finance',
  city: 'Lagos',
  tz: 'Africa/Lagos',
  seniority: 'exec',
  languages: 'English, Yoruba',
  skills: ['Financial modelling', 'Negotiation'],
  wants: ['TikTok'],
  interests: ['Chess'],
  ergs: ['Black Employee Network'],
  goal: 'Understand how our younger customers see us',
  formats: ['video', 'in-person'],
  capacity: 2,
  openTo: ['reverse-mentee'],
  paused: true,
  matchMode: 'reverse',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

describe('migrateProfile', () => {
  it('returns a current profile unchanged', () => {
    const current = profile();
    expect(migrateProfile(structuredClone(current))).toEqual(current);
  });

  it('upgrades a version-0 profile, carrying every field to its new home', () => {
    const upgraded = migrateProfile(legacy);
    expect(upgraded).toMatchObject({
      schemaVersion: 1,
      name: 'Sam Okafor',
      email: 'sam@northwind.example',
      title: 'Head of Finance',
      department: 'Finance',
      location: 'Lagos',
      timeZone: 'Africa/Lagos',
      careerStage: 'executive',
      languages: ['English', 'Yoruba'],
      teach: [
        { name: 'Financial modelling', level: 'intermediate' },
        { name: 'Negotiation', level: 'intermediate' },
      ],
      learn: [{ name: 'TikTok', priority: 'medium', ask: '' }],
      interests: ['Chess'],
      ergs: ['Black Employee Network'],
      formats: ['video', 'in-person'],
      capacity: 2,
      openTo: ['reverse-mentee'],
      status: 'paused',
      matchMode: 'reverse',
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(upgraded.goals.objective).toBe('Understand how our younger customers see us');
    // Fields new in version 1 get the defaults.
    expect(upgraded.goals).toMatchObject({ durationMonths: 6, cadence: 'biweekly', sessionMinutes: 45 });
    // Nothing of the old shape is left over to confuse a reader.
    expect(Object.keys(upgraded)).not.toEqual(expect.arrayContaining(['role', 'team', 'skills']));
  });

  it('reports what is wrong with an old profile that does not fit after the upgrade', () => {
    expect(() => migrateProfile({ ...legacy, seniority: 'intern' })).toThrow(/Career stage: 'intern' is not one of the choices the form offers/);
  });

  it('refuses a profile from a newer Mutual, saying so', () => {
    expect(() => migrateProfile({ ...profile(), schemaVersion: 2 })).toThrow(/newer version of Mutual/);
  });

  it.each([null, 'me', [profile()], { ...profile(), schemaVersion: 'one' }])('refuses %j', (value) => {
    expect(() => migrateProfile(value)).toThrow(ProfileFormatError);
  });

  it('lists the invalid fields', () => {
    try {
      migrateProfile({ ...profile(), email: 'nope', capacity: 99 });
      expect.unreachable();
    } catch (error) {
      expect((error as ProfileFormatError).issues).toEqual(['Work email: Enter a valid email address', 'How many partners at a time: Enter 0 to 10 partners']);
    }
  });
});

describe('salvageProfile', () => {
  it('keeps every valid field and item of a broken profile', () => {
    const broken = {
      ...profile(),
      email: 'nope',
      teach: [{ name: 'Python', level: 'expert' }, { name: '', level: 'expert' }],
      goals: { ...profile().goals, durationMonths: 99, objective: 'Learn TikTok' },
      schemaVersion: 2,
    };
    const recovered = salvageProfile(broken, NOW);
    expect(recovered).toMatchObject({ name: 'Priya Raman', email: '', teach: [{ name: 'Python', level: 'expert' }], schemaVersion: 1 });
    expect(recovered.goals).toMatchObject({ objective: 'Learn TikTok', durationMonths: 6 });
  });

  it('upgrades a legacy profile before recovering it', () => {
    expect(salvageProfile({ ...legacy, capacity: -1 }, NOW)).toMatchObject({ title: 'Head of Finance', capacity: 1 });
  });

  it('gives an empty profile for something that is not a profile', () => {
    expect(salvageProfile('junk', NOW).name).toBe('');
  });
});
