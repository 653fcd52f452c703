import { browser } from 'wxt/browser';
import type { PopupServices, RankedPartner } from '@/components/popup/services';
import type { MatchSummary } from '@/components/popup/view-model';
import { loadDirectoryIndex, loadEntriesAt, loadSourceStates } from '@/lib/directory';
import { filterChoices, rank, type MatchResult } from '@/lib/match';
import { parseMessage } from '@/lib/messages';
import { loadPartners, updatePartner } from '@/lib/partners';
import { emptyProfile, loadProfile, saveProfile } from '@/lib/profile';

/** How many ranked partners the popup shows. */
const TOP = 20;

type LoadedDirectory = NonNullable<Awaited<ReturnType<typeof loadDirectoryIndex>>>;
let directory: Promise<LoadedDirectory | undefined> | undefined;

function currentDirectory(): Promise<LoadedDirectory | undefined> {
  directory ??= loadDirectoryIndex();
  return directory;
}

function summarize(result: MatchResult): MatchSummary {
  const { explanation } = result;
  return {
    score: result.score,
    reasons: result.reasons,
    theyTeachMe: unique(explanation.theyTeachMe.map((meet) => meet.theirText)),
    iTeachThem: unique(explanation.iTeachThem.map((meet) => meet.myText)),
    sharedErgs: explanation.commonGround.ergs,
    sharedInterests: explanation.commonGround.interests,
    factors: explanation.factors,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export const popupServices: PopupServices = {
  async load() {
    const [profile, loaded, partners, sources] = await Promise.all([loadProfile(), currentDirectory(), loadPartners(), loadSourceStates()]);
    return {
      profile,
      directory: loaded && { version: loaded.meta.version, count: loaded.meta.count },
      partners,
      sources,
      filterChoices: loaded ? filterChoices(loaded.index) : { ergs: [], departments: [], languages: [] },
    };
  },
  async rank(profile, options) {
    const loaded = await currentDirectory();
    if (!loaded) return [];
    const results = rank(loaded.index, profile, { ...options, top: TOP });
    const entries = await loadEntriesAt(results.map((result) => result.position));
    return results.map((result, i): RankedPartner => ({ entry: entries[i]!, match: summarize(result) }));
  },
  async entriesById(ids) {
    const loaded = await currentDirectory();
    if (!loaded) return [];
    const wanted = new Set(ids);
    const positions = loaded.index.ids.flatMap((id: string, position: number) => (wanted.has(id) ? [position] : []));
    return loadEntriesAt(positions);
  },
  updatePartner: (id, change) => updatePartner(id, change),
  saveProfile: (profile) => saveProfile(profile),
  newProfile: () => emptyProfile(),
  outreachContext: (me, partner) => ({
    me,
    partner: partner.entry,
    theyTeachMe: [...(partner.match?.theyTeachMe ?? [])],
    iTeachThem: [...(partner.match?.iTeachThem ?? [])],
    sharedErgs: [...(partner.match?.sharedErgs ?? [])],
    sharedInterests: [...(partner.match?.sharedInterests ?? [])],
  }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  onDirectoryChanged(listener) {
    const onMessage = (message: unknown) => {
      if (parseMessage(message)?.type === 'directory/changed') {
        directory = undefined;
        listener();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};
