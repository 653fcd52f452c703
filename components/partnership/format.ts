import { clockOf, isoDateOf, placeOf, wallTimeAt, type Partnership } from '@/lib/partnerships';

/** "24 Feb 2026" in the reader's locale. */
export function formatDay(at: string): string {
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Check-in with Sam Rivera: session on 2026-03-03 at 15:00 (Berlin time)." */
export function dueReminderText(partnership: Partnership, timeZone: string): string {
  if (!partnership.reminders.dueAt) return '';
  const wall = wallTimeAt(timeZone, new Date(partnership.reminders.dueAt));
  return `Check-in with ${partnership.partnerName}: session on ${isoDateOf(wall)} at ${clockOf(wall)} (${placeOf(timeZone)} time). Afterwards, log what you learned and taught.`;
}
