import { browser } from 'wxt/browser';
import { clockOf, loadPartnership, loadPartnerships, nextMeeting, savePartnership, wallTimeAt, type Partnership } from '@/lib/partnerships';

/**
 * Check-in reminders: one alarm per partnership that has them on, set for the next agreed meeting.
 * When it fires the reminder is kept on the partnership (the popup shows it, with or without the
 * notifications permission) and, if the person allowed notifications, the browser shows one.
 */
const REMINDER_ALARM_PREFIX = 'partnership-checkin:';
/** How long before a meeting the reminder comes. */
const REMINDER_LEAD_MINUTES = 15;
// A 48 px Mutual mark: notifications need an icon, and the extension ships no image files.
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAtUlEQVR42u2aORKAMAwD8wN+Ssn3oaTKDMSHbEWaoWYXivjIGMqb4zrvL09L6HIyVnCYiDd4mkg0eKhINryrBAreRQINb5KoAr8kUQ3+t0RrAY8XzZIi4Q3tLVMCPkwiE94iUQbeVQIFvyphEojKsgD665v/wlYC0ZGABCQgAZ0DmHKidSmxXTFXspxu39BQtJTtm3qKsYomc5qPEk6o911wUKyYKJZ8FGtWmkU3zVUDmsse6DzWDDdxSjgOaQAAAABJRU5ErkJggg==';

export function reminderAlarmName(partnershipId: string): string {
  return REMINDER_ALARM_PREFIX + partnershipId;
}

/** When the reminder for the partnership's next meeting should come, if it has one. */
export function nextReminderAt(partnership: Partnership, now: Date): number | undefined {
  const { agreement } = partnership;
  if (!agreement || !partnership.reminders.on || !['agreed', 'active'].includes(partnership.status)) return undefined;
  const meeting = nextMeeting({ ...agreement, timeZone: agreement.myTimeZone }, new Date(now.getTime() + 1));
  // Inside the lead time of a meeting that has not started: remind at once rather than skip it.
  return meeting && Math.max(meeting.getTime() - REMINDER_LEAD_MINUTES * 60_000, now.getTime() + 1_000);
}

/** Sets, moves or clears the alarm of one partnership. */
export async function scheduleReminder(partnership: Partnership, now: Date = new Date()): Promise<void> {
  const name = reminderAlarmName(partnership.id);
  const when = nextReminderAt(partnership, now);
  if (when === undefined) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when });
}

/** Every partnership's alarm as it should be; alarms of partnerships that are gone are cleared. */
async function scheduleAllReminders(now: Date = new Date()): Promise<void> {
  const { partnerships } = await loadPartnerships();
  const ids = new Set(partnerships.map((partnership) => reminderAlarmName(partnership.id)));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(REMINDER_ALARM_PREFIX) && !ids.has(alarm.name)) await browser.alarms.clear(alarm.name);
  }
  await Promise.all(partnerships.map((partnership) => scheduleReminder(partnership, now)));
}

export function notificationsAllowed(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
}

/** Must run directly in the click that turns reminders on: browsers only ask during a user gesture. */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
}

async function handleReminderAlarm(alarm: { name: string }, now: Date = new Date()): Promise<void> {
  if (!alarm.name.startsWith(REMINDER_ALARM_PREFIX)) return;
  const partnership = await loadPartnership(alarm.name.slice(REMINDER_ALARM_PREFIX.length));
  if (!partnership?.agreement || !partnership.reminders.on) return void browser.alarms.clear(alarm.name);
  const meeting = nextMeeting({ ...partnership.agreement, timeZone: partnership.agreement.myTimeZone }, new Date(now.getTime() - 60 * 60_000));
  if (!meeting) return void browser.alarms.clear(alarm.name);
  const due = await savePartnership({ ...partnership, reminders: { ...partnership.reminders, dueAt: meeting.toISOString() }, updatedAt: now.toISOString() });
  if (await notificationsAllowed()) {
    await browser.notifications.create(alarm.name, {
      type: 'basic',
      iconUrl: ICON,
      title: `Mentoring check-in with ${partnership.partnerName}`,
      message: `Your session starts at ${clockOf(wallTimeAt(partnership.agreement.myTimeZone, meeting))}. Afterwards, log what you learned and taught.`,
    });
  }
  // The next one, after this meeting.
  await scheduleReminder(due, new Date(meeting.getTime() + 60_000));
}

function openPartnership(notificationId: string): void {
  if (!notificationId.startsWith(REMINDER_ALARM_PREFIX)) return;
  const id = notificationId.slice(REMINDER_ALARM_PREFIX.length);
  void browser.tabs.create({ url: browser.runtime.getURL(`/partnership.html?id=${encodeURIComponent(id)}`) });
  void browser.notifications.clear(notificationId);
}

/** The background's listeners for reminders: alarms always, notification clicks once notifications are allowed. */
export function registerReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => void handleReminderAlarm(alarm));
  const listenToClicks = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(openPartnership)) browser.notifications.onClicked.addListener(openPartnership);
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);
  // Alarms do not survive every update or reinstall: set them again from the stored partnerships.
  browser.runtime.onInstalled.addListener(() => void scheduleAllReminders());
  browser.runtime.onStartup.addListener(() => void scheduleAllReminders());
}
