import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadOutreachLog, loadPartners } from '../../../lib/partners';
import {
  addSession,
  loadPartnerships,
  loadPartnershipSettings,
  loadSessions,
  moveTo,
  partnershipsFromRecords,
  savePartnership,
  savePartnershipSettings,
} from '../../../lib/partnerships';
import { openMutualDb } from '../../../lib/storage/db';
import { resetDatabase } from '../profile/helpers';
import { NOW } from './fixtures';

beforeEach(resetDatabase);

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();

/** The partner records and outreach log as Mutual 1 (database version 1) wrote them. */
const V1_PARTNERS = [
  { id: 'ana@x.example', shortlisted: true, hidden: false, status: 'none', updatedAt: at(2) },
  { id: 'ben@x.example', shortlisted: false, hidden: false, status: 'contacted', updatedAt: at(5) },
  { id: 'cho@x.example', shortlisted: true, hidden: false, status: 'talking', updatedAt: at(9) },
  { id: 'dee@x.example', shortlisted: false, hidden: false, status: 'partnered', updatedAt: at(12) },
  { id: 'eli@x.example', shortlisted: false, hidden: true, status: 'declined', updatedAt: at(7) },
];
const V1_LOG = [
  { partnerId: 'ben@x.example', partnerName: 'Ben Okafor', templateId: 'two-way', action: 'inserted', channel: 'Gmail compose', at: at(4) },
  { partnerId: 'ben@x.example', partnerName: 'Ben Okafor', templateId: 'follow-up', action: 'copied', channel: 'clipboard', at: at(5) },
  { partnerId: 'dee@x.example', partnerName: 'Dee Park', templateId: 'two-way', action: 'opened', channel: 'mailto:', at: at(3) },
];

async function writeVersion1(): Promise<void> {
  const db = await openDB('mutual', 1, {
    upgrade(database) {
      for (const name of ['profile', 'directoryChunks', 'directoryIndex', 'directorySources', 'partners', 'templates', 'settings']) database.createObjectStore(name);
      database.createObjectStore('outreachLog', { autoIncrement: true }).createIndex('byPartner', 'partnerId');
    },
  });
  for (const record of V1_PARTNERS) await db.put('partners', record, record.id);
  for (const entry of V1_LOG) await db.add('outreachLog', entry);
  db.close();
}

describe('migration from version 1 partner records', () => {
  it('makes a partnership for every partner with a status, and loses nothing', async () => {
    await writeVersion1();
    const { partnerships, unreadable } = await loadPartnerships();
    expect(unreadable).toBe(0);
    const byPartner = new Map(partnerships.map((partnership) => [partnership.partnerId, partnership]));
    expect([...byPartner.keys()].sort()).toEqual(['ben@x.example', 'cho@x.example', 'dee@x.example', 'eli@x.example']);
    expect(byPartner.get('ben@x.example')).toMatchObject({ status: 'asked', partnerName: 'Ben Okafor', askedAt: at(4) });
    expect(byPartner.get('ben@x.example')?.followUpOfferedAt).toBeUndefined();
    expect(byPartner.get('cho@x.example')).toMatchObject({ status: 'asked', followUpOfferedAt: at(9) });
    expect(byPartner.get('dee@x.example')).toMatchObject({ status: 'agreed', askedAt: at(3), history: [{ status: 'asked', at: at(3) }, { status: 'agreed', at: at(12) }] });
    expect(byPartner.get('eli@x.example')).toMatchObject({ status: 'declined', partnerName: 'eli@x.example' });
    // Each keeps the record it came from, and the records and log themselves are untouched.
    for (const record of V1_PARTNERS.slice(1)) expect(byPartner.get(record.id)?.migratedFrom).toEqual(record);
    expect([...(await loadPartners()).values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(V1_PARTNERS);
    expect(await loadOutreachLog()).toEqual(V1_LOG);
    expect((await openMutualDb()).version).toBe(2);
  });

  it('runs once: a second load creates nothing and keeps what changed since', async () => {
    await writeVersion1();
    const first = await loadPartnerships();
    const ben = first.partnerships.find((partnership) => partnership.partnerId === 'ben@x.example')!;
    await savePartnership(moveTo(ben, 'agreed', NOW));
    const second = await loadPartnerships();
    expect(second.partnerships).toHaveLength(first.partnerships.length);
    expect(second.partnerships.find((partnership) => partnership.partnerId === 'ben@x.example')?.status).toBe('agreed');
    // The partner record follows, so the popup's lists agree.
    expect((await loadPartners()).get('ben@x.example')?.status).toBe('partnered');
  });

  it('picks up an ask made from the popup after the migration', async () => {
    await writeVersion1();
    await loadPartnerships();
    const db = await openMutualDb();
    await db.put('partners', { id: 'fay@x.example', shortlisted: false, hidden: false, status: 'contacted', updatedAt: at(20) }, 'fay@x.example');
    const { partnerships } = await loadPartnerships();
    expect(partnerships[0]).toMatchObject({ partnerId: 'fay@x.example', status: 'asked', askedAt: at(20) });
  });

  it('counts a stored partnership that no longer reads, keeps it in storage, and shows the rest', async () => {
    const db = await openMutualDb();
    await db.put('partnerships', { id: 'broken', status: 'friends forever' }, 'broken');
    const { partnerships, unreadable } = await loadPartnerships();
    expect(partnerships).toEqual([]);
    expect(unreadable).toBe(1);
    expect(await db.get('partnerships', 'broken')).toEqual({ id: 'broken', status: 'friends forever' });
  });

  it('is a pure function of records and log (no record, no partnership)', () => {
    expect(partnershipsFromRecords([], [], [])).toEqual([]);
  });
});

describe('session log and settings', () => {
  it('keeps sessions per partnership, in date order, validated', async () => {
    const entry = { partnershipId: 'a', date: '2026-03-10', learned: 'Reels', taught: 'Cash flow', minutesLearning: 25, minutesTeaching: 20, at: NOW.toISOString() };
    await addSession(entry);
    await addSession({ ...entry, date: '2026-03-03' });
    await addSession({ ...entry, partnershipId: 'b' });
    expect((await loadSessions('a')).map((session) => session.date)).toEqual(['2026-03-03', '2026-03-10']);
    await expect(addSession({ ...entry, minutesLearning: -5 })).rejects.toThrow();
  });

  it('defaults to 3 open asks and 7 days before a follow-up, and keeps what the person sets', async () => {
    expect(await loadPartnershipSettings()).toEqual({ openAskCap: 3, followUpDays: 7 });
    await savePartnershipSettings({ openAskCap: 5, followUpDays: 10 });
    expect(await loadPartnershipSettings()).toEqual({ openAskCap: 5, followUpDays: 10 });
  });
});

describe('names', () => {
  it('learns the name of a partner known only by email from the directory, and keeps names it has', async () => {
    await writeVersion1();
    const namesOf = async (ids: string[]) => new Map(ids.map((id) => [id, id === 'eli@x.example' ? 'Eli Shapiro' : `Someone else for ${id}`]));
    const { partnerships } = await loadPartnerships(namesOf);
    const byPartner = new Map(partnerships.map((partnership) => [partnership.partnerId, partnership.partnerName]));
    expect(byPartner.get('eli@x.example')).toBe('Eli Shapiro');
    // Named by the outreach log already: not renamed.
    expect(byPartner.get('ben@x.example')).toBe('Ben Okafor');
    const again = await loadPartnerships();
    expect(again.partnerships.find((partnership) => partnership.partnerId === 'eli@x.example')?.partnerName).toBe('Eli Shapiro');
  });
});
