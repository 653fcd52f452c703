import { loadOutreachLog, loadPartners, updatePartner } from '../partners';
import { openMutualDb } from '../storage';
import { partnershipsFromRecords, partnerStatusOf } from './migrate';
import {
  PARTNERSHIP_SETTINGS_DEFAULTS,
  PartnershipSchema,
  PartnershipSettingsSchema,
  SessionLogEntrySchema,
  type Partnership,
  type PartnershipSettings,
  type SessionLogEntry,
} from './model';

const SETTINGS_KEY = 'partnerships';

export interface LoadedPartnerships {
  partnerships: Partnership[];
  /** Stored records that no longer read as a partnership: kept in storage (and in the export), not shown. */
  unreadable: number;
}

async function readPartnerships(): Promise<LoadedPartnerships> {
  const db = await openMutualDb();
  const partnerships: Partnership[] = [];
  let unreadable = 0;
  for (const value of await db.getAll('partnerships')) {
    const parsed = PartnershipSchema.safeParse(value);
    if (parsed.success) partnerships.push(parsed.data);
    else unreadable++;
  }
  return { partnerships, unreadable };
}

/**
 * Every partnership, newest ask first. Partner records that imply an ask not yet kept here (the
 * records from before partnerships existed, and asks made since from the popup) become
 * partnerships first; an existing partnership is never overwritten by this.
 */
export async function loadPartnerships(): Promise<LoadedPartnerships> {
  const [loaded, records, log] = await Promise.all([readPartnerships(), loadPartners(), loadOutreachLog()]);
  const created = partnershipsFromRecords(records.values(), log, loaded.partnerships);
  if (created.length > 0) {
    const db = await openMutualDb();
    const tx = db.transaction('partnerships', 'readwrite');
    for (const partnership of created) {
      if ((await tx.store.getKey(partnership.id)) === undefined) await tx.store.put(partnership, partnership.id);
    }
    await tx.done;
  }
  const partnerships = [...loaded.partnerships, ...created].sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return { partnerships, unreadable: loaded.unreadable };
}

export async function loadPartnership(id: string): Promise<Partnership | undefined> {
  const db = await openMutualDb();
  const parsed = PartnershipSchema.safeParse(await db.get('partnerships', id));
  return parsed.success ? parsed.data : undefined;
}

/** Saves the partnership and moves the partner record along, so the popup's lists agree. */
export async function savePartnership(partnership: Partnership): Promise<Partnership> {
  const valid = PartnershipSchema.parse(partnership);
  const db = await openMutualDb();
  await db.put('partnerships', valid, valid.id);
  const status = partnerStatusOf(valid.status);
  if (status) await updatePartner(valid.partnerId, { status });
  return valid;
}

export async function loadSessions(partnershipId: string): Promise<SessionLogEntry[]> {
  const db = await openMutualDb();
  const values = await db.getAllFromIndex('partnershipSessions', 'byPartnership', partnershipId);
  return values
    .flatMap((value) => {
      const parsed = SessionLogEntrySchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
}

export async function addSession(entry: SessionLogEntry): Promise<SessionLogEntry> {
  const valid = SessionLogEntrySchema.parse(entry);
  const db = await openMutualDb();
  await db.add('partnershipSessions', valid);
  return valid;
}

export async function loadPartnershipSettings(): Promise<PartnershipSettings> {
  const db = await openMutualDb();
  const parsed = PartnershipSettingsSchema.safeParse(await db.get('settings', SETTINGS_KEY));
  return parsed.success ? parsed.data : { ...PARTNERSHIP_SETTINGS_DEFAULTS };
}

export async function savePartnershipSettings(settings: PartnershipSettings): Promise<PartnershipSettings> {
  const valid = PartnershipSettingsSchema.parse(settings);
  const db = await openMutualDb();
  await db.put('settings', valid, SETTINGS_KEY);
  return valid;
}
