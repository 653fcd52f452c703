import '@/platform/zod-csp';
import { browser } from 'wxt/browser';
import { parseMessage, type Message } from '@/lib/messages';
import { onManagedStorageChange } from '@/platform/managed-storage';
import { handleAlarm, handleInstalled, handleStartup, syncEverySource, syncOnPolicyChange, syncOneSource } from '@/platform/directory-sync';
import { handleCommand, handleContextMenuClick, registerContextMenus } from '@/platform/context-menu';
import { welcomeOnInstalled } from '@/platform/welcome';
import { registerReminders } from '@/platform/reminders';

/**
 * The service worker only routes events to platform/ modules. It keeps no state of its own in
 * memory, so Chromium stopping it between events loses nothing.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener((details) => {
    void registerContextMenus();
    void handleInstalled(details);
    void welcomeOnInstalled(details);
  });
  browser.runtime.onStartup.addListener(() => {
    void registerContextMenus();
    void handleStartup();
  });
  browser.alarms.onAlarm.addListener((alarm) => void handleAlarm(alarm));
  registerReminders();
  syncOnPolicyChange();
  // The organization's templates are in the context menu too.
  onManagedStorageChange(() => void registerContextMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only Mutual's own pages may ask the background to act.
    if (sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http')) return undefined;
    const message = parseMessage(raw);
    return message ? route(message) : undefined;
  });
});

function route(message: Message): Promise<unknown> | undefined {
  switch (message.type) {
    case 'directory/sync':
      return message.sourceId ? syncOneSource(message.sourceId) : syncEverySource();
    case 'templates/changed':
      return registerContextMenus();
    case 'directory/changed':
    case 'offscreen/sync':
      return undefined;
  }
}
