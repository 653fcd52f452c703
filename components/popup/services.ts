import type { DirectoryEntry } from '@/lib/directory/entry';
import type { RankedPartner } from '@/lib/match';
import type { PartnerRecord } from '@/lib/partners/model';
import type { MatchMode, Profile } from '@/lib/profile/model';
import type { OutreachServices } from '@/components/outreach/services';
import type { Filters, FilterChoices } from './FilterBar';

interface SourceStatus {
  id: string;
  label: string;
  ok: boolean;
  message: string;
  lastGoodSync?: string;
}

export interface PopupData {
  profile?: Profile;
  directory?: { version: string; count: number };
  partners: ReadonlyMap<string, PartnerRecord>;
  sources: SourceStatus[];
  /** The kept ranking for the profile's mode without filters or search, when it is still current. */
  initialResults?: RankedPartner[];
}

/** Everything the popup needs from storage, the engine and the browser; injected so tests can drive it. */
export interface PopupServices {
  /** What the popup shows first; the first call may be answered by a read started before React rendered. */
  load(): Promise<PopupData>;
  /** `directoryVersion` is the version `load` saw: a kept ranking of that version may answer at once. */
  rank(
    profile: Profile,
    options: { directoryVersion: string; mode: MatchMode; filters: Filters; query: string; excludeIds: ReadonlySet<string>; top?: number },
  ): Promise<RankedPartner[]>;
  /** How many people match the same request (rank with no limit); absent where counting is not offered. */
  countMatches?(profile: Profile, options: { mode: MatchMode; filters: Filters; query: string; excludeIds: ReadonlySet<string> }): Promise<number>;
  /** The ERGs, departments and languages of the directory, for the filters. */
  filterChoices(): Promise<FilterChoices>;
  entriesById(ids: readonly string[]): Promise<DirectoryEntry[]>;
  updatePartner(id: string, change: Partial<Pick<PartnerRecord, 'shortlisted' | 'hidden' | 'status' | 'match'>>): Promise<PartnerRecord>;
  saveProfile(profile: Profile): Promise<void>;
  newProfile(): Profile;
  /** What the reach-out panel uses: templates, insertion, the clipboard and the outreach log. */
  outreach: OutreachServices;
  openOptions(): void;
  /** Calls `listener` when the stored directory changes; returns the unsubscribe function. */
  onDirectoryChanged(listener: () => void): () => void;
}
