import { IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allDataFileName, allDataJson, deleteAllData, exportAllData, STORE_CONTENTS } from '../../../lib/privacy';
import { loadProfile, saveProfile } from '../../../lib/profile';
import { saveSource } from '../../../lib/directory/source-store';
import { DB_VERSION, openMutualDb, StorageError } from '../../../lib/storage/db';
import { NOW, profile, resetDatabase } from '../profile/helpers';

beforeEach(resetDatabase);

/** One record in every store, the way each capability writes it. */
async function fillEveryStore(): Promise<void> {
  await saveProfile(profile());
  const db = await openMutualDb();
  await db.put('partners', { id: 'p1', shortlisted: true }, 'p1');
  await db.add('outreachLog', { partnerId: 'p1', at: NOW.toISOString(), action: 'copy' });
  await db.put('templates', { id: 't1', body: 'Hi {{name}}' }, 't1');
  await db.put('directorySources', { id: 'demo', ok: true }, 'demo');
  await db.put('settings', { sources: [] }, 'directory');
  await db.put('directoryChunks', [{ id: 'e1', name: 'Ana' }], 0);
  await db.put('directoryIndex', { meta: { count: 1 }, index: { stage: new Uint8Array([2, 3]), ids: ['e1'] } }, 'current');
  await db.put('partnerships', { id: 'p1@2026', partnerId: 'p1', status: 'active' }, 'p1@2026');
  await db.add('partnershipSessions', { partnershipId: 'p1@2026', learned: 'Reels', minutesLearning: 30 });
}

describe('all data', () => {
  it('describes every store of the database', async () => {
    const db = await openMutualDb();
    expect(Object.keys(STORE_CONTENTS).sort()).toEqual([...db.objectStoreNames].sort());
  });

  it('exports every record of every store, with its key', async () => {
    await fillEveryStore();
    const data = await exportAllData(NOW);
    expect(data).toMatchObject({ format: 'mutual-data', version: 1, exportedAt: NOW.toISOString(), database: { name: 'mutual', version: DB_VERSION } });
    expect(Object.keys(data.stores).sort()).toEqual(Object.keys(STORE_CONTENTS).sort());
    for (const records of Object.values(data.stores)) expect(records).toHaveLength(1);
    expect(data.stores.profile).toEqual([{ key: 'me', value: profile() }]);
    expect(data.stores.outreachLog).toEqual([{ key: 1, value: { partnerId: 'p1', at: NOW.toISOString(), action: 'copy' } }]);
    expect(allDataFileName(NOW)).toBe('mutual-data-2026-11-12.json');
  });

  it('exports a feed copy stored as a Blob as its text', async () => {
    const feed = '{"format":"mutual-directory","version":1,"entries":[]}';
    await saveSource({ id: 'url:x', label: 'X', ok: true, message: '0 entries', count: 0 }, { body: new TextEncoder().encode(feed), contentType: 'application/json', name: 'x.json', contentHash: 'h', savedAt: NOW.toISOString() });
    const records = (await exportAllData(NOW)).stores.directorySources!;
    expect(records.find((record) => record.key === 'copy:url:x')?.value).toMatchObject({ body: feed, name: 'x.json' });
    expect(JSON.parse(allDataJson(await exportAllData(NOW))).stores.directorySources.length).toBe(2);
  });

  it('writes typed arrays as plain JSON arrays', async () => {
    await fillEveryStore();
    const json = JSON.parse(allDataJson(await exportAllData(NOW))) as { stores: { directoryIndex: { value: { index: { stage: unknown } } }[] } };
    expect(json.stores.directoryIndex[0]!.value.index.stage).toEqual([2, 3]);
  });

  it('deletes everything, in every store', async () => {
    await fillEveryStore();
    const cleared = await deleteAllData();
    expect(cleared.sort()).toEqual(Object.keys(STORE_CONTENTS).sort());
    const db = await openMutualDb();
    for (const name of cleared) expect(await db.count(name)).toBe(0);
    expect(await loadProfile()).toBeUndefined();
  });

  it('deletes nothing when clearing one store fails', async () => {
    await fillEveryStore();
    const original = IDBObjectStore.prototype.clear;
    const clear = vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(function (this: IDBObjectStore) {
      if (this.name === 'templates') throw new DOMException('Refused', 'InvalidStateError');
      return original.call(this);
    });
    try {
      const failure = await deleteAllData().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as Error).message).toMatch(/refused storage/);
    } finally {
      clear.mockRestore();
    }
    const db = await openMutualDb();
    for (const name of Object.keys(STORE_CONTENTS) as (keyof typeof STORE_CONTENTS)[]) expect(await db.count(name)).toBe(1);
  });
});
