import type { DirectoryEntry } from '../../../lib/directory/entry';
import type { Agreement, Partnership } from '../../../lib/partnerships';
import { emptyProfile, type Profile } from '../../../lib/profile';
import type { OutreachContext } from '../../../lib/templates';

export const NOW = new Date('2026-02-24T10:00:00.000Z');

export function me(overrides: Partial<Profile> = {}): Profile {
  return {
    ...emptyProfile(NOW),
    name: 'Jordan Lee',
    email: 'jordan@northwind.example',
    title: 'CFO',
    timeZone: 'Europe/Berlin',
    careerStage: 'executive',
    teach: [{ name: 'Budgeting', level: 'expert' }],
    learn: [
      { name: 'TikTok', priority: 'high', ask: 'run our TikTok account without help' },
      { name: 'ChatGPT', priority: 'medium', ask: '' },
    ],
    goals: { objective: 'Understand how our youngest customers think', durationMonths: 1, cadence: 'weekly', sessionMinutes: 45, successMeasure: 'I post one video a week on my own' },
    formats: ['video', 'in-person'],
    ...overrides,
  };
}

function partner(overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    id: 'sam.rivera@northwind.example',
    name: 'Sam Rivera',
    email: 'sam.rivera@northwind.example',
    title: 'Social media associate',
    department: 'Marketing',
    location: 'New York',
    timeZone: 'America/New_York',
    careerStage: 'early',
    languages: ['English'],
    teach: [{ name: 'TikTok', level: 'expert' }],
    learn: [{ name: 'Budgeting', priority: 'high', ask: 'build my team’s first quarterly budget' }],
    interests: [],
    ergs: [],
    formats: ['video'],
    capacity: 1,
    status: 'open',
    consent: { optedIn: true, date: '2026-01-01' },
    updatedAt: '2026-01-01',
    ...overrides,
  };
}

export function context(overrides: { me?: Partial<Profile>; partner?: Partial<DirectoryEntry> } = {}): OutreachContext {
  return { me: me(overrides.me), partner: partner(overrides.partner), theyTeachMe: ['TikTok'], iTeachThem: ['Budgeting'], sharedErgs: [], sharedInterests: [] };
}

export function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    iTeach: 'Budgeting',
    theirAsk: 'build my team’s first quarterly budget',
    theyTeach: 'TikTok',
    myAsk: 'run our TikTok account without help',
    format: 'video',
    cadence: 'weekly',
    sessionMinutes: 45,
    durationMonths: 1,
    startDate: '2026-03-03',
    time: '15:00',
    myTimeZone: 'Europe/Berlin',
    theirTimeZone: 'America/New_York',
    mySuccess: 'I post one video a week on my own',
    theirSuccess: 'a budget my director signs off',
    groundRules: ['What we share stays between us.'],
    ...overrides,
  };
}

export function partnership(overrides: Partial<Partnership> = {}): Partnership {
  const at = NOW.toISOString();
  return {
    id: `sam.rivera@northwind.example@${at}`,
    partnerId: 'sam.rivera@northwind.example',
    partnerName: 'Sam Rivera',
    status: 'asked',
    askedAt: at,
    history: [{ status: 'asked', at }],
    reminders: { on: false },
    updatedAt: at,
    ...overrides,
  };
}
