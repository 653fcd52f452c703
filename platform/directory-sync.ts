import { browser } from 'wxt/browser';
import {
  DEFAULT_DIRECTORY_SETTINGS,
  DirectorySettingsSchema,
  listSources,
  loadDirectoryMeta,
  loadDirectorySettings,
  maxAgeDays,
  parsePolicy,
  syncDirectory,
} from '@/lib/directory';
import { buildMatchIndex } from '@/lib/match';
import type { Message, ResponseOf, SyncSummary } from '@/lib/messages';
import { readPolicy } from './directory-policy';
import { feedWorkers } from './feed-worker';
import { onManagedStorageChange } from './managed-storage';
import { syncInOffscreen } from './offscreen';

/**
 * The background side of the directory: when to sync (install, startup, every six hours, on
 * request) and the browser facts sync needs (policy, host permissions, fetch). Everything else is
 * lib/directory.
 */
export const SYNC_ALARM = 'directory-sync';
const SYNC_PERIOD_MINUTES = 6 * 60;

function hasHostAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }).catch(() => false);
}

async function announce(version: string): Promise<void> {
  const message: Message = { type: 'directory/changed', version };
  // Rejects with "Receiving end does not exist" when no page is open: nobody to tell.
  await browser.runtime.sendMessage(message).catch(() => undefined);
}

type OffscreenSync = Extract<Message, { type: 'offscreen/sync' }>;

/**
 * Runs a sync in this context, from what the background read for it: the user's settings, the
 * policy and the feeds Mutual holds host access to. Then tells every page.
 */
export async function syncHere(request: OffscreenSync): Promise<ResponseOf<OffscreenSync>> {
  const settings = DirectorySettingsSchema.safeParse(request.settings).data ?? DEFAULT_DIRECTORY_SETTINGS;
  const policy = parsePolicy(request.policy);
  const parallel = feedWorkers();
  const result = await syncDirectory(
    listSources(settings, policy),
    {
      fetch: (input, init) => fetch(input, init),
      maxAgeDays: maxAgeDays(policy),
      canFetch: (url) => Promise.resolve(request.allowedUrls.includes(url)),
      buildIndex: (entries) => buildMatchIndex(entries),
      ...(parallel ? { parallel } : {}),
    },
    request.sourceId,
  );
  // Also after a sync that stored nothing: the options page shows each source's new state.
  const version = result.saved?.version ?? (await loadDirectoryMeta().catch(() => undefined))?.version ?? '';
  await announce(version);
  return { ok: result.ok, sources: result.sources, version };
}

async function runSync(sourceId?: string): Promise<SyncSummary> {
  const [settings, policy] = await Promise.all([
    loadDirectorySettings().catch(() => DEFAULT_DIRECTORY_SETTINGS),
    readPolicy(),
  ]);
  const urls = listSources(settings, policy).flatMap((source) => (source.kind === 'url' ? [source.url] : []));
  const access = await Promise.all(urls.map(hasHostAccess));
  const request: OffscreenSync = {
    type: 'offscreen/sync',
    settings,
    policy,
    allowedUrls: urls.filter((_, i) => access[i]),
    ...(sourceId ? { sourceId } : {}),
  };
  const { ok, sources } = feedWorkers() ? await syncHere(request) : await syncInOffscreen(request, syncHere);
  return { ok, sources };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs syncs one after another, never overlapping. */
function queued(sourceId?: string): Promise<SyncSummary> {
  const run = queue.then(() => runSync(sourceId));
  queue = run.catch(() => undefined);
  return run;
}

/** Syncs every enabled source and re-merges the directory. */
export function syncEverySource(): Promise<SyncSummary> {
  return queued();
}

/** Syncs one source (the options page's "Sync now" on it) and re-merges with the others' last good copies. */
export function syncOneSource(sourceId: string): Promise<SyncSummary> {
  return queued(sourceId);
}

/** A policy that changes (or answers late) syncs again: its feeds join, or its "no demo" applies. */
export function syncOnPolicyChange(): () => void {
  return onManagedStorageChange(() => void syncEverySource());
}

async function scheduleSync(): Promise<void> {
  if (await browser.alarms.get(SYNC_ALARM)) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES });
}

/** First install stores the demo directory (and any policy feed) so the popup has people at once. */
export async function handleInstalled(_details?: { reason: string }): Promise<void> {
  await scheduleSync();
  await syncEverySource();
}

export async function handleStartup(): Promise<void> {
  await scheduleSync();
  await syncEverySource();
}

export async function handleAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === SYNC_ALARM) await syncEverySource();
}
