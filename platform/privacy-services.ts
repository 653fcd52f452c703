import { browser } from 'wxt/browser';
import { deleteAllData } from '@/lib/privacy';
import { send } from './messaging';

/** Host access Mutual holds beyond its manifest's own: the feed sites it asked for at run time. */
async function grantedOrigins(): Promise<string[]> {
  const [{ origins = [] }, manifest] = await Promise.all([browser.permissions.getAll(), Promise.resolve(browser.runtime.getManifest())]);
  const required = new Set((manifest as { host_permissions?: string[] }).host_permissions ?? []);
  return origins.filter((origin) => !required.has(origin));
}

async function releaseOrigins(): Promise<string[]> {
  const origins = await grantedOrigins().catch(() => []);
  if (!origins.length) return [];
  const removed = await browser.permissions.remove({ origins }).catch(() => false);
  return removed ? origins.map((pattern) => pattern.replace(/\/\*$/, '')) : [];
}

export const privacyServices = {
  async deleteAllData() {
    const cleared = await deleteAllData();
    const [releasedOrigins, menuRebuilt] = await Promise.all([
      releaseOrigins(),
      // The background rebuilds the right-click menu from the templates that remain: the built-in ones.
      send({ type: 'templates/changed' }).then(
        () => true,
        () => false,
      ),
    ]);
    return { cleared, releasedOrigins, menuRebuilt };
  },
};
