import { useEffect, useMemo, useState } from 'react';
import type { DirectoryEntry } from '@/lib/directory/entry';
import type { PopupData, PopupServices } from './services';

/**
 * The directory entries of everyone the user keeps a record of (shortlisted, hidden or asked), read
 * when a view of them is open: `view` is that view's name, undefined while another one is shown.
 */
export function useKeptEntries(services: PopupServices, data: PopupData | undefined, view: string | undefined, onError: (error: unknown) => void): DirectoryEntry[] {
  const [entries, setEntries] = useState<DirectoryEntry[]>([]);
  const keptIds = useMemo(
    () => [...(data?.partners.values() ?? [])].filter((r) => r.shortlisted || r.hidden || r.status !== 'none').map((r) => r.id),
    [data],
  );
  useEffect(() => {
    if (view === undefined || !data?.directory) return;
    services.entriesById(keptIds).then(setEntries, onError);
  }, [view, keptIds, data, services]);
  return entries;
}
