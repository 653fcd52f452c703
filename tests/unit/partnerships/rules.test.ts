import { describe, expect, it } from 'vitest';
import { askCap, balanceOf, followUpDue, followUpOffered, meetingsOver, moveTo, TransitionError, type SessionLogEntry } from '../../../lib/partnerships';
import { agreement, NOW, partnership } from './fixtures';

const settings = { openAskCap: 3, followUpDays: 7 };
const day = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describe('status transitions', () => {
  it('goes ask sent → agreed → active → ended and keeps every step', () => {
    let current = partnership();
    for (const [status, days] of [['agreed', 1], ['active', 2], ['ended', 30]] as const) current = moveTo(current, status, day(days));
    expect(current.history.map((change) => change.status)).toEqual(['asked', 'agreed', 'active', 'ended']);
    expect(current.history.at(-1)?.at).toBe(day(30).toISOString());
  });

  it('refuses a jump that skips the agreement, and never reopens a declined ask', () => {
    expect(() => moveTo(partnership(), 'active', NOW)).toThrow(TransitionError);
    expect(() => moveTo(partnership({ status: 'declined' }), 'agreed', NOW)).toThrow('A partnership that is “declined” cannot become “agreed”.');
  });

  it('lets a late answer turn “no answer” into agreed', () => {
    expect(moveTo(partnership({ status: 'no-answer' }), 'agreed', NOW).status).toBe('agreed');
  });

  it('stops reminders when a partnership ends', () => {
    expect(moveTo(partnership({ status: 'active', reminders: { on: true } }), 'ended', NOW).reminders).toEqual({ on: false });
  });
});

describe('the cap on open asks', () => {
  it('is reached at the cap, counting only asks still waiting, and says why', () => {
    const asks = [partnership(), partnership(), partnership({ status: 'declined' }), partnership({ status: 'active' })];
    expect(askCap(asks, settings)).toMatchObject({ open: 2, cap: 3, reached: false, message: '' });
    const full = askCap([...asks, partnership()], settings);
    expect(full).toMatchObject({ open: 3, reached: true });
    expect(full.message).toMatch(/^You have 3 open asks waiting for an answer, and your limit is 3\..*mark an ask “declined” or “no answer”/);
  });

  it('follows the limit the person set', () => {
    expect(askCap([partnership()], { ...settings, openAskCap: 1 }).reached).toBe(true);
    expect(askCap([partnership()], { ...settings, openAskCap: 5 }).reached).toBe(false);
  });
});

describe('the one follow-up', () => {
  it('is due after the set number of days without an answer, not before', () => {
    expect(followUpDue(partnership(), settings, day(6.9))).toBe(false);
    expect(followUpDue(partnership(), settings, day(7))).toBe(true);
    expect(followUpDue(partnership(), { ...settings, followUpDays: 3 }, day(3))).toBe(true);
  });

  it('is offered once, never more', () => {
    const offered = followUpOffered(partnership(), day(7));
    expect(followUpDue(offered, settings, day(70))).toBe(false);
    expect(followUpOffered(offered, day(9)).followUpOfferedAt).toBe(day(7).toISOString());
  });

  it('is not due once the person answered', () => {
    expect(followUpDue(partnership({ status: 'agreed' }), settings, day(30))).toBe(false);
  });
});

describe('the balance', () => {
  const session = (minutesTeaching: number, minutesLearning: number): SessionLogEntry => ({
    partnershipId: 'p',
    date: '2026-03-03',
    learned: '',
    taught: '',
    minutesTeaching,
    minutesLearning,
    at: NOW.toISOString(),
  });

  it('counts sessions and minutes each way', () => {
    const balance = balanceOf([session(45, 0), session(30, 15), session(40, 0)]);
    expect(balance.summary).toBe('You’ve taught 3 sessions, learned 1 (115 minutes teaching, 15 learning).');
    expect(balance.nudge).toBe('You have mostly taught so far: make room to learn in the next session.');
  });

  it('does not nudge an even partnership, nor before two sessions', () => {
    expect(balanceOf([session(30, 30), session(20, 25)]).nudge).toBe('');
    expect(balanceOf([session(0, 60)]).nudge).toBe('');
    expect(balanceOf([]).summary).toBe('No sessions logged yet.');
    expect(balanceOf([session(0, 30)]).summary).toBe('You’ve taught 0 sessions, learned 1 (0 minutes teaching, 30 learning).');
  });
});

describe('the agreed end', () => {
  const active = partnership({ status: 'active', agreement: agreement() });

  it('comes once the last agreed meeting is over', () => {
    // The last of five weekly meetings: Tuesday 31 March 15:00-15:45 Berlin (13:00-13:45 UTC).
    expect(meetingsOver(active, new Date('2026-03-31T13:44:00Z'))).toBe(false);
    expect(meetingsOver(active, new Date('2026-03-31T13:45:00Z'))).toBe(true);
  });

  it('is not due for a partnership that is not active or has no meeting time', () => {
    const later = new Date('2026-06-01T00:00:00Z');
    expect(meetingsOver({ ...active, status: 'ended' }, later)).toBe(false);
    expect(meetingsOver({ ...active, agreement: agreement({ time: '' }) }, later)).toBe(false);
  });
});
