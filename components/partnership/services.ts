import type { InsertOutcome } from '@/lib/messages';
import type { Partnership, PartnershipSettings, SessionLogEntry } from '@/lib/partnerships';
import type { Profile } from '@/lib/profile';
import type { OutreachContext, Template } from '@/lib/templates';

export interface PartnershipData {
  profile?: Profile;
  partnerships: Partnership[];
  /** Stored partnerships that no longer read (kept in storage, not shown). */
  unreadable: number;
  settings: PartnershipSettings;
  /** The template library: the person's wording of the follow-up and thank-you messages. */
  templates: Template[];
  notificationsAllowed: boolean;
}

export interface NextPartner {
  id: string;
  name: string;
  title: string;
  /** "They teach TikTok; you teach Budgeting" */
  reason: string;
}

/** What the partnership page and the popup's Partners view need; injected so tests can drive them. */
export interface PartnershipServices {
  load(): Promise<PartnershipData>;
  /** Both profiles and what they exchange; the directory entry when it still lists the partner. */
  context(profile: Profile, partnership: Partnership): Promise<OutreachContext>;
  sessions(partnershipId: string): Promise<SessionLogEntry[]>;
  /** Saves, moves the partner record along and sets the reminder alarm as the partnership now says. */
  save(partnership: Partnership): Promise<Partnership>;
  addSession(entry: SessionLogEntry): Promise<SessionLogEntry>;
  saveSettings(settings: PartnershipSettings): Promise<PartnershipSettings>;
  saveProfile(profile: Profile): Promise<void>;
  /** Into the page Mutual was opened from; undefined when there is no such page. */
  insert(text: string): Promise<InsertOutcome | undefined>;
  copy(text: string): Promise<void>;
  download(fileName: string, text: string, type: string): void;
  /** Must be called directly in the click: the browser asks only during a user gesture. */
  requestNotifications(): Promise<boolean>;
  /** The best matches for the profile, without the people the person already asked. */
  nextPartners(profile: Profile, excludeIds: ReadonlySet<string>): Promise<NextPartner[]>;
  /** Opens the partnership page (from the popup). */
  openPage(partnershipId?: string): void;
  now(): Date;
}
