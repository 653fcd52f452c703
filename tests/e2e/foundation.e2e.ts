import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousAxeViolations, type Mutual } from './harness';

describe('foundation', () => {
  let mutual: Mutual;
  beforeAll(async () => {
    mutual = await launch();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('renders the popup and the options page', async () => {
    const popup = await mutual.openPopup();
    await expect(popup.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Mutual');
    const options = await mutual.openOptions();
    await expect(options.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Mutual');
    expect(await seriousAxeViolations(options)).toEqual([]);
  });

  it('opens the real popup from a toolbar click', async () => {
    const page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/blank.html'));
    await mutual.clickToolbar(page);
    await expect(mutual.waitForRealPopup()).resolves.toBe(mutual.extensionUrl('popup.html'));
    await expect.poll(() => mutual.evaluateInRealPopup<string>('document.querySelector("h1")?.textContent ?? ""')).toContain('Mutual');
  });
});
