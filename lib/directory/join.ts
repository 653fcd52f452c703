import Papa from 'papaparse';
import { PROFILE_FIELD_LABELS, type Profile } from '../profile';
import { FeedEntrySchema, type FeedEntry } from './entry';
import { describeProblem } from './messages';
import { valueAt } from '../schema';
import type { EntryIssue } from './validate';

/**
 * Joining: my directory entry made from my profile, with only the fields I choose to share, as a
 * feed entry (JSON) or as a CSV row whose headers Mutual's CSV reader maps back to the same entry.
 */
export const SHAREABLE_FIELDS = ['title', 'department', 'location', 'timeZone', 'teach', 'learn', 'asks', 'interests', 'ergs', 'formats'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export function myEntry(profile: Profile, share: ReadonlySet<ShareableField>, now: Date): FeedEntry {
  const today = now.toISOString().slice(0, 10);
  const learn = profile.learn.map((skill) => ({ ...skill, ask: share.has('asks') ? skill.ask : '' }));
  return {
    name: profile.name,
    email: profile.email,
    title: share.has('title') ? profile.title : '',
    department: share.has('department') ? profile.department : '',
    location: share.has('location') ? profile.location : '',
    timeZone: share.has('timeZone') ? profile.timeZone : 'UTC',
    careerStage: profile.careerStage,
    languages: profile.languages,
    teach: share.has('teach') ? profile.teach : [],
    learn: share.has('learn') ? learn : [],
    interests: share.has('interests') ? profile.interests : [],
    ergs: share.has('ergs') ? profile.ergs : [],
    formats: share.has('formats') ? profile.formats : ['video'],
    capacity: profile.capacity,
    status: profile.status,
    consent: { optedIn: true, date: today },
    updatedAt: now.toISOString(),
  };
}

/** What a directory would reject in my entry, in the words of the profile form. */
export function entryProblems(entry: FeedEntry): EntryIssue[] {
  const parsed = FeedEntrySchema.safeParse(entry);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    index: 0,
    field: PROFILE_FIELD_LABELS[String(issue.path[0])] ?? 'Your profile',
    ...describeProblem(issue, valueAt(entry, issue.path), false),
  }));
}

const list = (items: readonly string[]) => items.join('; ');

/** One header row and one data row, in the column names forms use and Mutual's CSV reader understands. */
export function entryToCsv(entry: FeedEntry): string {
  const row: Record<string, string> = {
    'Email address': entry.email,
    'Full name': entry.name,
    'Job title': entry.title,
    Department: entry.department,
    Location: entry.location,
    'Time zone': entry.timeZone,
    'Career stage': entry.careerStage,
    Languages: list(entry.languages),
    'What can you teach?': list(entry.teach.map((skill) => `${skill.name} (${skill.level})`)),
    'What do you want to learn?': list(entry.learn.map((skill) => `${skill.name} (${skill.priority})`)),
    // A CSV row has one ask cell: it describes the first thing to learn (the JSON keeps every ask).
    'Concrete ask': entry.learn[0]?.ask ?? '',
    Interests: list(entry.interests),
    ERGs: list(entry.ergs),
    'Meeting formats': list(entry.formats),
    Capacity: String(entry.capacity),
    Status: entry.status,
    'I agree to be listed': 'Yes',
    'Consent date': entry.consent.date,
    'Updated at': entry.updatedAt,
  };
  // escapeFormulae: a cell starting with = + - @ must stay text when the row is pasted into a spreadsheet.
  return `${Papa.unparse([row], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
