import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPartnership, savePartnership } from '../../../lib/partnerships';
import { nextReminderAt, registerReminders, reminderAlarmName, scheduleReminder } from '../../../platform/reminders';
import { resetDatabase } from '../profile/helpers';
import { agreement, partnership } from './fixtures';

beforeEach(() => {
  resetDatabase();
  vi.restoreAllMocks();
  // Not in WXT's fake browser: the test decides whether notifications were allowed.
  fakeBrowser.permissions.onAdded.addListener = vi.fn();
});

const active = partnership({ id: 'sam@1', status: 'active', agreement: agreement(), reminders: { on: true } });

describe('when a check-in reminder comes', () => {
  it('comes 15 minutes before the next meeting, at the agreed wall time across DST', () => {
    expect(new Date(nextReminderAt(active, new Date('2026-03-03T10:00:00Z'))!).toISOString()).toBe('2026-03-03T13:45:00.000Z');
    // After Berlin's change, 15:00 Berlin is 13:00 UTC.
    expect(new Date(nextReminderAt(active, new Date('2026-03-25T00:00:00Z'))!).toISOString()).toBe('2026-03-31T12:45:00.000Z');
  });

  it('comes at once when its lead time has already begun, and not for a meeting that has started', () => {
    const now = new Date('2026-03-03T13:50:00Z');
    expect(nextReminderAt(active, now)).toBe(now.getTime() + 1_000);
    expect(new Date(nextReminderAt(active, new Date('2026-03-03T14:01:00Z'))!).toISOString()).toBe('2026-03-10T13:45:00.000Z');
  });

  it('does not come when reminders are off, the partnership ended, or no time is agreed', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(nextReminderAt({ ...active, reminders: { on: false } }, now)).toBeUndefined();
    expect(nextReminderAt({ ...active, status: 'ended' }, now)).toBeUndefined();
    expect(nextReminderAt({ ...active, agreement: agreement({ time: '' }) }, now)).toBeUndefined();
    expect(nextReminderAt(active, new Date('2026-04-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('the alarm', () => {
  it('is set for the next reminder and cleared when reminders go off', async () => {
    await scheduleReminder(active, new Date('2026-03-03T10:00:00Z'));
    expect((await fakeBrowser.alarms.get(reminderAlarmName('sam@1')))?.scheduledTime).toBe(Date.parse('2026-03-03T13:45:00Z'));
    await scheduleReminder({ ...active, reminders: { on: false } });
    expect(await fakeBrowser.alarms.get(reminderAlarmName('sam@1'))).toBeUndefined();
  });

  it('keeps the check-in on the partnership for the popup, without a notification when they are not allowed', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-03T13:45:00Z'), toFake: ['Date'] });
    try {
      fakeBrowser.permissions.contains = vi.fn().mockResolvedValue(false);
      await savePartnership(active);
      registerReminders();
      await fakeBrowser.alarms.onAlarm.trigger({ name: reminderAlarmName('sam@1'), scheduledTime: Date.now(), persistAcrossSessions: true });
      // The next one, before the meeting of 10 March, is set last.
      await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(reminderAlarmName('sam@1')))?.scheduledTime).toBe(Date.parse('2026-03-10T13:45:00Z')));
      expect((await loadPartnership('sam@1'))?.reminders).toEqual({ on: true, dueAt: '2026-03-03T14:00:00.000Z' });
      expect((fakeBrowser.notifications as unknown as { getAllCreateOptions(): object }).getAllCreateOptions()).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it('also notifies when notifications are allowed', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-03T13:45:00Z'), toFake: ['Date'] });
    try {
      fakeBrowser.permissions.contains = vi.fn().mockResolvedValue(true);
      await savePartnership(active);
      registerReminders();
      await fakeBrowser.alarms.onAlarm.trigger({ name: reminderAlarmName('sam@1'), scheduledTime: Date.now(), persistAcrossSessions: true });
      await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(reminderAlarmName('sam@1')))?.scheduledTime).toBe(Date.parse('2026-03-10T13:45:00Z')));
      const created = (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }).getAllCreateOptions();
      expect(created[reminderAlarmName('sam@1')]).toMatchObject({ title: 'Mentoring check-in with Sam Rivera' });
      expect(created[reminderAlarmName('sam@1')]?.message).toMatch(/^Your session starts at 15:00\./);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores other alarms and clears its own for a partnership that is gone', async () => {
    fakeBrowser.permissions.contains = vi.fn().mockResolvedValue(false);
    registerReminders();
    await fakeBrowser.alarms.create(reminderAlarmName('gone'), { when: Date.now() + 60_000 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: reminderAlarmName('gone'), scheduledTime: Date.now(), persistAcrossSessions: true });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'directory-sync', scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(reminderAlarmName('gone'))).toBeUndefined());
  });
});
