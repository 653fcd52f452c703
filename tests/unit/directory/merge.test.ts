import { describe, expect, it } from 'vitest';
import { mergeSources, type DirectoryEntry } from '../../../lib/directory';

const options = { now: new Date('2026-11-10T12:00:00Z'), maxAgeDays: 365 };

function entry(email: string, updatedAt: string, overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    id: email.toLowerCase(),
    name: email,
    email,
    title: '',
    department: '',
    location: '',
    timeZone: 'UTC',
    careerStage: 'mid',
    languages: ['English'],
    teach: [],
    learn: [],
    interests: [],
    ergs: [],
    formats: ['video'],
    capacity: 1,
    status: 'open',
    consent: { optedIn: true, date: '2026-10-01' },
    updatedAt,
    ...overrides,
  };
}

describe('merging sources', () => {
  it('labels entries with their source, keeps the newest per email across sources and counts the rest', () => {
    const merged = mergeSources(
      [
        { id: 'hr', label: 'HR sheet', entries: [entry('ada@example.com', '2026-10-01'), entry('bob@example.com', '2026-10-01')] },
        { id: 'erg', label: 'ERG form', entries: [entry('ADA@example.com', '2026-10-03'), entry('cy@example.com', '2026-10-01')] },
      ],
      options,
    );
    expect(merged.entries.map((e) => [e.id, e.source])).toEqual([
      ['ada@example.com', 'ERG form'],
      ['bob@example.com', 'HR sheet'],
      ['cy@example.com', 'ERG form'],
    ]);
    expect(merged.duplicates).toBe(1);
    expect(merged.sources).toEqual([
      { id: 'hr', label: 'HR sheet', count: 1 },
      { id: 'erg', label: 'ERG form', count: 2 },
    ]);
  });

  it('drops entries that expired since their source was synced', () => {
    const merged = mergeSources([{ id: 'a', label: 'A', entries: [entry('old@example.com', '2025-01-01', { consent: { optedIn: true, date: '2025-01-01' } })] }], options);
    expect(merged.entries).toEqual([]);
    expect(merged.expired).toBe(1);
  });
});
