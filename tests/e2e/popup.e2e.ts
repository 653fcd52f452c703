import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNames, launch, quickStart, seriousAxeViolations, settled, type Mutual } from './harness';

describe('toolbar popup', () => {
  let mutual: Mutual;
  beforeAll(async () => {
    mutual = await launch();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  it('starts from a real toolbar click with the first-run path', async () => {
    // launch() waited for the install's welcome tab, which would otherwise close the popup by taking the focus.
    expect(mutual.context.pages().some((open) => open.url().includes('/options.html#welcome'))).toBe(true);
    const page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/blank.html'));
    await page.bringToFront();
    await mutual.clickToolbar(page);
    await mutual.waitForRealPopup();
    // The install's own work (the welcome tab, the demo directory's first sync) may still be running.
    await expect.poll(() => mutual.evaluateInRealPopup<string>('document.body.innerText'), { timeout: 10_000 }).toContain('Welcome to Mutual');
  });

  it('saves a quick start and ranks partners from the demo directory', async () => {
    const popup = await mutual.openPopup();
    await quickStart(popup);
    const list = popup.getByRole('list', { name: 'Ranked partners' });
    await expect.poll(() => list.locator(':scope > li').count(), { timeout: 5_000 }).toBeGreaterThan(5);
    const first = list.locator(':scope > li').first();
    await expect.poll(() => first.locator('.exchange').textContent()).toMatch(/You → them.*Them → you/s);
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('changes the list with the mode switch, filters and search', async () => {
    const popup = await mutual.openPopup();
    await expect.poll(() => cardNames(popup).then((names) => names.length), { timeout: 5_000 }).toBeGreaterThan(5);
    const twoWay = await cardNames(popup);
    await popup.getByRole('radio', { name: 'Reverse' }).check();
    await expect.poll(() => cardNames(popup)).not.toEqual(twoWay);

    await popup.getByRole('button', { name: /^Filters/ }).click();
    const department = popup.getByLabel('Department');
    const choice = (await department.locator('option').allTextContents())[1]!;
    await department.selectOption(choice);
    await expect
      .poll(async () => {
        const metas = await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li .card-meta:first-of-type').allTextContents();
        return metas.length > 0 && metas.every((meta) => meta.includes(choice));
      })
      .toBe(true);
    await department.selectOption('');

    await popup.getByRole('searchbox').fill('who can teach me budgeting');
    await settled(popup);
    await expect.poll(() => popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').count()).toBeGreaterThan(0);
    const exchange = await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li .exchange').first().textContent();
    expect(exchange).toMatch(/Budget/i);
    await popup.close();
  });

  it('keeps the shortlist and statuses across a browser restart', async () => {
    let popup = await mutual.openPopup();
    await popup.getByRole('radio', { name: 'Two-way' }).check();
    await settled(popup);
    const first = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first();
    const name = (await first.locator('h3').textContent())!;
    await first.getByRole('button', { name: `Shortlist ${name}` }).click();
    await first.getByLabel(`Status of ${name}`).selectOption('talking');
    await expect.poll(() => popup.getByRole('status').last().textContent()).toContain('talking');

    await mutual.restart();
    popup = await mutual.openPopup();
    await popup.getByRole('tab', { name: 'Shortlist' }).click();
    const shortlist = popup.getByRole('list', { name: 'Shortlist' });
    await expect.poll(() => shortlist.locator('h3').allTextContents()).toEqual([name]);
    await expect.poll(() => shortlist.getByLabel(`Status of ${name}`).inputValue()).toBe('talking');
    await popup.getByRole('tab', { name: 'My asks' }).click();
    await expect.poll(() => popup.getByRole('list', { name: 'Open asks' }).locator('h3').allTextContents()).toEqual([name]);
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });

  it('is used from the keyboard alone: views, mode, search and a card action', async () => {
    const popup = await mutual.openPopup();
    await settled(popup);
    await popup.getByRole('tab', { name: 'Matches' }).focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Shortlist');
    await popup.keyboard.press('ArrowLeft');
    // Tab from the tabs reaches the mode switch; arrows change the mode as in any radio group.
    await popup.keyboard.press('Tab');
    await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    const before = await cardNames(popup);
    await popup.keyboard.press('ArrowRight');
    await settled(popup);
    await expect.poll(() => cardNames(popup)).not.toEqual(before);
    await popup.keyboard.press('Tab');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await popup.keyboard.type('budgeting');
    await settled(popup);
    const why = popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().getByRole('button', { name: 'Why this match' });
    await why.focus();
    await popup.keyboard.press('Enter');
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await popup.close();
  });

  it('shows a failed sync and the time of the copy still in use', async () => {
    let failing = false;
    mutual.server.route('/team.json', (_req, res) => {
      if (failing) return void res.writeHead(503, 'Service Unavailable').end('maintenance');
      const feed = {
        format: 'mutual-directory',
        version: 1,
        name: 'Team',
        generatedAt: new Date().toISOString(),
        entries: [
          {
            name: 'Robin Vale',
            email: 'robin.vale@example.com',
            department: 'Strategy',
            careerStage: 'early',
            languages: ['English'],
            teach: [{ name: 'TikTok', level: 'expert' }],
            learn: [{ name: 'Budgeting', priority: 'high' }],
            capacity: 2,
            consent: { optedIn: true, date: new Date().toISOString().slice(0, 10) },
            updatedAt: new Date().toISOString(),
          },
        ],
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feed));
    });
    const options = await mutual.openOptions();
    const directory = options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
    await directory.getByLabel('Feed URL').fill(mutual.server.url('/team.json'));
    await directory.getByRole('button', { name: 'Add feed' }).click();
    const source = directory.getByRole('listitem', { name: /team\.json/ });
    await expect.poll(() => source.textContent(), { timeout: 15_000 }).toMatch(/OK: 1 entr/);
    failing = true;
    await source.getByRole('button', { name: /^Sync/ }).click();
    await expect.poll(() => source.textContent(), { timeout: 15_000 }).toMatch(/503/);

    const popup = await mutual.openPopup();
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 5_000 }).toMatch(/^Sync of .*team\.json failed: .*503.*Showing the copy from /);
    // The last good copy is still matched: Robin is in the directory.
    await popup.getByRole('searchbox').fill('Robin Vale');
    await settled(popup);
    expect(await cardNames(popup)).toContain('Robin Vale');
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });
});
