import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyDraft,
  draftFromProfile,
  emptyProfile,
  learnRow,
  loadProfileEditorState,
  mergeLinkedInIntoDraft,
  salvageProfile,
  saveProfileEdit,
  StoredProfileError,
  type CanonicalSkillName,
  type FieldErrors,
  type LinkedInData,
  type LinkedInMerge,
  type MatchWeights,
  type Profile,
  type ProfileDraft,
  type ProfileEditorState,
  teachRow,
} from '@/lib/profile';
import { errorMessage } from '@/lib/errors';

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

export interface ProfileEditor {
  phase: 'loading' | 'ready' | 'failed';
  /** Why loading failed (phase 'failed'). */
  loadError?: string;
  draft: ProfileDraft;
  /** Every invalid field of the draft; the form shows them once the user has left the field. */
  errors: FieldErrors;
  /** Fields whose error was there when the page opened (a restored draft): shown at once. */
  restoredErrors: ReadonlySet<string>;
  /** The last saved profile (or the one the form started from, before the first save). */
  saved: Profile;
  status: SaveStatus;
  /** Set while the stored profile cannot be read; autosave is held until replaceUnreadable(). */
  unreadable?: StoredProfileError;
  update(change: (draft: ProfileDraft) => ProfileDraft): void;
  /** Saves pending edits now (page hidden, export); resolves with the saved profile once stored. */
  flush(): Promise<Profile>;
  replaceUnreadable(): Promise<void>;
  /** Replaces the whole profile (JSON import) and saves it at once. */
  replace(profile: Profile): Promise<void>;
  mergeLinkedIn(data: LinkedInData): Promise<LinkedInMerge>;
  /** Saves how matches are weighed (the profile's weights) at once. */
  setWeights(weights: MatchWeights): Promise<void>;
  /** Runs `task` (delete everything) with autosave stopped, then starts over from an empty profile. */
  resetAfter<T>(task: () => Promise<T>): Promise<T>;
  reload(): Promise<void>;
}

export interface ProfileEditorOptions {
  storage?: ProfileStorage;
  canonical?: CanonicalSkillName;
  /** How long typing must pause before a save. */
  delayMs?: number;
}

const DEFAULT_DELAY_MS = 700;

/** A first-time user finds one empty row on each side, ready to type into. */
function startingDraft(profile: Profile): ProfileDraft {
  const draft = draftFromProfile(profile);
  return { ...draft, teach: draft.teach.length ? draft.teach : [teachRow()], learn: draft.learn.length ? draft.learn : [learnRow()] };
}

interface Loaded {
  saved: Profile;
  draft: ProfileDraft;
  unreadable?: StoredProfileError;
  restoredErrors: ReadonlySet<string>;
}

function fromState(state: ProfileEditorState, canonical: CanonicalSkillName | undefined): Loaded {
  const stored = state.profile;
  const unreadable = stored instanceof StoredProfileError ? stored : undefined;
  const saved = stored instanceof StoredProfileError ? salvageProfile(stored.stored) : (stored ?? emptyProfile());
  const draft = state.draft ?? startingDraft(saved);
  const restoredErrors = new Set(state.draft ? Object.keys(applyDraft(state.draft, saved, { ...(canonical ? { canonical } : {}) }).errors) : []);
  return { saved, draft, restoredErrors, ...(unreadable ? { unreadable } : {}) };
}

/**
 * The profile form's state and its autosave: edits are saved after a pause in typing, and at once
 * when the page is hidden or closed. Each field is saved when valid; the draft (invalid text
 * included) is stored beside the profile, so nothing typed is lost.
 */
