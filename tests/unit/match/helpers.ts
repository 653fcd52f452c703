import type { DirectoryEntry } from '../../../lib/directory/entry';
import { emptyProfile, type Profile } from '../../../lib/profile/model';

/** A fixed moment, so time-zone offsets (and their daylight saving) do not depend on the test's date. */
export const NOW = new Date('2026-03-02T12:00:00Z');

let serial = 0;

/** A directory entry open for partners, speaking English, in London; override what a test is about. */
export function person(overrides: Partial<DirectoryEntry> & { name: string }): DirectoryEntry {
  const id = overrides.id ?? `${overrides.name.toLowerCase().replace(/\W+/g, '.')}.${serial++}@example.com`;
  return {
    id,
    email: id,
    title: '',
    department: 'Operations',
    location: 'London',
    timeZone: 'Europe/London',
    careerStage: 'mid',
    languages: ['English'],
    teach: [],
    learn: [],
    interests: [],
    ergs: [],
    formats: ['video'],
    capacity: 2,
    status: 'open',
    consent: { optedIn: true, date: '2026-01-01' },
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** My profile: mid-career in Marketing, London, English, video. */
export function me(overrides: Partial<Profile> = {}): Profile {
  return {
    ...emptyProfile(NOW),
    name: 'Me Myself',
    email: 'me@example.com',
    department: 'Marketing',
    location: 'London',
    timeZone: 'Europe/London',
    careerStage: 'mid',
    languages: ['English'],
    formats: ['video'],
    ...overrides,
  };
}
