import { OPEN_STATUSES, type Partnership, type PartnershipSettings, type SessionLogEntry } from './model';
import { meetingInstants } from './time';

const DAY_MS = 86_400_000;

export interface AskCap {
  open: number;
  cap: number;
  reached: boolean;
  /** Why no new ask is possible, in the person's words; '' while below the cap. */
  message: string;
}

/** How many asks wait for an answer, against the cap the person set. */
export function askCap(partnerships: readonly Partnership[], settings: PartnershipSettings): AskCap {
  const open = partnerships.filter((partnership) => OPEN_STATUSES.includes(partnership.status)).length;
  const reached = open >= settings.openAskCap;
  const message = reached
    ? `You have ${open} open ${open === 1 ? 'ask' : 'asks'} waiting for an answer, and your limit is ${settings.openAskCap}. A few personal asks get more answers than many: wait for a reply, or mark an ask “declined” or “no answer”, before you ask someone new. You can change the limit on the partnerships page.`
    : '';
  return { open, cap: settings.openAskCap, reached, message };
}

/**
 * One polite follow-up, once: an ask without an answer for `followUpDays` days suggests it, and an
 * ask that has offered it never does again.
 */
export function followUpDue(partnership: Partnership, settings: PartnershipSettings, now: Date): boolean {
  if (partnership.status !== 'asked' || partnership.followUpOfferedAt) return false;
  return now.getTime() - Date.parse(partnership.askedAt) >= settings.followUpDays * DAY_MS;
}

/** The partnership once its follow-up has been offered. */
export function followUpOffered(partnership: Partnership, now: Date): Partnership {
  return partnership.followUpOfferedAt ? partnership : { ...partnership, followUpOfferedAt: now.toISOString(), updatedAt: now.toISOString() };
}

export interface Balance {
  sessions: number;
  taughtSessions: number;
  learnedSessions: number;
  minutesTeaching: number;
  minutesLearning: number;
  /** "You’ve taught 3 sessions, learned 1." */
  summary: string;
  /** A nudge when one side has not gained yet; '' when both have. */
  nudge: string;
}

function sessions(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'}`;
}

/** Both must gain: how the log divides between teaching and learning. */
export function balanceOf(log: readonly SessionLogEntry[]): Balance {
  const taughtSessions = log.filter((entry) => entry.minutesTeaching > 0).length;
  const learnedSessions = log.filter((entry) => entry.minutesLearning > 0).length;
  const minutesTeaching = log.reduce((sum, entry) => sum + entry.minutesTeaching, 0);
  const minutesLearning = log.reduce((sum, entry) => sum + entry.minutesLearning, 0);
  const summary =
    log.length === 0
      ? 'No sessions logged yet.'
      : `You’ve taught ${sessions(taughtSessions)}, learned ${learnedSessions} (${minutesTeaching} minutes teaching, ${minutesLearning} learning).`;
  const gap = minutesTeaching - minutesLearning;
  const nudge =
    log.length < 2 || Math.abs(gap) < Math.max(minutesTeaching, minutesLearning) / 2
      ? ''
      : gap > 0
        ? 'You have mostly taught so far: make room to learn in the next session.'
        : 'You have mostly learned so far: offer to teach in the next session.';
  return { sessions: log.length, taughtSessions, learnedSessions, minutesTeaching, minutesLearning, summary, nudge };
}

/** The agreed end: an active partnership whose last agreed meeting is over is due its reflection. */
export function meetingsOver(partnership: Pick<Partnership, 'status' | 'agreement'>, now: Date): boolean {
  const { agreement } = partnership;
  if (partnership.status !== 'active' || !agreement) return false;
  const last = meetingInstants({ ...agreement, timeZone: agreement.myTimeZone }).at(-1);
  return last !== undefined && last.getTime() + agreement.sessionMinutes * 60_000 <= now.getTime();
}