export function useProfileEditor({ storage = indexedDbProfileStorage, canonical, delayMs = DEFAULT_DELAY_MS }: ProfileEditorOptions = {}): ProfileEditor {
  const [phase, setPhase] = useState<ProfileEditor['phase']>('loading');
  const [loadError, setLoadError] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>(() => ({ saved: emptyProfile(), draft: startingDraft(emptyProfile()), restoredErrors: new Set() }));
  const [draft, setDraft] = useState<ProfileDraft>(loaded.draft);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  // The save machinery reads the latest values outside React's render cycle.
  const latest = useRef({ draft, loaded, canonical, storage });
  latest.current = { ...latest.current, canonical, storage };
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Saves run one after another, never two at once. */
  const queue = useRef<Promise<void>>(Promise.resolve());

  const setEditorState = useCallback((next: Loaded) => {
    latest.current.loaded = next;
    latest.current.draft = next.draft;
    setLoaded(next);
    setDraft(next.draft);
  }, []);

  const save = useCallback(async () => {
    const { draft: current, loaded: base, canonical: canon, storage: store } = latest.current;
    const applied = applyDraft(current, base.saved, { ...(canon ? { canonical: canon } : {}) });
    const unsavedFields = Object.keys(applied.errors).length;
    setStatus({ kind: 'saving' });
    try {
      if (base.unreadable) {
        await store.save(undefined, current);
        setStatus({ kind: 'held' });
        return;
      }
      await store.save(applied.profile, unsavedFields ? current : undefined);
      latest.current.loaded = { ...latest.current.loaded, saved: applied.profile };
      setLoaded(latest.current.loaded);
      setStatus({ kind: 'saved', at: new Date(), unsavedFields });
    } catch (error) {
      dirty.current = true;
      setStatus({ kind: 'failed', reason: errorMessage(error) });
    }
  }, []);

  const flush = useCallback(async (): Promise<Profile> => {
    clearTimeout(timer.current);
    if (dirty.current) {
      dirty.current = false;
      queue.current = queue.current.then(save);
    }
    await queue.current;
    return latest.current.loaded.saved;
  }, [save]);

  const update = useCallback(
    (change: (draft: ProfileDraft) => ProfileDraft) => {
      const next = change(latest.current.draft);
      latest.current.draft = next;
      setDraft(next);
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  const load = useCallback(async () => {
    try {
      const state = await latest.current.storage.load();
      setEditorState(fromState(state, latest.current.canonical));
      setStatus(state.profile instanceof StoredProfileError ? { kind: 'held' } : { kind: 'idle' });
      setLoadError(undefined);
      setPhase('ready');
    } catch (error) {
      setLoadError(errorMessage(error));
      setPhase('failed');
    }
  }, [setEditorState]);

  useEffect(() => {
    void load();
  }, [load]);

  // Closing or hiding the page saves at once; coming back picks up changes made elsewhere (the popup).
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') return void flush();
      void refreshIfUnchanged();
    };
    async function refreshIfUnchanged() {
      await queue.current;
      if (dirty.current || latest.current.loaded.unreadable) return;
      const state = await latest.current.storage.load().catch(() => undefined);
      const stored = state?.profile;
      if (!dirty.current && stored && !(stored instanceof StoredProfileError) && stored.updatedAt !== latest.current.loaded.saved.updatedAt) {
        setEditorState(fromState(state, latest.current.canonical));
      }
    }
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, setEditorState]);

  /** Stops autosave and waits for a save in progress: what follows replaces the editor's state. */
  const settle = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    await queue.current;
  }, []);

  const replaceUnreadable = useCallback(async () => {
    await settle();
    const { unreadable: _, ...rest } = latest.current.loaded;
    latest.current.loaded = rest;
    setLoaded(rest);
    dirty.current = true;
    await flush();
  }, [flush, settle]);

  const replace = useCallback(
    async (profile: Profile) => {
      await settle();
      const previous = latest.current.loaded;
      const next = { ...profile, updatedAt: new Date().toISOString() };
      setStatus({ kind: 'saving' });
      try {
        await latest.current.storage.save(next, undefined);
      } catch (error) {
        setStatus({ kind: 'failed', reason: errorMessage(error) });
        setEditorState(previous);
        throw error;
      }
      setEditorState({ saved: next, draft: startingDraft(next), restoredErrors: new Set() });
      setStatus({ kind: 'saved', at: new Date(), unsavedFields: 0 });
    },
    [settle, setEditorState],
  );

  const mergeLinkedIn = useCallback(
    async (data: LinkedInData) => {
      const { canonical: canon, loaded: base } = latest.current;
      const result = mergeLinkedInIntoDraft(latest.current.draft, base.saved, data, canon);
      update(() => result.draft);
      await flush();
      return result.merge;
    },
    [flush, update],
  );

  const setWeights = useCallback(
    async (weights: MatchWeights) => {
      // A save in progress would put back the weights it started with: wait for it first.
      await queue.current;
      latest.current.loaded = { ...latest.current.loaded, saved: { ...latest.current.loaded.saved, weights } };
      setLoaded(latest.current.loaded);
      dirty.current = true;
      await flush();
    },
    [flush],
  );

  const resetAfter = useCallback(
    async <T,>(task: () => Promise<T>): Promise<T> => {
      await settle();
      const result = await task();
      const empty = emptyProfile();
      setEditorState({ saved: empty, draft: startingDraft(empty), restoredErrors: new Set() });
      setStatus({ kind: 'idle' });
      return result;
    },
    [settle, setEditorState],
  );

  const errors = useMemo(() => applyDraft(draft, loaded.saved, { ...(canonical ? { canonical } : {}) }).errors, [draft, loaded.saved, canonical]);

  return {
    phase,
    ...(loadError ? { loadError } : {}),
    draft,
    errors,
    restoredErrors: loaded.restoredErrors,
    saved: loaded.saved,
    status,
    ...(loaded.unreadable ? { unreadable: loaded.unreadable } : {}),
    update,
    flush,
    replaceUnreadable,
    replace,
    mergeLinkedIn,
    setWeights,
    resetAfter,
    reload: load,
  };
}
