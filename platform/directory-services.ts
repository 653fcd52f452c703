import { browser } from 'wxt/browser';
import {
  deleteSource,
  importFile,
  labelForUrl,
  listSources,
  loadDirectoryMeta,
  loadDirectorySettings,
  loadSourceStates,
  maxAgeDays,
  updateDirectorySettings,
  urlSourceId,
  type DirectorySource,
} from '@/lib/directory';
import { parseMessage } from '@/lib/messages';
import { readPolicy } from './directory-policy';
import { onManagedStorageChange } from './managed-storage';
import { send } from './messaging';

const originPattern = (origin: string) => `${origin}/*`;

/** Gives host access back when no remaining feed needs the origin: Mutual keeps only what it uses. */
async function releaseOrigin(removed: DirectorySource | undefined): Promise<void> {
  if (removed?.kind !== 'url') return;
  const origin = new URL(removed.url).origin;
  const settings = await loadDirectorySettings();
  const stillUsed = settings.sources.some((source) => source.kind === 'url' && new URL(source.url).origin === origin);
  if (!stillUsed) await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

export const directoryServices = {
  async load() {
    const [settings, policy, states, meta] = await Promise.all([loadDirectorySettings(), readPolicy(), loadSourceStates(), loadDirectoryMeta()]);
    const byId = new Map(states.map((state) => [state.id, state]));
    return {
      sources: listSources(settings, policy).map((source) => ({ ...source, ...(byId.has(source.id) ? { state: byId.get(source.id)! } : {}) })),
      policy,
      ...(meta ? { meta } : {}),
    };
  },
  requestAccess: (origin: string) => browser.permissions.request({ origins: [originPattern(origin)] }),
  async addFeed(url: string) {
    const id = urlSourceId(url, false);
    await updateDirectorySettings((settings) => ({
      ...settings,
      sources: settings.sources.some((source) => source.id === id) ? settings.sources : [...settings.sources, { id, kind: 'url', url, label: labelForUrl(url) }],
    }));
    return send({ type: 'directory/sync', sourceId: id });
  },
  async removeSource(id: string) {
    const settings = await loadDirectorySettings();
    const removed = listSources(settings, {}).find((source) => source.id === id);
    await updateDirectorySettings((current) => ({ ...current, sources: current.sources.filter((source) => source.id !== id) }));
    await deleteSource(id);
    await releaseOrigin(removed);
    return send({ type: 'directory/sync', sourceId: id });
  },
  async setDemoEnabled(enabled: boolean) {
    await updateDirectorySettings((settings) => ({ ...settings, demoEnabled: enabled }));
    return send({ type: 'directory/sync', sourceId: 'demo' });
  },
  async importFile({ name, bytes }: { name: string; bytes: Uint8Array }) {
    const policy = await readPolicy();
    const id = `file:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const source = { id, kind: 'file', fileName: name, label: name.slice(0, 120), enabled: true, locked: false } as const;
    // Checked and stored first: a file with nothing usable is never added as a source.
    await importFile(source, bytes, { maxAgeDays: maxAgeDays(policy) });
    await updateDirectorySettings((settings) => ({ ...settings, sources: [...settings.sources, { id, kind: 'file', fileName: source.fileName.slice(0, 255), label: source.label }] }));
    return send({ type: 'directory/sync', sourceId: id });
  },
  sync: (sourceId?: string) => send(sourceId ? { type: 'directory/sync', sourceId } : { type: 'directory/sync' }),
  onChanged(listener: () => void) {
    const onMessage = (message: unknown) => {
      if (parseMessage(message)?.type === 'directory/changed') listener();
    };
    browser.runtime.onMessage.addListener(onMessage);
    // The organization's name and join form come from policy, which may answer after the page opened.
    const stopPolicy = onManagedStorageChange(listener);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      stopPolicy();
    };
  },
};
