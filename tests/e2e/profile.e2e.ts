import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launch, seriousAxeViolations, type Mutual } from './harness';

const LINKEDIN = join(FIXTURES_DIR, 'linkedin');

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

async function saveStatus(page: Page): Promise<string> {
  return (await page.locator('.save-status [role="status"]').textContent()) ?? '';
}

async function openProfile(mutual: Mutual): Promise<{ page: Page; form: Locator }> {
  const page = await mutual.openOptions();
  const form = page.getByRole('form', { name: 'Your profile' });
  await form.waitFor();
  return { page, form };
}

describe('profile in the options page', () => {
  let mutual: Mutual;
  beforeAll(async () => {
    mutual = await launch();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('moves between sections with the keyboard', async () => {
    const { page } = await openProfile(mutual);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await page.keyboard.press('Tab');
    expect(await isFocused(nav.getByRole('link', { name: 'Profile' }))).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await isFocused(nav.getByRole('link', { name: 'Your data' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page.locator('#your-data'))).toBe(true);
    // The page marks the link once it has handled the hashchange, which may come after the focus moved.
    await expect.poll(() => nav.getByRole('link', { name: 'Your data' }).getAttribute('aria-current')).toBe('location');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('button', { name: 'Export my profile' }))).toBe(true);
    await page.close();
  });

  async function fillInByKeyboardMouseAndLinkedIn(): Promise<void> {
    const { page, form } = await openProfile(mutual);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Keyboard: the fields of "About you" follow each other in the tab order.
    await form.getByLabel('Name', { exact: true }).click();
    await page.keyboard.type('Priya Raman');
    await page.keyboard.press('Tab');
    expect(await isFocused(form.getByLabel('Work email'))).toBe(true);
    await page.keyboard.type('priya@northwind.example');
    await page.keyboard.press('Tab');
    expect(await isFocused(form.getByLabel('Job title'))).toBe(true);
    await page.keyboard.type('Product lead');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Product');
    await form.getByLabel('Career stage').selectOption('senior');

    // A typo finds its skill; arrow keys and Enter take it.
    const teach = form.getByRole('combobox', { name: 'Skill to teach (row 1)' });
    await teach.click();
    await page.keyboard.type('negotiaton');
    const option = page.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => option.textContent()).toMatch(/^Negotiation/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    expect(await teach.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await teach.inputValue()).toBe('Negotiation');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End'); // Level: Expert
    expect(await form.getByRole('combobox', { name: 'Level (row 1)' }).inputValue()).toBe('expert');

    // Mouse: a suggestion clicked, a priority chosen, partnership kinds ticked.
    await form.getByRole('combobox', { name: 'Skill to learn (row 1)' }).click();
    await page.keyboard.type('tik tok');
    await form.getByRole('option', { name: /^TikTok/ }).click();
    await form.getByRole('combobox', { name: 'Priority (row 1)' }).selectOption('high');
    await form.getByRole('textbox', { name: 'Concrete ask (row 1)' }).fill('be able to run our TikTok account');
    await form.getByRole('checkbox', { name: /Reverse mentoring, as the senior/ }).click();

    // LinkedIn: both files at once; the location is filled, what was typed stays.
    await form.getByLabel(/Choose LinkedIn export files/).setInputFiles([join(LINKEDIN, 'Skills.csv'), join(LINKEDIN, 'Profile.csv')]);
    await expect.poll(() => page.locator('.linkedin-import').textContent()).toMatch(/Added 8 skills to “I can teach”.*Filled in your location\./);
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Priya Raman');
    expect(await form.getByLabel('Job title').inputValue()).toBe('Product lead');
    expect(await form.getByLabel('Location').inputValue()).toBe('Berlin, Germany');

    await expect.poll(() => saveStatus(page)).toMatch(/^Saved at \d/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  async function typeAndCloseAtOnce(): Promise<void> {
    const { page, form } = await openProfile(mutual);
    await form.getByRole('textbox', { name: 'Interests' }).fill('Chess');
    await form.getByRole('textbox', { name: 'Interests' }).press('Enter');
    const capacity = form.getByLabel('How many partners at a time');
    await capacity.fill('eleven');
    // Closed at once: the autosave's pause has not passed.
    await page.close({ runBeforeUnload: true });
  }

  async function findEverythingAfterRestart(): Promise<void> {
    await mutual.restart();
    const { page, form } = await openProfile(mutual);
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Priya Raman');
    expect(await form.getByLabel('Work email').inputValue()).toBe('priya@northwind.example');
    expect(await form.getByLabel('Department or team').inputValue()).toBe('Product');
    expect(await form.getByLabel('Career stage').inputValue()).toBe('senior');
    const teachSkills = await form.getByRole('combobox', { name: /^Skill to teach/ }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(teachSkills).toEqual([
      'Negotiation',
      'Project management',
      'Public speaking',
      'JavaScript',
      'Stakeholder management',
      'Data analysis',
      'Microsoft Excel',
      'Research, Design & Strategy',
      'Sourdough Baking',
    ]);
    expect(await form.getByRole('combobox', { name: 'Level (row 1)' }).inputValue()).toBe('expert');
    expect(await form.getByRole('combobox', { name: 'Skill to learn (row 1)' }).inputValue()).toBe('TikTok');
    expect(await form.getByRole('textbox', { name: 'Concrete ask (row 1)' }).inputValue()).toBe('be able to run our TikTok account');
    expect(await form.getByRole('checkbox', { name: /Reverse mentoring, as the senior/ }).isChecked()).toBe(true);
    expect(await form.getByLabel('Location').inputValue()).toBe('Berlin, Germany');
    expect(await form.getByRole('list', { name: 'Interests' }).textContent()).toContain('Chess');
    // The invalid number came back as typed, with its message.
    const capacity = form.getByLabel('How many partners at a time');
    expect(await capacity.inputValue()).toBe('eleven');
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Enter a number of partners from 0 to 10').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  async function exportThenDeleteEverything(): Promise<void> {
    const { page, form } = await openProfile(mutual);
    const data = page.getByRole('region', { name: 'Your data' });
    const [profileDownload] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Export my profile' }).click()]);
    const file = JSON.parse(await readFile((await profileDownload.path())!, 'utf8')) as { format: string; profile: { name: string; capacity: number } };
    expect(file).toMatchObject({ format: 'mutual-profile', profile: { name: 'Priya Raman', capacity: 1 } });

    const [allDownload] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Export all my data' }).click()]);
    const all = JSON.parse(await readFile((await allDownload.path())!, 'utf8')) as { stores: Record<string, unknown[]> };
    expect(Object.keys(all.stores).sort()).toEqual(['directoryChunks', 'directoryIndex', 'directorySources', 'outreachLog', 'partners', 'partnershipSessions', 'partnerships', 'profile', 'settings', 'templates']);

    await data.getByRole('button', { name: 'Delete all my data' }).click();
    await data.getByRole('button', { name: 'Yes, delete everything' }).click();
    // Deleting waits for a directory sync that is saving (the restart above started one).
    await expect.poll(() => data.textContent(), { timeout: 15_000 }).toMatch(/Deleted all your data from this browser/);
    await page.reload();
    await page.getByRole('form', { name: 'Your profile' }).waitFor();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  }
  // One journey, in one test: each step builds on what the person did in the step before, so the
  // steps are never run (or reported) apart from each other.
  it('is filled in, keeps what was typed just before a close, survives a restart, exports and deletes', { timeout: 180_000 }, async () => {
    await fillInByKeyboardMouseAndLinkedIn();
    await typeAndCloseAtOnce();
    await findEverythingAfterRestart();
    await exportThenDeleteEverything();
  });
});
