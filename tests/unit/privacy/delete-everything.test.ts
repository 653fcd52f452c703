import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDirectoryMeta, loadSourceStates, syncDirectory, type DirectorySource } from '../../../lib/directory';
import { privacyServices } from '../../../platform/privacy-services';
import { feedPerson, jsonFeed, resetDatabase } from '../directory/helpers';

const FEED = 'https://intranet.example.com/mentors.json';
const source: DirectorySource = { id: `url:${FEED}`, kind: 'url', url: FEED, label: 'Intranet', enabled: true, locked: false };

beforeEach(() => {
  resetDatabase();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

function grant(origins: string[], manifestHosts: string[] = []) {
  let granted = [...origins];
  fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: granted, permissions: [] }));
  fakeBrowser.permissions.remove = vi.fn(async ({ origins: removed = [] }) => {
    granted = granted.filter((origin) => !removed.includes(origin));
    return true;
  });
  fakeBrowser.runtime.getManifest = vi.fn(() => ({ manifest_version: 3 as const, name: 'Mutual', version: '0.1.0', host_permissions: manifestHosts }));
  return () => granted;
}

describe('"Delete all my data" in the browser', () => {
  it('gives back the feed sites, asks the background to rebuild the menu, and keeps what the manifest itself holds', async () => {
    const granted = grant(['https://intranet.example.com/*', 'https://hr.example.org/*', 'http://127.0.0.1/*'], ['http://127.0.0.1/*']);
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const deleted = await privacyServices.deleteAllData();
    expect(deleted).toEqual({ cleared: expect.arrayContaining(['profile', 'templates', 'directorySources']), releasedOrigins: ['https://intranet.example.com', 'https://hr.example.org'], menuRebuilt: true });
    expect(granted()).toEqual(['http://127.0.0.1/*']);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'templates/changed' });
  });

  it('still deletes everything when the background cannot be reached, and says the menu was not rebuilt', async () => {
    grant([]);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await privacyServices.deleteAllData()).toMatchObject({ releasedOrigins: [], menuRebuilt: false });
  });

  it('leaves nothing of a sync that ran while everything was deleted', async () => {
    grant([]);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    let respond: () => void = () => undefined;
    const fetched = new Promise<void>((resolve) => (respond = resolve));
    const sync = syncDirectory([source], {
      fetch: (async () => {
        await fetched;
        return new Response(jsonFeed([feedPerson('ada@example.com')]), { status: 200, headers: { 'content-type': 'application/json' } });
      }) as unknown as typeof fetch,
      maxAgeDays: 365,
      buildIndex: () => ({}),
    });
    const deleting = privacyServices.deleteAllData();
    respond();
    await Promise.all([sync, deleting]);
    expect(await loadDirectoryMeta()).toBeUndefined();
    expect(await loadSourceStates()).toEqual([]);
  });
});
