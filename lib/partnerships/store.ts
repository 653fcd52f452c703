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

/** Names for partner ids (from the directory), for partnerships that only know an email. */
export type NamesOf = (partnerIds: string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * Every partnership, newest ask first. Partner records that imply an ask not yet kept here (the
 * records from before partnerships existed, and asks made since from the popup) become
 * partnerships first; an existing partnership is never overwritten by this, except to learn the
 * name of a partner it only knew by email.
 */
export async function loadPartnerships(namesOf?: NamesOf): Promise<LoadedPartnerships> {
  const [loaded, records, log] = await Promise.all([readPartnerships(), loadPartners(), loadOutreachLog()]);
  const created = partnershipsFromRecords(records.values(), log, loaded.partnerships);
  const unnamed = [...loaded.partnerships, ...created].filter((partnership) => partnership.partnerName === partnership.partnerId);
  const names = namesOf && unnamed.length > 0 ? await namesOf(unnamed.map((partnership) => partnership.partnerId)) : new Map<string, string>();
  const named = (partnership: Partnership): Partnership => {
    const name = partnership.partnerName === partnership.partnerId ? names.get(partnership.partnerId) : undefined;
    return name ? { ...partnership, partnerName: name } : partnership;
  };
  const all = [...loaded.partnerships, ...created].map(named);
  const changed = all.filter((partnership, i) => i >= loaded.partnerships.length || partnership !== loaded.partnerships[i]);
  if (changed.length > 0) {
    const db = await openMutualDb();
    const tx = db.transaction('partnerships', 'readwrite');
    const isNew = new Set(created.map((partnership) => partnership.id));
    for (const partnership of changed) {
      const stored = PartnershipSchema.safeParse(await tx.store.get(partnership.id));
      // A new one only where nothing is stored yet; a renamed one only if it was not changed meanwhile.
      if (isNew.has(partnership.id) ? !stored.success && (await tx.store.getKey(partnership.id)) === undefined : stored.success && stored.data.updatedAt === partnership.updatedAt) {
        await tx.store.put(partnership, partnership.id);
      }
    }
    await tx.done;
  }
  return { partnerships: all.sort((a, b) => b.askedAt.localeCompare(a.askedAt)), unreadable: loaded.unreadable };
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
