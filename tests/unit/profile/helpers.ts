import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { closeMutualDb } from '../../../lib/storage/db';
import { emptyProfile, type Profile } from '../../../lib/profile';

/** A fresh, empty IndexedDB for each test. */
export function resetDatabase(): void {
  closeMutualDb();
  globalThis.indexedDB = new IDBFactory();
}

export const NOW = new Date('2026-11-12T14:02:00.000Z');

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    ...emptyProfile(NOW),
    name: 'Priya Raman',
    email: 'priya@northwind.example',
    title: 'Product Manager',
    timeZone: 'Europe/Berlin',
    teach: [{ name: 'Public speaking', level: 'advanced' }],
    learn: [{ name: 'TikTok', priority: 'high', ask: 'be able to run our TikTok account' }],
    ...overrides,
  };
}

const LINKEDIN_DIR = join(import.meta.dirname, '../../e2e/fixtures/linkedin');

/** The end-to-end LinkedIn fixtures, read as the options page reads a chosen file (BOM kept). */
export function linkedInFile(name: string): { name: string; text: string } {
  return { name, text: readFileSync(join(LINKEDIN_DIR, name), 'utf8') };
}
