import { asStorageError, openMutualDb } from '../storage';
import { ProfileFormatError, StoredProfileError } from './errors';
import { migrateProfile } from './migrate';
import { ProfileSchema, type Profile } from './model';

/** Keys in the 'profile' store: the profile itself and the form's draft of it (draft-store.ts). */
export const PROFILE_KEY = 'me';
export const DRAFT_KEY = 'draft';

/** Reads the stored values as they are; a read-only transaction need not be awaited to its end. */
export async function readRecords(keys: readonly string[]): Promise<unknown[]> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('profile', 'readonly');
    return await Promise.all(keys.map((key) => tx.store.get(key)));
  } catch (error) {
    throw asStorageError(error);
  }
}

export function readProfile(stored: unknown): Profile | undefined {
  if (stored === undefined) return undefined;
  try {
    return migrateProfile(stored);
  } catch (error) {
    if (error instanceof ProfileFormatError) throw new StoredProfileError(error.issues.length ? error.issues : [error.message], stored);
    throw error;
  }
}

/**
 * The saved profile, upgraded to the current version; undefined before the first save. Throws
 * StoredProfileError when a stored value cannot be read (it stays stored as it is), StorageError
 * when storage fails.
 */
export async function loadProfile(): Promise<Profile | undefined> {
  const [stored] = await readRecords([PROFILE_KEY]);
  return readProfile(stored);
}

/** Validates and saves the profile (throws the validation error, or StorageError); a draft typed over an older one is dropped. */
export async function saveProfile(profile: Profile): Promise<void> {
  await writeProfileRecords(ProfileSchema.parse(profile), undefined);
}

/**
 * Writes the profile (when given) and the form's draft in one transaction; without a draft any old
 * one is removed. Both are validated by the caller.
 */
export async function writeProfileRecords(profile: Profile | undefined, storedDraft: object | undefined): Promise<void> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('profile', 'readwrite');
    const written = Promise.all([
      profile ? tx.store.put(profile, PROFILE_KEY) : undefined,
      storedDraft ? tx.store.put(storedDraft, DRAFT_KEY) : tx.store.delete(DRAFT_KEY),
      tx.done,
    ]);
    // Commit now rather than when this page next runs: a save made as the page closes must not
    // wait for a page that is gone.
    tx.commit();
    await written;
  } catch (error) {
    throw asStorageError(error);
  }
}
