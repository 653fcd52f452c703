import '@/platform/zod-csp';
import { browser } from 'wxt/browser';
import { parseMessage } from '@/lib/messages';
import { syncHere } from '@/platform/directory-sync';

// Chromium's offscreen document: runs the syncs the service worker hands it (platform/offscreen.ts).
browser.runtime.onMessage.addListener((raw: unknown, sender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseMessage(raw);
  return message?.type === 'offscreen/sync' ? syncHere(message) : undefined;
});
