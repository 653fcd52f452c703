import {
  applyDraft,
  draftFromProfile,
  emptyProfile,
  learnRow,
  loadProfileEditorState,
  salvageProfile,
  saveProfileEdit,
  StoredProfileError,
  teachRow,
  type CanonicalSkillName,
  type Profile,
  type ProfileDraft,
  type ProfileEditorState,
} from '@/lib/profile';

/** Where the editor reads and writes; the defaults are the IndexedDB store, tests inject failures. */
export interface ProfileStorage {
  load(): Promise<ProfileEditorState>;
  save(profile: Profile | undefined, draft: ProfileDraft | undefined): Promise<void>;
}

export const indexedDbProfileStorage: ProfileStorage = { load: loadProfileEditorState, save: saveProfileEdit };

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; unsavedFields: number }
  | { kind: 'failed'; reason: string }
  /** The stored profile is unreadable: only the draft is kept until the user chooses to replace it. */
  | { kind: 'held' };


/** What the editor started from: the saved profile, the form's draft, and what was wrong when it opened. */
export interface EditorBase {
  saved: Profile;
  draft: ProfileDraft;
  unreadable?: StoredProfileError;
  /** Fields whose error was there when the page opened (a restored draft): shown at once. */
  restoredErrors: ReadonlySet<string>;
}

/** A first-time user finds one empty row on each side, ready to type into. */
function startingDraft(profile: Profile): ProfileDraft {
  const draft = draftFromProfile(profile);
  return { ...draft, teach: draft.teach.length ? draft.teach : [teachRow()], learn: draft.learn.length ? draft.learn : [learnRow()] };
}

/** The editor on a freshly saved (or emptied) profile. */
export function baseOf(profile: Profile): EditorBase {
  return { saved: profile, draft: startingDraft(profile), restoredErrors: new Set() };
}

export const emptyBase = (): EditorBase => baseOf(emptyProfile());

/** The editor on what storage holds: the profile (or what can be salvaged of it) and a kept draft. */
export function baseFromStorage(state: ProfileEditorState, canonical: CanonicalSkillName | undefined): EditorBase {
  const stored = state.profile;
  const unreadable = stored instanceof StoredProfileError ? stored : undefined;
  const saved = stored instanceof StoredProfileError ? salvageProfile(stored.stored) : (stored ?? emptyProfile());
  const draft = state.draft ?? startingDraft(saved);
  const restoredErrors = new Set(state.draft ? Object.keys(applyDraft(state.draft, saved, { ...(canonical ? { canonical } : {}) }).errors) : []);
  return { saved, draft, restoredErrors, ...(unreadable ? { unreadable } : {}) };
}
