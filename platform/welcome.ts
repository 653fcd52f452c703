import { browser } from 'wxt/browser';

/** The options page at its welcome (components/profile/Welcome), in a new tab. */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
}
