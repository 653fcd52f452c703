import type { DirectoryEntry } from '@/lib/directory/entry';
import { newPartnerRecord, type PartnerRecord } from '@/lib/partners/model';
import type { MatchSummary } from '@/lib/results';
import type { PartnerView } from './PartnerCard';

/** One formatter per zone: building one costs far more than formatting, and cards repeat zones. */
const clockFormats = new Map<string, Intl.DateTimeFormat | null>();

function clockFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = clockFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' });
    } catch {
      format = null;
    }
    clockFormats.set(timeZone, format);
  }
  return format;
}

function formatLocalTime(timeZone: string, now: Date): string {
  const format = clockFormat(timeZone);
  return format ? `${format.format(now)} their time` : '';
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
    fitsSearch: match?.fitsSearch ?? false,
    record: record ?? newPartnerRecord(entry.id, now),
  };
}
