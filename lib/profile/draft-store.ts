import { z } from '../schema';
import { ProfileDraftSchema, type ProfileDraft } from './draft';
import { StoredProfileError } from './errors';
import { ProfileSchema, type Profile } from './model';
import { DRAFT_KEY, PROFILE_KEY, readProfile, readRecords, writeProfileRecords } from './store';

/**
 * The form's text as typed, kept only while some of it is invalid (the valid part is in the
 * profile). `basedOn` is the updatedAt of the profile it was typed over: if the profile changed
 * since (the popup saved it), the draft is stale and dropped. Without `basedOn` it was typed
 * over an unreadable profile. Apart from store.ts so that pages that only read and save the
 * profile (the popup) do not load the form's schemas.
 */
const StoredDraftSchema = z.object({ basedOn: z.optional(z.string()), draft: ProfileDraftSchema });

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

/**
 * Saves the profile and the draft typed over it in one transaction (no draft: any old one is
 * removed). Without a profile only the draft is saved and the stored profile stays as it is: the
 * form does that while the stored profile is unreadable and the user has not chosen to replace it.
 */
export async function saveProfileEdit(profile: Profile | undefined, draft: ProfileDraft | undefined): Promise<void> {
  const valid = profile && ProfileSchema.parse(profile);
  const storedDraft = draft && StoredDraftSchema.parse({ ...(valid ? { basedOn: valid.updatedAt } : {}), draft });
  await writeProfileRecords(valid, storedDraft);
}
