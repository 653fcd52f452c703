import type { IDBPTransaction, StoreNames } from 'idb';
import { asStorageError, DB_NAME, openMutualDb, withDataWriteLock, type MutualDB } from '../storage';

export type StoreName = StoreNames<MutualDB>;

/** What each store holds, in the user's words: the privacy page lists it, and a new store does not compile without it. */
export const STORE_CONTENTS: Readonly<Record<StoreName, string>> = {
  profile: 'your profile (and any unsaved text from the profile form)',
  partners: 'partners you shortlisted, hid or contacted, and their status',
  outreachLog: 'the outreach log: every message you inserted, copied or opened, and when',
  templates: 'your own and edited message templates',
  directorySources: 'directory sources: each feed’s last sync, errors and validation report',
  settings: 'settings, including your directory feeds',
  directoryChunks: 'the copy of the directory (the colleagues who joined it)',
  directoryIndex: 'the search index built from that directory, and its summary',
  partnerships: 'your partnerships: asks, agreements, reminders and reflections',
  partnershipSessions: 'your private session log: what you learned and taught, and for how long',
};

const DATA_FILE_FORMAT = 'mutual-data';
const DATA_FILE_VERSION = 1;

interface StoredRecord {
  key: IDBValidKey;
  value: unknown;
}

export interface AllData {
  format: typeof DATA_FILE_FORMAT;
  version: typeof DATA_FILE_VERSION;
  exportedAt: string;
  database: { name: string; version: number };
  /** Every record of every store, as stored (not re-validated: this is a copy of what is there). */
  stores: Record<string, StoredRecord[]>;
}

/** Everything Mutual keeps, read in one transaction so the copy is consistent. */
export async function exportAllData(now: Date = new Date()): Promise<AllData> {
  try {
    const db = await openMutualDb();
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const stores: AllData['stores'] = {};
    await Promise.all([
      ...names.map(async (name) => {
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        stores[name] = keys.map((key, i) => ({ key, value: values[i] }));
      }),
      tx.done,
    ]);
    // Blobs (a feed's stored copy) cannot be read inside the transaction, and JSON would drop them.
    for (const records of Object.values(stores)) for (const record of records) record.value = await blobsAsText(record.value);
    return { format: DATA_FILE_FORMAT, version: DATA_FILE_VERSION, exportedAt: now.toISOString(), database: { name: DB_NAME, version: db.version }, stores };
  } catch (error) {
    throw asStorageError(error);
  }
}

/** An object's Blob fields as their text. */
async function blobsAsText(value: unknown): Promise<unknown> {
  if (typeof value !== 'object' || value === null || !Object.values(value).some((field) => field instanceof Blob)) return value;
  const entries = await Promise.all(Object.entries(value).map(async ([key, field]) => [key, field instanceof Blob ? await field.text() : field] as const));
  return Object.fromEntries(entries);
}

/** JSON keeps typed arrays (the search index) as plain arrays, Maps as entry lists and Sets as arrays. */
function jsonValue(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value];
  return value;
}

export function allDataJson(data: AllData): string {
  return `${JSON.stringify(data, jsonValue, 2)}\n`;
}

export function allDataFileName(now: Date = new Date()): string {
  return `${DATA_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Clears every store in one transaction: all of it goes, or (on failure) none of it. Returns the
 * stores cleared. It holds the data-write lock, so it waits for a sync that is saving; a sync still
 * fetching then finds its data gone and saves nothing (lib/directory/sync-commit).
 */
export function deleteAllData(): Promise<StoreName[]> {
  return withDataWriteLock(clearAllStores);
}

async function clearAllStores(): Promise<StoreName[]> {
  try {
    const db = await openMutualDb();
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readwrite');
    const requests: Promise<unknown>[] = [tx.done];
    try {
      for (const name of names) requests.push(tx.objectStore(name).clear());
      await Promise.all(requests);
    } catch (error) {
      abortQuietly(tx);
      // The other requests fail with the abort: expected, not an unhandled error.
      for (const request of requests) request.catch(() => undefined);
      throw error;
    }
    return names;
  } catch (error) {
    throw asStorageError(error);
  }
}

function abortQuietly(tx: IDBPTransaction<MutualDB, StoreName[], 'readwrite'>): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
