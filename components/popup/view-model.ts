import type { DirectoryEntry } from '@/lib/directory/entry';
import type { MatchResult } from '@/lib/match';
import { newPartnerRecord, type PartnerRecord } from '@/lib/partners/model';
import type { Profile } from '@/lib/profile/model';
import type { OutreachContext } from '@/lib/templates';
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

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * The one place the engine's result becomes what a card shows: the skills as each side typed
 * them (once each), the common ground, the score and its parts. A person kept without a match
 * (shortlisted, then out of the directory's ranking) shows their entry and record only.
 */
export function toPartnerView(entry: DirectoryEntry, match: MatchResult | undefined, record: PartnerRecord | undefined, now: Date): PartnerView {
  const explanation = match?.explanation;
  return {
    id: entry.id,
    name: entry.name,
    title: entry.title,
    department: entry.department,
    location: entry.location,
    localTime: formatLocalTime(entry.timeZone, now),
    score: match?.score,
    theyTeachMe: unique(explanation?.theyTeachMe.map((meet) => meet.theirText) ?? []),
    iTeachThem: unique(explanation?.iTeachThem.map((meet) => meet.myText) ?? []),
    sharedErgs: explanation?.commonGround.ergs ?? [],
    sharedInterests: explanation?.commonGround.interests ?? [],
    reasons: match?.reasons ?? [],
    factors: explanation?.factors ?? [],
    fitsSearch: match?.fitsSearch ?? false,
    ...(explanation?.search ? { searchFound: explanation.search } : {}),
    record: record ?? newPartnerRecord(entry.id, now),
  };
}

/** What the reach-out templates may say about the pair: the card's exchange and common ground. */
export function outreachContextOf(me: Profile, entry: DirectoryEntry, view: PartnerView): OutreachContext {
  return {
    me,
    partner: entry,
    theyTeachMe: [...view.theyTeachMe],
    iTeachThem: [...view.iTeachThem],
    sharedErgs: [...view.sharedErgs],
    sharedInterests: [...view.sharedInterests],
  };
}
