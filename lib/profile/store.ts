import { z } from 'zod';
import { asStorageError, openMutualDb } from '../storage';
import { ProfileDraftSchema, type ProfileDraft } from './draft';
import { ProfileFormatError, StoredProfileError } from './errors';
import { migrateProfile } from './migrate';
import { ProfileSchema, type Profile } from './model';

/** Keys in the 'profile' store: the profile itself and the form's draft of it. */
const PROFILE_KEY = 'me';
const DRAFT_KEY = 'draft';

/**
 * The form's text as typed, kept only while some of it is invalid (the valid part is in the
 * profile). `basedOn` is the updatedAt of the profile it was typed over: if the profile changed
 * since (the popup saved it), the draft is stale and dropped. Without `basedOn` it was typed
 * over an unreadable profile.
 */
const StoredDraftSchema = z.object({ basedOn: z.string().optional(), draft: ProfileDraftSchema });

/** Reads the stored values as they are; a read-only transaction need not be awaited to its end. */
async function readRecords(keys: readonly string[]): Promise<unknown[]> {
  try {
    const db = await openMutualDb();
    const tx = db.transaction('profile', 'readonly');
    return await Promise.all(keys.map((key) => tx.store.get(key)));
  } catch (error) {
    throw asStorageError(error);
  }
}

function readProfile(stored: unknown): Profile | undefined {
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

export interface ProfileEditorState {
  /** The readable profile, or the StoredProfileError of an unreadable one. */
  profile: Profile | StoredProfileError | undefined;
  /** The draft that still applies to that profile. */
  draft?: ProfileDraft;
}

/** What the options page starts from: the profile and, if it still applies, the draft typed over it. */
export async function loadProfileEditorState(): Promise<ProfileEditorState> {
  const [stored, storedDraft] = await readRecords([PROFILE_KEY, DRAFT_KEY]);
  let profile: ProfileEditorState['profile'];
  try {
    profile = readProfile(stored);
  } catch (error) {
    if (!(error instanceof StoredProfileError)) throw error;
    profile = error;
  }
  const draft = StoredDraftSchema.safeParse(storedDraft);
  const basedOn = profile instanceof StoredProfileError ? undefined : profile?.updatedAt;
  return draft.success && draft.data.basedOn === basedOn ? { profile, draft: draft.data.draft } : { profile };
}

/** Validates and saves the profile (throws the validation error, or StorageError). */
export async function saveProfile(profile: Profile): Promise<void> {
  await saveProfileEdit(profile, undefined);
}

/**
 * Saves the profile and the draft typed over it in one transaction (no draft: any old one is
 * removed). Without a profile only the draft is saved and the stored profile stays as it is: the
 * form does that while the stored profile is unreadable and the user has not chosen to replace it.
 */
export async function saveProfileEdit(profile: Profile | undefined, draft: ProfileDraft | undefined): Promise<void> {
  const valid = profile && ProfileSchema.parse(profile);
  const storedDraft = draft && StoredDraftSchema.parse({ ...(valid ? { basedOn: valid.updatedAt } : {}), draft });
  try {
    const db = await openMutualDb();
    const tx = db.transaction('profile', 'readwrite');
    const written = Promise.all([
      valid ? tx.store.put(valid, PROFILE_KEY) : undefined,
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
