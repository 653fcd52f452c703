import type { SyncStage } from '@/lib/directory';

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** What failed, in words people use. */
export const STAGE_LABELS: Record<SyncStage, string> = {
  address: 'Address not allowed',
  permission: 'No access to the site',
  crash: 'Stopped while reading',
  network: 'Network',
  timeout: 'Timed out',
  http: 'Server error',
  size: 'Too large',
  format: 'Not a readable feed',
  empty: 'No valid entry',
  storage: 'Saving failed',
};
