import { join } from 'node:path';
import { launch, quickStart } from '../tests/e2e/harness';

/**
 * `npm run build:test && npx tsx scripts/screenshot.ts`: retakes docs/screenshot-popup.png from
 * the real extension: a quick-start profile matched against the built-in demo directory.
 */
const mutual = await launch();
try {
  const popup = await mutual.openPopup();
  await popup.setViewportSize({ width: 420, height: 600 });
  await quickStart(popup);
  const list = popup.getByRole('list', { name: 'Ranked partners' });
  await list.and(popup.locator('[aria-busy="false"]')).waitFor({ timeout: 15_000 });
  await list.locator(':scope > li').first().getByRole('button', { name: 'Why this match' }).click();
  await popup.screenshot({ path: join(import.meta.dirname, '../docs/screenshot-popup.png') });
} finally {
  await mutual.close();
}
