import { browser } from 'wxt/browser';

const WELCOMED_KEY = 'welcomed';

/**
 * The options page at its welcome (components/profile/Welcome), in a new tab, once per profile: a
 * flag in storage keeps it from coming back when the browser reports the same profile's extension
 * as installed again (an unpacked build loaded at every start does).
 */
async function openWelcome(): Promise<void> {
  if ((await browser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY] === true) return;
  await browser.storage.local.set({ [WELCOMED_KEY]: true });
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
}

/** runtime.onInstalled: a new install gets the welcome; an update, or a browser update, never does. */
export async function welcomeOnInstalled(details: { reason: string }): Promise<void> {
  if (details.reason === 'install') await openWelcome();
}
