import type { DirectoryEntry } from '../directory';
import { PROFILE_SCHEMA_VERSION, type MatchMode, type Profile } from '../profile';

/** The profile of a directory entry, as `mutual match` and `mutual pair` rank for that person: their entry, in `mode`, default weights. */
export function entryProfile(entry: DirectoryEntry, mode: MatchMode): Profile {
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    // Goals and openTo never change a score; the engine reads the fields below.
    goals: { objective: '', durationMonths: 6, cadence: 'biweekly', sessionMinutes: 45, successMeasure: '' },
    openTo: [],
    updatedAt: entry.updatedAt,
    name: entry.name,
    email: entry.email,
    title: entry.title,
    department: entry.department,
    location: entry.location,
    timeZone: entry.timeZone,
    careerStage: entry.careerStage,
    languages: entry.languages,
    teach: entry.teach,
    learn: entry.learn,
    interests: entry.interests,
    ergs: entry.ergs,
    formats: entry.formats,
    capacity: entry.capacity,
    status: entry.status,
    matchMode: mode,
  };
}
