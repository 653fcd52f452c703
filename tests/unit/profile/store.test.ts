import { IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  draftFromProfile,
  loadProfile,
  loadProfileEditorState,
  saveProfile,
  saveProfileEdit,
  StoredProfileError,
} from '../../../lib/profile';
import { openMutualDb, StorageError } from '../../../lib/storage/db';
import { profile, resetDatabase } from './helpers';

beforeEach(resetDatabase);

async function storedValue(key: string): Promise<unknown> {
  return (await openMutualDb()).get('profile', key);
}

describe('profile store', () => {
  it('has no profile before the first save', async () => {
    expect(await loadProfile()).toBeUndefined();
    expect(await loadProfileEditorState()).toEqual({ profile: undefined });
  });

  it('saves and loads a profile', async () => {
    const me = profile();
    await saveProfile(me);
    expect(await loadProfile()).toEqual(me);
  });

  it('refuses to save an invalid profile', async () => {
    await expect(saveProfile({ ...profile(), email: 'nope' })).rejects.toThrow(/valid email/);
    expect(await loadProfile()).toBeUndefined();
  });

  it('upgrades a stored legacy profile when reading it', async () => {
    await (await openMutualDb()).put('profile', { name: 'Sam', role: 'CFO', skills: ['Negotiation'], updatedAt: '2025-03-01T10:00:00.000Z' }, 'me');
    expect(await loadProfile()).toMatchObject({ schemaVersion: 1, name: 'Sam', title: 'CFO', teach: [{ name: 'Negotiation' }] });
  });

  it('reports a corrupt stored profile and leaves it as it is', async () => {
    const corrupt = { ...profile(), capacity: 'lots', schemaVersion: 1 };
    await (await openMutualDb()).put('profile', corrupt, 'me');
    const error = await loadProfile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredProfileError);
    expect((error as StoredProfileError).issues).toEqual(['How many partners at a time: Enter a number of partners from 0 to 10']);
    expect((error as StoredProfileError).stored).toEqual(corrupt);
    expect(await storedValue('me')).toEqual(corrupt);
  });

  it('keeps a draft with the profile it was typed over, and drops it once the profile changes elsewhere', async () => {
    const me = profile();
    const draft = { ...draftFromProfile(me), email: 'priya@' };
    await saveProfileEdit(me, draft);
    expect(await loadProfileEditorState()).toEqual({ profile: me, draft });

    // The popup saves a newer profile: the draft no longer applies.
    await saveProfile({ ...me, matchMode: 'reverse', updatedAt: '2026-11-13T09:00:00.000Z' });
    expect((await loadProfileEditorState()).draft).toBeUndefined();
  });

  it('saves only the draft over an unreadable profile, without touching it', async () => {
    await (await openMutualDb()).put('profile', { schemaVersion: 7 }, 'me');
    const draft = draftFromProfile(profile());
    await saveProfileEdit(undefined, draft);
    const state = await loadProfileEditorState();
    expect(state.profile).toBeInstanceOf(StoredProfileError);
    expect((state.profile as StoredProfileError).message).toMatch(/newer version of Mutual/);
    expect(state.draft).toEqual(draft);
    expect(await storedValue('me')).toEqual({ schemaVersion: 7 });
  });

  it('ignores a stored draft that is not a draft', async () => {
    const me = profile();
    await saveProfile(me);
    await (await openMutualDb()).put('profile', { basedOn: me.updatedAt, draft: { name: 3 } }, 'draft');
    expect(await loadProfileEditorState()).toEqual({ profile: me });
  });

  it('reports a full disk as StorageError, keeping the saved profile', async () => {
    const me = profile();
    await saveProfile(me);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    try {
      const failure = await saveProfileEdit({ ...me, name: 'Changed' }, undefined).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).message).toMatch(/no more storage space/);
    } finally {
      put.mockRestore();
    }
    expect(await loadProfile()).toEqual(me);
  });
});
