import { browser } from 'wxt/browser';
import type { PopupData, PopupServices } from '@/components/popup/services';
import { loadDirectoryMeta, loadEntriesAt, loadSourceStates } from '@/lib/directory';
import type { loadDirectoryIndex, RankedPartner } from '@/lib/match';
import { parseMessage } from '@/lib/messages';
import { saveOutreachDraft } from '@/lib/compose';
import { hiddenIds, loadPartners, logOutreach, updatePartner } from '@/lib/partners';
import { insertIntoTab } from '@/platform/insert';
import { emptyProfile, loadProfile, saveProfile, type MatchMode, type Profile } from '@/lib/profile';
import { loadLastRanking, loadLastResults, rankingKey, saveLastResults } from '@/lib/ranking-cache';

/** How many ranked partners the popup shows. */
const TOP = 20;
/** Long enough for the first paint to happen before a large index is read (and deserialized). */
const INDEX_PREFETCH_DELAY_MS = 300;

/**
 * The engine (ranking, the skill taxonomy, fuse.js) is loaded after the first paint, not before it:
 * a popup that paints its kept ranking never waits for it, and the first ranking or search loads it.
 */
let engine: Promise<typeof import('@/lib/match')> | undefined;
const matchEngine = () => (engine ??= import('@/lib/match'));

/**
 * The template library (built-ins, the user's, the organization's) is read when an outreach panel
 * opens. Its store module, not the capability's index: importing the index at run time would keep
 * every template export in the chunk the popup loads first.
 */
async function loadOutreachTemplates() {
  const [{ loadTemplates }, { readManagedTemplates }] = await Promise.all([import('@/lib/templates/store'), import('@/platform/templates-policy')]);
  return loadTemplates((await readManagedTemplates()).templates);
}

type LoadedDirectory = NonNullable<Awaited<ReturnType<typeof loadDirectoryIndex>>>;
let directory: Promise<LoadedDirectory | undefined> | undefined;

/** The match index, loaded once per popup (and again when the directory changes). */
function currentDirectory(): Promise<LoadedDirectory | undefined> {
  directory ??= matchEngine().then((match) => match.loadDirectoryIndex());
  return directory;
}

function keyFor(directoryVersion: string, profile: Profile, mode: MatchMode, excludeIds: Iterable<string>): string {
  return rankingKey({ directoryVersion, profileUpdatedAt: profile.updatedAt, mode, hiddenIds: [...excludeIds], top: TOP, day: localDay(new Date()) });
}

/** The kept ranking the last load painted: the first rank() for the same key answers with it, not another read. */
let servedRanking: { key: string; results: RankedPartner[] } | undefined;

async function loadPopupData(): Promise<PopupData> {
  // The index is not read here: the first paint may come from the last ranking, read alongside.
  const [profile, meta, partners, sources, kept] = await Promise.all([loadProfile(), loadDirectoryMeta(), loadPartners(), loadSourceStates(), loadLastRanking()]);
  const data: PopupData = { profile, directory: meta && { version: meta.version, count: meta.count }, partners, sources };
  if (profile && meta && kept?.key === keyFor(meta.version, profile, profile.matchMode, hiddenIds(partners))) {
    data.initialResults = kept.results;
    servedRanking = kept;
  }
  return data;
}

let earlyLoad: Promise<PopupData> | undefined;

/** Starts the first load while the page still looks up its tab and renders "Loading". */
export function startPopupLoad(): void {
  earlyLoad = loadPopupData();
  // A rejection is reported by the load() call that takes this promise, not here.
  earlyLoad.catch(() => undefined);
}

const localDay = (now: Date) => `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;

export const popupServices: PopupServices = {
  load() {
    const early = earlyLoad;
    earlyLoad = undefined;
    return early ?? loadPopupData();
  },
  async rank(profile, options) {
    const top = options.top ?? TOP;
    const plain = top === TOP && !options.query.trim() && Object.values(options.filters).every((value) => value === undefined);
    const { directoryVersion, top: _top, ...rankOptions } = options;
    const key = plain && keyFor(directoryVersion, profile, options.mode, options.excludeIds);
    const kept = key && (servedRanking?.key === key ? servedRanking.results : await loadLastResults(key));
    if (kept) {
      // Read the index once the kept ranking is on screen, for the filters and the next search.
      setTimeout(() => void currentDirectory(), INDEX_PREFETCH_DELAY_MS);
      return kept;
    }
    const [loaded, { rank }] = await Promise.all([currentDirectory(), matchEngine()]);
    if (!loaded) return [];
    const results = rank(loaded.index, profile, { ...rankOptions, top });
    const entries = await loadEntriesAt(results.map((result) => result.position));
    const ranked = results.map((match, i): RankedPartner => ({ entry: entries[i]!, match }));
    // Only a ranking of the directory that was read is kept: the key names that directory's version.
    if (key && loaded.meta.version === directoryVersion) void saveLastResults(key, ranked);
    return ranked;
  },
  async countMatches(profile, options) {
    const [loaded, { countMatches }] = await Promise.all([currentDirectory(), matchEngine()]);
    return loaded ? countMatches(loaded.index, profile, options) : 0;
  },
  async filterChoices() {
    const [loaded, { filterChoices }] = await Promise.all([currentDirectory(), matchEngine()]);
    return loaded ? filterChoices(loaded.index) : { ergs: [], departments: [], languages: [] };
  },
  async entriesById(ids) {
    const [loaded, { positionsOf }] = await Promise.all([currentDirectory(), matchEngine()]);
    if (!loaded) return [];
    return loadEntriesAt(positionsOf(loaded.index, ids));
  },
  updatePartner: (id, change) => updatePartner(id, change),
  saveProfile: (profile) => saveProfile(profile),
  newProfile: () => emptyProfile(),
  outreach: {
    loadTemplates: loadOutreachTemplates,
    insert: (tabId, message) => insertIntoTab(tabId, message.body, { subject: message.subject }),
    copy: (text) => navigator.clipboard.writeText(text),
    log: logOutreach,
    setStatus: (id, status) => updatePartner(id, { status }),
    saveOutreachDraft: saveOutreachDraft,
  },
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
