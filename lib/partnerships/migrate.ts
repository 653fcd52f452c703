import type { OutreachLogEntry, PartnerRecord, PartnerStatus } from '../partners';
import { newAsk, type Partnership, type PartnershipStatus } from './model';

/** What each partner status of lib/partners becomes; "none" has no ask to follow. */
const FROM_PARTNER_STATUS: Readonly<Record<PartnerStatus, PartnershipStatus | undefined>> = {
  none: undefined,
  contacted: 'asked',
  // They answered: still an open ask, but no follow-up is due.
  talking: 'asked',
  partnered: 'agreed',
  declined: 'declined',
};

/**
 * The partnerships that today's partner records (lib/partners) imply and that do not exist yet.
 * It runs on every load, so new asks made from the popup appear too; the partner records
 * themselves are left as they are, and each partnership keeps a copy of the record it came from.
 */
export function partnershipsFromRecords(
  records: Iterable<PartnerRecord>,
  log: readonly OutreachLogEntry[],
  existing: readonly Partnership[],
): Partnership[] {
  const known = new Set(existing.map((partnership) => partnership.partnerId));
  const created: Partnership[] = [];
  for (const record of records) {
    const status = FROM_PARTNER_STATUS[record.status];
    if (!status || known.has(record.id)) continue;
    const sent = log.filter((entry) => entry.partnerId === record.id).sort((a, b) => a.at.localeCompare(b.at));
    const askedAt = sent[0]?.at ?? record.updatedAt;
    const ask = newAsk(record.id, sent.at(-1)?.partnerName ?? record.id, new Date(askedAt));
    const later = status === 'asked' ? [] : [{ status, at: record.updatedAt < askedAt ? askedAt : record.updatedAt }];
    created.push({
      ...ask,
      status,
      history: [...ask.history, ...later],
      ...(record.status === 'talking' ? { followUpOfferedAt: record.updatedAt } : {}),
      migratedFrom: { ...record },
      updatedAt: record.updatedAt,
    });
  }
  return created;
}

/** The partner record's status that matches a partnership's, so the popup's lists agree with it. */
export function partnerStatusOf(status: PartnershipStatus): PartnerStatus | undefined {
  const map: Partial<Record<PartnershipStatus, PartnerStatus>> = { asked: 'contacted', agreed: 'partnered', active: 'partnered', declined: 'declined' };
  return map[status];
}
