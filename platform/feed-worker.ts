import { browser } from 'wxt/browser';
import type { ParallelSync } from '@/lib/directory';
import { connectFeedWorker } from '@/lib/directory/feed-worker';
import { joinMatchIndexes } from '@/lib/match';

/**
 * A second thread for the sync, where this context can start workers: Firefox's background page
 * and Chromium's offscreen document can, Chromium's service worker cannot.
 */
export function feedWorkers(): ParallelSync | undefined {
  if (typeof Worker !== 'function') return undefined;
  return {
    startWorker: () => connectFeedWorker(new Worker(browser.runtime.getURL('/feed-worker.js'))),
    joinIndexes: joinMatchIndexes,
  };
}
