import { beforeEach, describe, expect, it } from 'vitest';
import { syncEverySource } from '../../../platform/directory-sync';
import { popupServices } from '../../../entrypoints/popup/services';
import { emptyProfile, type Profile } from '../../../lib/profile';
import { openMutualDb } from '../../../lib/storage/db';
import { loadLastResults, rankingKey, saveLastResults } from '../../../lib/ranking-cache';
import { resetDatabase } from '../directory/helpers';

const me: Profile = {
  ...emptyProfile(new Date('2026-11-01T00:00:00Z')),
  name: 'Jordan Lee',
  careerStage: 'executive',
  teach: [{ name: 'Budgeting', level: 'expert' }],
  learn: [{ name: 'TikTok', priority: 'high', ask: '' }],
};
const plain = { directoryVersion: '', mode: 'two-way' as const, filters: {}, query: '', excludeIds: new Set<string>() };

beforeEach(resetDatabase);

describe('the last ranking', () => {
  it('is returned only for the key it was made for, and only when readable', async () => {
    expect(await loadLastResults('k')).toBeUndefined();
    await saveLastResults('k', []);
    expect(await loadLastResults('k')).toEqual([]);
    expect(await loadLastResults('other')).toBeUndefined();
    await (await openMutualDb()).put('settings', { key: 'k', results: [{ entry: { name: '<b>' } }] }, 'lastResults');
    expect(await loadLastResults('k')).toBeUndefined();
  });

  it('names everything a ranking depends on in its key', () => {
    const base = { directoryVersion: 'v1', profileUpdatedAt: 't1', mode: 'two-way', hiddenIds: ['a', 'b'], top: 20, day: '2026-12-3' };
    expect(rankingKey({ ...base, hiddenIds: ['b', 'a'] })).toBe(rankingKey(base));
    for (const change of [{ directoryVersion: 'v2' }, { profileUpdatedAt: 't2' }, { mode: 'reverse' }, { hiddenIds: ['a'] }, { day: '2026-12-4' }]) {
      expect(rankingKey({ ...base, ...change })).not.toBe(rankingKey(base));
    }
  });
});

describe('popup ranking', () => {
  it('paints the kept ranking of an unchanged directory and profile, and ranks again after an edit', async () => {
    await syncEverySource();
    const { directory } = await popupServices.load();
    const first = await popupServices.rank(me, { ...plain, directoryVersion: directory!.version });
    expect(first.length).toBe(20);
    // Mark what was kept: a second popup must show the kept copy, not rank again.
    const db = await openMutualDb();
    const kept = (await db.get('settings', 'lastResults')) as { key: string; results: typeof first };
    kept.results[0]!.entry.name = 'Kept copy';
    await db.put('settings', kept, 'lastResults');
    expect((await popupServices.rank(me, { ...plain, directoryVersion: directory!.version }))[0]!.entry.name).toBe('Kept copy');

    // The kept ranking the load painted answers the first rank for the same key: the same list, not a second read.
    await popupServices.saveProfile(me);
    const loaded = await popupServices.load();
    expect(loaded.initialResults?.[0]!.entry.name).toBe('Kept copy');
    await db.put('settings', { ...kept, results: [] }, 'lastResults');
    expect(await popupServices.rank(me, { ...plain, directoryVersion: directory!.version })).toBe(loaded.initialResults);

    const edited = { ...me, updatedAt: '2026-11-02T00:00:00.000Z' };
    expect((await popupServices.rank(edited, { ...plain, directoryVersion: directory!.version }))[0]!.entry.name).toBe(first[0]!.entry.name);
    // A search is never answered from the kept ranking.
    const searched = await popupServices.rank(me, { ...plain, directoryVersion: directory!.version, query: 'budgeting' });
    expect(searched.every((partner) => partner.entry.name !== 'Kept copy')).toBe(true);
  });
});
