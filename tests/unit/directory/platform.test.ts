import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_DIRECTORY_SIZE, loadDirectoryMeta, loadSourceStates, updateDirectorySettings } from '../../../lib/directory';
import { readPolicy } from '../../../platform/directory-policy';
import { MANAGED_FIRST_WAIT_MS, MANAGED_WAIT_MS, onManagedStorageChange } from '../../../platform/managed-storage';
import { SYNC_ALARM, handleAlarm, handleInstalled, handleStartup, syncEverySource, syncHere, syncOnPolicyChange, syncOneSource } from '../../../platform/directory-sync';
import { parseMessage } from '../../../lib/messages';
import { syncInOffscreen } from '../../../platform/offscreen';
import { resetDatabase } from './helpers';
import { loadDirectoryIndex } from '../../../lib/match';

const FEED = 'https://intranet.example.com/mentors.json';

beforeEach(() => {
  resetDatabase();
  vi.restoreAllMocks();
});

describe('background directory wiring', () => {
  it('stores the demo directory on install, schedules syncs and tells open pages', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await handleInstalled({ reason: 'install' });
    const loaded = await loadDirectoryIndex();
    expect(loaded?.meta.count).toBe(DEMO_DIRECTORY_SIZE);
    expect(loaded?.index.count).toBe(DEMO_DIRECTORY_SIZE);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 360 });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'directory/changed', version: loaded!.meta.version });
  });

  it('syncs on startup and on its alarm only', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    await handleStartup();
    const version = (await loadDirectoryMeta())?.version;
    expect(version).toBeDefined();
    await handleAlarm({ name: 'something-else' });
    await handleAlarm({ name: SYNC_ALARM });
    expect((await loadSourceStates()).map((state) => state.id)).toEqual(['demo']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('does not fetch a feed the user has not granted access to', async () => {
    await updateDirectorySettings((settings) => ({ ...settings, sources: [{ id: `url:${FEED}`, kind: 'url', url: FEED, label: 'Intranet' }] }));
    fakeBrowser.permissions.contains = vi.fn(async () => false);
    const fetch = vi.spyOn(globalThis, 'fetch');
    const summary = await syncEverySource();
    expect(fetch).not.toHaveBeenCalled();
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://intranet.example.com/*'] });
    expect(summary.ok).toBe(false);
    expect(summary.sources.find((source) => source.id === `url:${FEED}`)?.message).toMatch(/no access/);
  });

  it('syncs one source alone ("Sync now" on it), or every source', async () => {
    await updateDirectorySettings((settings) => ({ ...settings, sources: [{ id: `url:${FEED}`, kind: 'url', url: FEED, label: 'Intranet' }] }));
    fakeBrowser.permissions.contains = vi.fn(async () => true);
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await syncOneSource('demo');
    expect(fetch).not.toHaveBeenCalled();
    expect((await loadDirectoryMeta())?.count).toBe(DEMO_DIRECTORY_SIZE);
    const summary = await syncOneSource(`url:${FEED}`);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(summary.sources.find((source) => source.id === `url:${FEED}`)?.ok).toBe(false);
    await syncEverySource();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('follows the policy: the demo can be turned off by the organization', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ demoDirectory: false, organizationName: 'Acme', directoryFeeds: ['not a url'] } as never);
    await syncEverySource();
    expect((await loadDirectoryMeta())?.count).toBe(0);
  });

  it('does not wait for a slow policy service once it has answered before, and syncs again when a policy answers late', async () => {
    let answer!: (policy: unknown) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get')
      .mockResolvedValueOnce({} as never)
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)) as never)
      .mockResolvedValue({ demoDirectory: false } as never);
    expect(await readPolicy()).toEqual({});
    const stop = syncOnPolicyChange();
    // Resolves while the policy service has not answered: the demo is in place all the same.
    await syncEverySource();
    expect((await loadDirectoryMeta())?.count).toBe(DEMO_DIRECTORY_SIZE);
    answer({ demoDirectory: false });
    await vi.waitFor(async () => expect((await loadDirectoryMeta())?.count).toBe(0), { timeout: 3_000 });
    stop();
  });

  it('waits for the first answer of a policy service that never answered, so "no demo" holds from the first sync', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      () => new Promise((resolve) => setTimeout(() => resolve({ demoDirectory: false }), MANAGED_WAIT_MS + 300)) as never,
    );
    await handleInstalled({ reason: 'install' });
    expect((await loadDirectoryMeta())?.count).toBe(0);
    expect((await loadSourceStates()).map((state) => state.id)).not.toContain('demo');
  });

  it('gives up waiting for a first answer after MANAGED_FIRST_WAIT_MS, and hears the late answer', async () => {
    vi.useFakeTimers();
    try {
      let answer!: (policy: unknown) => void;
      vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
      const heard = vi.fn();
      const stop = onManagedStorageChange(heard);
      const policy = readPolicy();
      await vi.advanceTimersByTimeAsync(MANAGED_FIRST_WAIT_MS - 1);
      let settled = false;
      void policy.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await policy).toEqual({});
      answer({ demoDirectory: false });
      await vi.advanceTimersByTimeAsync(0);
      expect(heard).toHaveBeenCalledTimes(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the copy of the last policy while the policy service is slow to answer', async () => {
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValueOnce({ organizationName: 'Acme' } as never);
    expect(await readPolicy()).toEqual({ organizationName: 'Acme' });
    get.mockImplementationOnce(() => new Promise(() => undefined) as never);
    expect(await readPolicy()).toEqual({ organizationName: 'Acme' });
  });

  it('treats absent managed storage as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readPolicy()).toEqual({});
  });

  it('runs one sync at a time', async () => {
    const events: string[] = [];
    let calls = 0;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(async () => {
      events.push(`read policy ${++calls}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return {};
    });
    await Promise.all([syncEverySource().then(() => events.push('done 1')), syncEverySource().then(() => events.push('done 2'))]);
    expect(events).toEqual(['read policy 1', 'done 1', 'read policy 2', 'done 2']);
  });

  it('hands the sync to an offscreen document, where a worker can start, and closes it after', async () => {
    const GRANTED = 'https://granted.example.com/feed.json';
    await updateDirectorySettings((settings) => ({
      ...settings,
      sources: [
        { id: `url:${FEED}`, kind: 'url', url: FEED, label: 'Intranet' },
        { id: `url:${GRANTED}`, kind: 'url', url: GRANTED, label: 'Granted' },
      ],
    }));
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }) => origins?.[0] === 'https://granted.example.com/*');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('not a feed', { status: 500 }));
    vi.spyOn(fakeBrowser.runtime, 'getContexts').mockResolvedValue([] as never);
    const create = vi.spyOn(fakeBrowser.offscreen, 'createDocument').mockResolvedValue();
    const close = vi.spyOn(fakeBrowser.offscreen, 'closeDocument').mockResolvedValue();
    const handed: unknown[] = [];
    // The offscreen document's side (entrypoints/offscreen) runs in this test's process.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (raw: unknown) => {
      const message = parseMessage(raw);
      if (message?.type !== 'offscreen/sync') throw new Error('Could not establish connection. Receiving end does not exist.');
      handed.push(message);
      return syncHere(message);
    });
    const summary = await syncEverySource();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: '/offscreen.html', reasons: ['WORKERS'] }));
    expect(handed).toEqual([expect.objectContaining({ type: 'offscreen/sync', allowedUrls: [GRANTED] })]);
    expect(close).toHaveBeenCalledOnce();
    expect(summary.sources.map((source) => [source.id, source.ok])).toEqual([
      ['demo', true],
      [`url:${FEED}`, false],
      [`url:${GRANTED}`, false],
    ]);
    expect(summary.sources[1]!.message).toMatch(/no access/);
    expect(summary.sources[2]!.message).toMatch(/500/);
  });

  it('syncs in the service worker itself when no offscreen document can be opened', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getContexts').mockResolvedValue([] as never);
    vi.spyOn(fakeBrowser.offscreen, 'createDocument').mockRejectedValue(new Error('offscreen is not allowed'));
    vi.spyOn(fakeBrowser.offscreen, 'closeDocument').mockRejectedValue(new Error('No current offscreen document.'));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const summary = await syncEverySource();
    expect(summary.ok).toBe(true);
    expect((await loadDirectoryMeta())?.count).toBe(DEMO_DIRECTORY_SIZE);
  });

  it('ends an offscreen sync that does not answer, and does not run it again in the service worker', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getContexts').mockResolvedValue([] as never);
    vi.spyOn(fakeBrowser.offscreen, 'createDocument').mockResolvedValue();
    const close = vi.spyOn(fakeBrowser.offscreen, 'closeDocument').mockResolvedValue();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => new Promise(() => undefined));
    const here = vi.fn();
    const answer = await syncInOffscreen({ type: 'offscreen/sync', settings: {}, policy: {}, allowedUrls: [] }, here, 50);
    expect(answer).toEqual({ ok: false, version: '', sources: [{ id: 'directory', ok: false, message: expect.stringMatching(/^The sync took too long .* and was stopped; the directory in use stays as it was\./) }] });
    expect(close).toHaveBeenCalledOnce();
    expect(here).not.toHaveBeenCalled();
  });
});
