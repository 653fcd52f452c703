import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNames, launch, seriousAxeViolations, settled, type Mutual } from './harness';

/**
 * A profile typed the way people write skills — a phrase ("video editing for TikTok") and a
 * transposition ("Budegting") — finds the partner who fits, and Mutual says how it read them.
 */
const today = new Date().toISOString().slice(0, 10);

function entry(name: string, careerStage: string, teach: [string, string][], learn: [string, string][]) {
  return {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    title: 'Colleague',
    department: 'Marketing',
    location: 'London',
    timeZone: 'Europe/London',
    careerStage,
    languages: ['English'],
    teach: teach.map(([skill, level]) => ({ name: skill, level })),
    learn: learn.map(([skill, priority]) => ({ name: skill, priority, ask: '' })),
    capacity: 2,
    consent: { optedIn: true, date: today },
    updatedAt: today,
  };
}

/** Judged: Rosa teaches both skills of the phrase and wants what I teach; the others fit less or not at all. */
const CAST = [
  entry('Sam Snapper', 'early', [['Instagram', 'expert'], ['CapCut', 'expert']], [['Budgeting', 'high']]),
  entry('Theo Editor', 'mid', [['Video editing', 'intermediate']], [['Welding', 'high']]),
  entry('Una Welder', 'early', [['Welding', 'expert']], [['Welding', 'low']]),
  entry('Rosa Creator', 'early', [['Video editing', 'expert'], ['tik tok', 'advanced']], [['Budgeting', 'high']]),
];
const FEED = JSON.stringify({ format: 'mutual-directory', version: 1, name: 'Creators', generatedAt: new Date().toISOString(), entries: CAST });

async function hintOf(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('matching: skills read the way people write them', () => {
  let mutual: Mutual;
  let options: Page;

  beforeAll(async () => {
    mutual = await launch();
    mutual.server.route('/creators.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(FEED));
    options = await mutual.openOptions();
  });

  afterAll(async () => {
    await mutual?.close();
  });

  it('uses only the creators directory', async () => {
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toMatch(/200 people from 1 source/);
    // The checkbox follows the stored setting, so it turns off once the demo is off.
    const demo = section.getByRole('checkbox', { name: /Use the demo directory/ });
    await demo.click();
    await expect.poll(() => demo.isChecked(), { timeout: 15_000 }).toBe(false);
    await section.getByLabel('Feed URL').fill(mutual.server.url('/creators.json'));
    await section.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toMatch(/OK: 4 entries/);
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toMatch(/4 people from 1 source/);
  });

  it('says under each skill what it was read as while the profile is typed', async () => {
    const form = options.getByRole('form', { name: 'Your profile' });
    await form.getByLabel('Name', { exact: true }).fill('Jordan Lee');
    const teach = form.getByRole('combobox', { name: 'Skill to teach (row 1)' });
    await teach.fill('Budegting');
    await teach.press('Escape');
    await form.getByRole('combobox', { name: 'Level (row 1)' }).selectOption('expert');
    const learn = form.getByRole('combobox', { name: 'Skill to learn (row 1)' });
    await learn.fill('video editing for TikTok');
    await learn.press('Escape');
    await form.getByRole('combobox', { name: 'Priority (row 1)' }).selectOption('high');
    await expect.poll(() => hintOf(teach)).toBe('read as Budgeting (closest spelling)');
    await expect.poll(() => hintOf(learn)).toBe('read as Video editing + TikTok');
    await expect.poll(() => form.getByText('read as Video editing + TikTok').isVisible()).toBe(true);
    // The words typed are kept: the reading is Mutual's.
    expect(await learn.inputValue()).toBe('video editing for TikTok');
    await expect.poll(() => options.locator('.save-status [role="status"]').textContent(), { timeout: 10_000 }).toMatch(/^Saved at \d/);
    expect(await seriousAxeViolations(options)).toEqual([]);
  });

  it('finds the right partner in the popup, and its reasons show the typo was read', async () => {
    const popup = await mutual.openPopup();
    await settled(popup);
    await expect.poll(() => cardNames(popup), { timeout: 10_000 }).toContain('Rosa Creator');
    const names = await cardNames(popup);
    expect(names[0]).toBe('Rosa Creator');
    expect(names).not.toContain('Una Welder');
    const rosa = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
    await rosa.getByRole('button', { name: 'Why this match' }).click();
    const why = rosa.locator('.why');
    await expect.poll(() => why.textContent()).toContain("Wants to learn Budgeting from you (you wrote 'Budegting')");
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('Can teach you Video editing (expert)');
    expect(text).toMatch(/TikTok \(advanced\)/);
    // Their "tik tok" is shown by its canonical name, and nothing says a guess was made about it.
    expect(text).not.toMatch(/they wrote/);
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('labels who fits a search by the search, never as a weak match, and says how many match', async () => {
    const popup = await mutual.openPopup();
    await settled(popup);
    await popup.getByRole('searchbox').fill('who can teach me video editing');
    await settled(popup);
    await expect.poll(() => cardNames(popup)).toContain('Theo Editor');
    const theo = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li', { hasText: 'Theo Editor' });
    // Theo teaches video editing but wants nothing I teach: a low two-way score, yet exactly whom I asked for.
    expect(await theo.locator('.score').textContent()).toMatch(/Fits your search$/);
    // The card says why he is a result of the search.
    expect(await theo.textContent()).toContain('Your search: teaches Video editing');
    expect(await popup.getByRole('list', { name: 'Ranked partners' }).locator('.score').allTextContents()).not.toContainEqual(expect.stringMatching(/Weak match/));
    await expect.poll(() => popup.locator('.result-count').textContent()).toMatch(/^\d+ people match$/);

    // "someone in Marketing who knows …": the department filters, the skill ranks.
    await popup.getByRole('searchbox').fill('someone in Marketing who knows TikTok');
    await settled(popup);
    await expect.poll(() => cardNames(popup)).toEqual(['Rosa Creator']);
    await popup.close();
  });

  it('says what to do when a search finds nobody, and clears it from the keyboard with the focus back in the search', async () => {
    const popup = await mutual.openPopup();
    await settled(popup);
    const search = popup.getByRole('searchbox');
    await search.fill('someone in Marketing who knows quantum knitting');
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'No match for' }).textContent()).toContain('Try fewer words or another spelling, or clear the search.');
    await popup.getByRole('button', { name: 'Clear search' }).focus();
    await popup.keyboard.press('Enter');
    expect(await search.inputValue()).toBe('');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await settled(popup);
    expect((await cardNames(popup)).length).toBeGreaterThan(0);
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('shows how many people match and lets the person see more than the first 20', async () => {
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
    const demo = section.getByRole('checkbox', { name: /Use the demo directory/ });
    await demo.click();
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toMatch(/204 people from 2 source/);
    const popup = await mutual.openPopup();
    await settled(popup);
    const list = popup.getByRole('list', { name: 'Ranked partners' });
    await expect.poll(() => list.locator(':scope > li').count(), { timeout: 10_000 }).toBe(20);
    await expect.poll(() => popup.locator('.result-count').textContent(), { timeout: 10_000 }).toMatch(/^(\d+) people match, best 20 shown$/);
    const total = Number(/^(\d+)/.exec((await popup.locator('.result-count').textContent())!)![1]);
    expect(total).toBeGreaterThan(20);
    await popup.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await expect.poll(() => list.locator(':scope > li').count()).toBe(Math.min(40, total));
    // Focus moves to the first new card, not to the page body.
    expect(await popup.evaluate(() => document.activeElement?.closest('li')?.querySelector('h3')?.textContent)).toBe((await cardNames(popup))[20]);
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
