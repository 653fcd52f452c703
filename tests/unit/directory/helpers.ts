import { IDBFactory } from 'fake-indexeddb';
import { closeMutualDb } from '../../../lib/storage/db';
import type { DirectoryEntry } from '../../../lib/directory';
import { FeedTail, type FeedWorker } from '../../../lib/directory/split';
import { readWholeFeed } from '../../../lib/directory/feed-worker';
import { buildMatchIndex } from '../../../lib/match';

/** A fresh, empty IndexedDB for each test. */
export function resetDatabase(): void {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
}

export function feedPerson(email: string, overrides: Record<string, unknown> = {}) {
  return {
    name: email.split('@')[0],
    email,
    careerStage: 'mid',
    languages: ['English'],
    teach: [{ name: 'Python', level: 'expert' }],
    learn: [{ name: 'TikTok', priority: 'high' }],
    capacity: 1,
    consent: { optedIn: true, date: '2026-10-01' },
    updatedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  };
}

export function jsonFeed(entries: unknown[]): string {
  return JSON.stringify({ format: 'mutual-directory', version: 1, name: 'Test feed', generatedAt: '2026-11-01T00:00:00Z', entries });
}

export function directoryEntry(i: number, overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    id: `p${i}@example.com`,
    name: `Person ${i}`,
    email: `p${i}@example.com`,
    title: '',
    department: 'Data',
    location: '',
    timeZone: 'UTC',
    careerStage: 'mid',
    languages: ['English'],
    teach: [{ name: i % 2 ? 'Python' : 'python', level: 'expert' }],
    learn: [{ name: 'TikTok', priority: 'high', ask: '' }],
    interests: [],
    ergs: [],
    formats: ['video'],
    capacity: 1,
    status: 'open',
    consent: { optedIn: true, date: '2026-10-01' },
    updatedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  };
}

/**
 * A worker run in this thread: the same FeedTail a real worker runs, with every request and answer
 * structured-cloned as postMessage would. `fail` makes one step reject, as a crashed worker does.
 */
export function inProcessWorker(options: { fail?: 'parse' | 'read' | 'store' } = {}) {
  const tail = new FeedTail(buildMatchIndex);
  const calls = { parse: 0, read: 0, store: 0, released: 0 };
  const worker: FeedWorker = {
    ready: () => Promise.resolve(),
    async parse(request) {
      calls.parse++;
      if (options.fail === 'parse') throw new Error('worker crashed');
      return structuredClone(await tail.parse(structuredClone(request)));
    },
    async read(request) {
      calls.read++;
      if (options.fail === 'read') throw new Error('worker crashed');
      return structuredClone(readWholeFeed(tail, structuredClone(request)));
    },
    async store(request) {
      calls.store++;
      if (options.fail === 'store') throw new Error('worker crashed');
      return structuredClone(await tail.store(structuredClone(request)));
    },
    release: () => void calls.released++,
  };
  return { worker, calls };
}
