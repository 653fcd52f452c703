import { describe, expect, it } from 'vitest';
import { emptyProfile, ProfileSchema, PROFILE_SCHEMA_VERSION } from '../../../lib/profile';
import { NOW, profile } from './helpers';

describe('profile model', () => {
  it('starts empty, valid and versioned, in the detected time zone', () => {
    const empty = emptyProfile(NOW);
    expect(ProfileSchema.parse(empty)).toEqual(empty);
    expect(empty.schemaVersion).toBe(PROFILE_SCHEMA_VERSION);
    expect(empty.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(empty.updatedAt).toBe(NOW.toISOString());
  });

  it('trims text and accepts an empty email', () => {
    const parsed = ProfileSchema.parse({ ...profile(), name: '  Priya  ', email: '' });
    expect(parsed.name).toBe('Priya');
    expect(parsed.email).toBe('');
  });

  it.each([
    ['email', { email: 'priya@' }, 'Enter a valid email address'],
    ['title', { title: 'x'.repeat(121) }, 'Use at most 120 characters'],
    ['capacity', { capacity: 11 }, 'Enter 0 to 10 partners'],
    ['capacity', { capacity: 1.5 }, 'Enter a whole number of partners'],
    ['goals.durationMonths', { goals: { ...profile().goals, durationMonths: 0 } }, 'Enter 1 to 24 months'],
    ['goals.sessionMinutes', { goals: { ...profile().goals, sessionMinutes: Number.NaN } }, 'Enter a number of minutes from 15 to 180'],
    ['teach.0.name', { teach: [{ name: ' ', level: 'advanced' }] }, 'Enter a skill name'],
    ['careerStage', { careerStage: 'junior' }, undefined],
    ['schemaVersion', { schemaVersion: 2 }, undefined],
  ])('rejects an invalid %s with a message for the form', (path, overrides, message) => {
    const result = ProfileSchema.safeParse({ ...profile(), ...overrides });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    if (message) expect(issue.message).toBe(message);
  });
});
