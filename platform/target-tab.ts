import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on: the tab that was active when the toolbar button was clicked, or the tab
 * named by `?tab=` when the popup page is opened for a given tab (keyboard command, tests).
 */
export async function findTargetTab(search: string = location.search): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a page rather than a popup: the active tab is the popup itself, not a target.
  if (!active?.id || active.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
  return active.id;
}
