import type { DirectoryEntry } from '@/lib/directory/entry';
import { newPartnerRecord, type PartnerRecord } from '@/lib/partners/model';
import type { MatchSummary } from '@/lib/results';
import type { PartnerView } from './PartnerCard';

export function formatLocalTime(timeZone: string, now: Date): string {
  try {
    const time = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
    return `${time} their time`;
  } catch {
    return '';
  }
}

export function toPartnerView(entry: DirectoryEntry, match: MatchSummary | undefined, record: PartnerRecord | undefined, now: Date): PartnerView {
  return {
    id: entry.id,
    name: entry.name,
    title: entry.title,
    department: entry.department,
    location: entry.location,
    localTime: formatLocalTime(entry.timeZone, now),
    score: match?.score,
    theyTeachMe: match?.theyTeachMe ?? [],
    iTeachThem: match?.iTeachThem ?? [],
    sharedErgs: match?.sharedErgs ?? [],
    sharedInterests: match?.sharedInterests ?? [],
    reasons: match?.reasons ?? [],
    factors: match?.factors ?? [],
    record: record ?? newPartnerRecord(entry.id, now),
  };
}
