import { browser } from 'wxt/browser';
import type { PartnershipServices } from '@/components/partnership/services';
import { loadEntriesAt } from '@/lib/directory';
import { loadDirectoryIndex, positionsOf, rank } from '@/lib/match';
import {
  addSession,
  contextFor,
  loadPartnerships,
  loadPartnershipSettings,
  loadSessions,
  rememberedPartner,
  savePartnership,
  savePartnershipSettings,
} from '@/lib/partnerships';
import { loadProfile, saveProfile } from '@/lib/profile';
import { loadTemplates } from '@/lib/templates';
import { insertIntoTab } from '@/platform/insert';
import { notificationsAllowed, requestNotifications, scheduleReminder } from '@/platform/reminders';
import { findTargetTab } from '@/platform/target-tab';
import { readManagedTemplates } from '@/platform/templates-policy';

/** How many next partners the page suggests. */
const NEXT_PARTNERS = 3;

/** Names from the directory, for partnerships that only know a partner's email. */
async function directoryNames(ids: string[]): Promise<Map<string, string>> {
  const loaded = await loadDirectoryIndex();
  const entries = loaded ? await loadEntriesAt(positionsOf(loaded.index, ids)) : [];
  return new Map(entries.map((entry) => [entry.id, entry.name]));
}

/** The partnership page's services; `search` is the page's query (?tab= names the page to insert into). */
export function partnershipServices(search: string = location.search): PartnershipServices {
  return {
    async load() {
      const [profile, loaded, settings, managed, allowed] = await Promise.all([loadProfile(), loadPartnerships(directoryNames), loadPartnershipSettings(), readManagedTemplates(), notificationsAllowed()]);
      return { profile, ...loaded, settings, templates: await loadTemplates(managed.templates), notificationsAllowed: allowed };
    },
    async context(profile, partnership) {
      const loaded = await loadDirectoryIndex();
      const entry = loaded ? (await loadEntriesAt(positionsOf(loaded.index, [partnership.partnerId]))).find((candidate) => candidate.id === partnership.partnerId) : undefined;
      return contextFor(profile, entry ?? rememberedPartner(partnership, profile.timeZone));
    },
    sessions: loadSessions,
    async save(partnership) {
      const saved = await savePartnership(partnership);
      await scheduleReminder(saved);
      return saved;
    },
    addSession,
    saveSettings: savePartnershipSettings,
    saveProfile,
    async insert(text) {
      const tabId = Number(new URLSearchParams(search).get('tab'));
      return Number.isInteger(tabId) && tabId > 0 ? insertIntoTab(tabId, text) : undefined;
    },
    copy: (text) => navigator.clipboard.writeText(text),
    download(fileName, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    requestNotifications,
    async nextPartners(profile, excludeIds) {
      const loaded = await loadDirectoryIndex();
      if (!loaded) return [];
      const results = rank(loaded.index, profile, { mode: profile.matchMode, top: NEXT_PARTNERS, excludeIds });
      const entries = await loadEntriesAt(results.map((result) => result.position));
      return results.map((result, i) => {
        const { theyTeachMe, iTeachThem } = result.explanation;
        const reason = [
          theyTeachMe.length ? `They teach ${[...new Set(theyTeachMe.map((meet) => meet.theirText))].join(', ')}` : '',
          iTeachThem.length ? `you teach ${[...new Set(iTeachThem.map((meet) => meet.myText))].join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
        return { id: entries[i]!.id, name: entries[i]!.name, title: entries[i]!.title, reason };
      });
    },
    openPage(partnershipId) {
      void findTargetTab().then((tab) => {
        const query = new URLSearchParams();
        if (partnershipId) query.set('id', partnershipId);
        if (tab !== undefined) query.set('tab', String(tab));
        void browser.tabs.create({ url: browser.runtime.getURL(`/partnership.html?${query.toString()}`) });
      });
    },
    now: () => new Date(),
  };
}
