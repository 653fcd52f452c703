import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import { applyDraft, type CanonicalSkillName, type Profile, type ProfileDraft } from '@/lib/profile';
import { emptyBase, type EditorBase, type ProfileStorage, type SaveStatus } from './editor-state';

/** The editor's latest values, read by the save machinery outside React's render cycle. */
interface Latest {
  draft: ProfileDraft;
  base: EditorBase;
  canonical: CanonicalSkillName | undefined;
  storage: ProfileStorage;
}

/**
 * The editor's state and its autosave: `update` changes the draft and saves it after a pause,
 * `flush` saves now. Saves run one after another, never two at once; each stores the fields that
 * are valid in the profile and the draft (invalid text included) beside it.
 */
export function useProfileAutosave(storage: ProfileStorage, canonical: CanonicalSkillName | undefined, delayMs: number) {
  const [base, setBaseState] = useState<EditorBase>(emptyBase);
  const [draft, setDraft] = useState<ProfileDraft>(base.draft);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef<Latest>({ draft, base, canonical, storage });
  latest.current = { ...latest.current, canonical, storage };
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Replaces what the editor started from (the draft stays). */
  const setBase = useCallback((next: EditorBase) => {
    latest.current.base = next;
    setBaseState(next);
  }, []);
  /** Starts the editor over from `next`, its draft included. */
  const reset = useCallback(
    (next: EditorBase) => {
      setBase(next);
      latest.current.draft = next.draft;
      setDraft(next.draft);
    },
    [setBase],
  );

  const save = useCallback(async () => {
    const { draft: current, base: from, canonical: canon, storage: store } = latest.current;
    const applied = applyDraft(current, from.saved, { ...(canon ? { canonical: canon } : {}) });
    const unsavedFields = Object.keys(applied.errors).length;
    setStatus({ kind: 'saving' });
    try {
      if (from.unreadable) {
        await store.save(undefined, current);
        setStatus({ kind: 'held' });
        return;
      }
      await store.save(applied.profile, unsavedFields ? current : undefined);
      setBase({ ...latest.current.base, saved: applied.profile });
      setStatus({ kind: 'saved', at: new Date(), unsavedFields });
    } catch (error) {
      dirty.current = true;
      setStatus({ kind: 'failed', reason: errorMessage(error) });
    }
  }, [setBase]);

  const flush = useCallback(async (): Promise<Profile> => {
    clearTimeout(timer.current);
    if (dirty.current) {
      dirty.current = false;
      queue.current = queue.current.then(save);
    }
    await queue.current;
    return latest.current.base.saved;
  }, [save]);

  /** Marks the editor changed and saves now. */
  const saveNow = useCallback(() => {
    dirty.current = true;
    return flush();
  }, [flush]);

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

  /** Stops autosave and waits for a save in progress: what follows replaces the editor's state. */
  const settle = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    await queue.current;
  }, []);

  /** Waits for the save in progress, if any. */
  const saved = useCallback(() => queue.current, []);
  const hasUnsavedEdits = useCallback(() => dirty.current, []);

  return { base, draft, status, setStatus, latest, setBase, reset, flush, saveNow, update, settle, saved, hasUnsavedEdits };
}

export type ProfileAutosave = ReturnType<typeof useProfileAutosave>;

