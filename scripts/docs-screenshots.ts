import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, quickStart } from '../tests/e2e/harness';

/**
 * `npm run build:test && npx tsx scripts/docs-screenshots.ts`: retakes the first-run screenshots
 * in docs/ from the real extension, light and dark: the welcome a new user gets on install, the
 * popup's results for a quick-start profile against the demo directory, and the outreach panel.
 */
const DOCS = join(import.meta.dirname, '../docs');
const POPUP = { width: 420, height: 600 };

const mutual = await launch();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const shot = (page: Page, name: string) => page.screenshot({ path: join(DOCS, `screenshot-${name}-${scheme}.png`) });

    const welcome = await mutual.openOptions();
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.setViewportSize({ width: 1000, height: 760 });
    await welcome.goto(mutual.extensionUrl('options.html#welcome'));
    await welcome.getByRole('region', { name: 'Welcome to Mutual' }).waitFor();
    await shot(welcome, 'welcome');
    await welcome.close();

    const popup = await mutual.openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize(POPUP);
    if (scheme === 'light') await quickStart(popup);
    const list = popup.getByRole('list', { name: 'Ranked partners' });
    await list.and(popup.locator('[aria-busy="false"]')).waitFor({ timeout: 15_000 });
    await shot(popup, 'popup-results');

    await list.locator(':scope > li').first().getByRole('button', { name: /^Reach out/ }).click();
    await popup.getByRole('combobox', { name: 'Template' }).waitFor();
    await shot(popup, 'outreach');
    // A template that needs something neither profile says: the blanks come first.
    await popup.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'First meeting: setting expectations' });
    await popup.getByRole('group', { name: 'Fill in before it can leave Mutual' }).waitFor();
    await shot(popup, 'outreach-blanks');
    await popup.close();
  }
} finally {
  await mutual.close();
}
