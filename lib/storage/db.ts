import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { errorMessage } from '../errors';

/**
 * One IndexedDB database holds everything Mutual keeps. Each capability owns its stores and reads
 * them through its own module (lib/profile/store.ts, lib/directory/store.ts, ...); values are
 * validated again when read, because storage is a boundary too.
 */
export const DB_NAME = 'mutual';
export const DB_VERSION = 2;

export interface MutualDB extends DBSchema {
  /** key 'me': the user's profile (validated and migrated on read). */
  profile: { key: string; value: unknown };
  /** Directory entries in fixed-size chunks: key = chunk number. */
  directoryChunks: { key: number; value: unknown };
  /** key 'current': the compact match index and metadata of the merged directory. */
  directoryIndex: { key: string; value: unknown };
  /** Sync state per source id: last good sync, ETag, last error, report. */
  directorySources: { key: string; value: unknown };
  /** Per partner (entry id): shortlist, hidden, status. */
  partners: { key: string; value: unknown };
  /** Outreach log: every insert / copy / open, auto-increment key. */
  outreachLog: { key: number; value: unknown; indexes: { byPartner: string } };
  /** User's own and edited templates, key = template id. */
  templates: { key: string; value: unknown };
  /** Small settings: key/value. */
  settings: { key: string; value: unknown };
  /** Partnerships from ask to end (lib/partnerships), key = partnership id. */
  partnerships: { key: string; value: unknown };
  /** The private session log of every partnership, auto-increment key. */
  partnershipSessions: { key: number; value: unknown; indexes: { byPartnership: string } };
}

export type MutualDatabase = IDBPDatabase<MutualDB>;

export class StorageError extends Error {
  override readonly cause?: unknown;
  constructor(
    message: string,
    cause?: unknown,
  ) {
    super(message);
    this.cause = cause;
    this.name = 'StorageError';
  }
}

let dbPromise: Promise<MutualDatabase> | undefined;

export function openMutualDb(): Promise<MutualDatabase> {
  dbPromise ??= openDB<MutualDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step only adds: a migration never drops a store that holds the user's data.
      if (oldVersion < 1) {
        db.createObjectStore('profile');
        db.createObjectStore('directoryChunks');
        db.createObjectStore('directoryIndex');
        db.createObjectStore('directorySources');
        db.createObjectStore('partners');
        const log = db.createObjectStore('outreachLog', { autoIncrement: true });
        log.createIndex('byPartner', 'partnerId');
        db.createObjectStore('templates');
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        db.createObjectStore('partnerships');
        db.createObjectStore('partnershipSessions', { autoIncrement: true }).createIndex('byPartnership', 'partnershipId');
      }
    },
  }).catch((error: unknown) => {
    dbPromise = undefined;
    throw asStorageError(error);
  });
  return dbPromise;
}

/** Forget the cached connection (tests, delete-all). */
export function closeMutualDb(): void {
  void dbPromise?.then((db) => db.close()).catch(() => undefined);
  dbPromise = undefined;
}

/** A failure of the browser's storage as a StorageError that says it in words (one already is left as it is). */
export function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError(describeStorageError(error), error);
}

function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'The browser has no more storage space for Mutual. Free some disk space or delete old data, then try again.';
  if (name === 'VersionError') return 'Mutual’s storage was written by a newer version. Update the extension.';
  if (name === 'InvalidStateError') return 'The browser refused storage (private window or storage disabled).';
  const message = errorMessage(error);
  return `Storage failed: ${message}`;
}
