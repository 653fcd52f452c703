import { emptyProfile } from '../profile';
import type { OutreachContext } from './variables';

const SAMPLE_DATE = new Date('2026-01-05T09:00:00Z');

/**
 * Fictional people the options page previews templates with, so every variable shows a
 * realistic value (the user's own profile may still be empty).
 */
export const SAMPLE_CONTEXT: OutreachContext = {
  me: {
    ...emptyProfile(SAMPLE_DATE),
    name: 'Sam Rivera',
    email: 'sam.rivera@example.com',
    title: 'Marketing associate',
    department: 'Brand',
    careerStage: 'early',
    timeZone: 'Europe/London',
    teach: [{ name: 'TikTok', level: 'advanced' }],
    learn: [{ name: 'Budgeting', priority: 'high', ask: 'build and defend a campaign budget' }],
    ergs: ['Pride Network'],
    interests: ['Running'],
    goals: {
      objective: 'Each of us gets confident in one new skill',
      durationMonths: 6,
      cadence: 'biweekly',
      sessionMinutes: 45,
      successMeasure: 'Sam presents a budget; Dana posts a video she made herself',
    },
  },
  partner: {
    id: 'dana.okafor@example.com',
    name: 'Dana Okafor',
    email: 'dana.okafor@example.com',
    title: 'Finance director',
    department: 'Finance',
    location: 'London',
    timeZone: 'Europe/London',
    careerStage: 'executive',
    languages: ['English'],
    teach: [{ name: 'Budgeting', level: 'expert' }],
    learn: [{ name: 'TikTok', priority: 'high', ask: 'post short videos for our team' }],
    interests: ['Running'],
    ergs: ['Pride Network'],
    formats: ['video', 'in-person'],
    capacity: 1,
    status: 'open',
    consent: { optedIn: true, date: '2026-01-01' },
    updatedAt: '2026-01-01',
  },
  theyTeachMe: ['Budgeting'],
  iTeachThem: ['TikTok'],
  sharedErgs: ['Pride Network'],
  sharedInterests: ['Running'],
};
