import { openMutualDb } from '../storage';
import {
  newPartnerRecord,
  OutreachLogEntrySchema,
  PartnerRecordSchema,
  type OutreachLogEntry,
  type PartnerRecord,
  type PartnerStatus,
} from './model';

/** A logged use and the status it replaced, so the user can undo "contacted". */
export interface LoggedOutreach {
  record: PartnerRecord;
  previousStatus: PartnerStatus;
}

export async function loadPartners(): Promise<Map<string, PartnerRecord>> {
  const db = await openMutualDb();
  const records = new Map<string, PartnerRecord>();
  for (const value of await db.getAll('partners')) {
    const parsed = PartnerRecordSchema.safeParse(value);
    if (parsed.success) records.set(parsed.data.id, parsed.data);
  }
  return records;
}

/** Applies `change` to one partner's record (created on first use) and returns the result. */
export async function updatePartner(
  id: string,
  change: Partial<Omit<PartnerRecord, 'id' | 'updatedAt'>>,
  now: Date = new Date(),
): Promise<PartnerRecord> {
  const db = await openMutualDb();
  const tx = db.transaction('partners', 'readwrite');
  const existing = PartnerRecordSchema.safeParse(await tx.store.get(id));
  const next: PartnerRecord = { ...(existing.success ? existing.data : newPartnerRecord(id, now)), ...change, id, updatedAt: now.toISOString() };
  await tx.store.put(next, id);
  await tx.done;
  return next;
}

/**
 * Logs one outreach and, when the message went where it is sent from (inserted into the page,
 * opened as a compose link), marks the partner contacted (unless already further along),
 * atomically. A copy only logs: nothing says it was ever pasted, let alone sent.
 */
export async function logOutreach(entry: OutreachLogEntry): Promise<LoggedOutreach> {
  const valid = OutreachLogEntrySchema.parse(entry);
  const db = await openMutualDb();
  const tx = db.transaction(['outreachLog', 'partners'], 'readwrite');
  await tx.objectStore('outreachLog').add(valid);
  const partners = tx.objectStore('partners');
  const existing = PartnerRecordSchema.safeParse(await partners.get(valid.partnerId));
  const record = existing.success ? existing.data : newPartnerRecord(valid.partnerId, new Date(valid.at));
  const next: PartnerRecord = {
    ...record,
    status: valid.action !== 'copied' && (record.status === 'none' || record.status === 'declined') ? 'contacted' : record.status,
    updatedAt: valid.at,
  };
  await partners.put(next, valid.partnerId);
  await tx.done;
  return { record: next, previousStatus: record.status };
}

export async function loadOutreachLog(partnerId?: string): Promise<OutreachLogEntry[]> {
  const db = await openMutualDb();
  const values = partnerId ? await db.getAllFromIndex('outreachLog', 'byPartner', partnerId) : await db.getAll('outreachLog');
  return values.flatMap((value) => {
    const parsed = OutreachLogEntrySchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}
