import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import {
  applyDraft,
  mergeLinkedInIntoDraft,
  StoredProfileError,
  type CanonicalSkillName,
  type FieldErrors,
  type LinkedInData,
  type LinkedInMerge,
  type MatchWeights,
  type Profile,
  type ProfileDraft,
} from '@/lib/profile';
import { baseFromStorage, baseOf, emptyBase, indexedDbProfileStorage, type ProfileStorage, type SaveStatus } from './editor-state';
import { useProfileAutosave, type ProfileAutosave } from './useProfileAutosave';

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

/**
 * The profile form's state and its autosave: edits are saved after a pause in typing, and at once
 * when the page is hidden or closed. Each field is saved when valid; the draft (invalid text
 * included) is stored beside the profile, so nothing typed is lost.
 */
export function useProfileEditor({ storage = indexedDbProfileStorage, canonical, delayMs = DEFAULT_DELAY_MS }: ProfileEditorOptions = {}): ProfileEditor {
  const editor = useProfileAutosave(storage, canonical, delayMs);
  const { phase, loadError, load } = useProfileLoading(editor);
  useSaveWhenPageLeaves(editor);
  const operations = useWholeProfileOperations(editor);
  const { base, draft } = editor;
  const errors = useMemo(() => applyDraft(draft, base.saved, { ...(canonical ? { canonical } : {}) }).errors, [draft, base.saved, canonical]);
  return {
    phase,
    ...(loadError ? { loadError } : {}),
    draft,
    errors,
    restoredErrors: base.restoredErrors,
    saved: base.saved,
    status: editor.status,
    ...(base.unreadable ? { unreadable: base.unreadable } : {}),
    update: editor.update,
    flush: editor.flush,
    ...operations,
    reload: load,
  };
}

/** Reads the stored profile and draft when the page opens (and on reload). */
function useProfileLoading({ latest, reset, setStatus }: ProfileAutosave) {
  const [phase, setPhase] = useState<ProfileEditor['phase']>('loading');
  const [loadError, setLoadError] = useState<string>();
  const load = useCallback(async () => {
    try {
      const state = await latest.current.storage.load();
      reset(baseFromStorage(state, latest.current.canonical));
      setStatus(state.profile instanceof StoredProfileError ? { kind: 'held' } : { kind: 'idle' });
      setLoadError(undefined);
      setPhase('ready');
    } catch (error) {
      setLoadError(errorMessage(error));
      setPhase('failed');
    }
  }, [reset]);
  useEffect(() => {
    void load();
  }, [load]);
  return { phase, loadError, load };
}

/** Closing or hiding the page saves at once; coming back picks up changes made elsewhere (the popup). */
function useSaveWhenPageLeaves({ latest, flush, reset, saved, hasUnsavedEdits }: ProfileAutosave) {
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') return void flush();
      void refreshIfUnchanged();
    };
    async function refreshIfUnchanged() {
      await saved();
      if (hasUnsavedEdits() || latest.current.base.unreadable) return;
      const state = await latest.current.storage.load().catch(() => undefined);
      const stored = state?.profile;
      if (!hasUnsavedEdits() && stored && !(stored instanceof StoredProfileError) && stored.updatedAt !== latest.current.base.saved.updatedAt) {
        reset(baseFromStorage(state, latest.current.canonical));
      }
    }
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, reset]);
}

/** What replaces the profile as a whole rather than field by field: an import, LinkedIn, weights, delete. */
function useWholeProfileOperations({ latest, setBase, reset, setStatus, update, flush, saveNow, settle, saved }: ProfileAutosave) {
  const replaceUnreadable = useCallback(async () => {
    await settle();
    const { unreadable: _, ...rest } = latest.current.base;
    setBase(rest);
    await saveNow();
  }, [settle, setBase, saveNow]);

  const replace = useCallback(
    async (profile: Profile) => {
      await settle();
      const previous = latest.current.base;
      const next = { ...profile, updatedAt: new Date().toISOString() };
      setStatus({ kind: 'saving' });
      try {
        await latest.current.storage.save(next, undefined);
      } catch (error) {
        setStatus({ kind: 'failed', reason: errorMessage(error) });
        reset(previous);
        throw error;
      }
      reset(baseOf(next));
      setStatus({ kind: 'saved', at: new Date(), unsavedFields: 0 });
    },
    [settle, reset],
  );

  const mergeLinkedIn = useCallback(
    async (data: LinkedInData) => {
      const { canonical: canon, base } = latest.current;
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
      await saved();
      setBase({ ...latest.current.base, saved: { ...latest.current.base.saved, weights } });
      await saveNow();
    },
    [saved, setBase, saveNow],
  );

  const resetAfter = useCallback(
    async <T,>(task: () => Promise<T>): Promise<T> => {
      await settle();
      const result = await task();
      reset(emptyBase());
      setStatus({ kind: 'idle' });
      return result;
    },
    [settle, reset],
  );

  return { replaceUnreadable, replace, mergeLinkedIn, setWeights, resetAfter };
}
