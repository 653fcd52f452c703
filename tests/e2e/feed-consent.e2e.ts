import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNames, launch, quickStart, seriousAxeViolations, settled, type Mutual } from './harness';

/**
 * The promise the directory rests on: whoever withdraws is no longer listed. A Google Forms
 * responses sheet, published as CSV, lists a person; she submits the form again and answers "No";
 * at the next sync she disappears, although her older "Yes" is still in the sheet.
 */
const HEADER =
  'Timestamp,Email address,First name,Last name,Career stage,Languages you speak,What can you teach? [TikTok],What can you teach? [Negotiation],What do you want to learn? [Budgeting],Privacy and consent';
const CONSENT =
  '"I agree to be listed in the mentoring directory with my name, role and skills. I understand I can withdraw at any time by emailing people@example.org."';

/** Google Forms' timestamp, `daysAgo` days before now. */
function timestamp(daysAgo: number): string {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const hours = at.getUTCHours();
  const clock = `${hours % 12 || 12}:${String(at.getUTCMinutes()).padStart(2, '0')}:${String(at.getUTCSeconds()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${String(at.getUTCDate()).padStart(2, '0')} ${clock} GMT+0`;
}

const PRIYA_YES = `${timestamp(5)},priya.resubmit@example.org,Priya,Resubmit,Early career,English,Expert,,High,${CONSENT}`;
const TOMAS_YES = `${timestamp(4)},tomas.stays@example.org,Tomas,Stays,Senior,"English, Czech",,Expert,,${CONSENT}`;
/** The same person, a later response, another spelling of her email: the newest answer decides. */
const PRIYA_NO = `${timestamp(1)},Priya.Resubmit@Example.org,Priya,Resubmit,Early career,English,Expert,,High,"No thanks, please remove me"`;

describe('a resubmitted "No" in a form feed', () => {
  let mutual: Mutual;
  let options: Page;
  let rows = [PRIYA_YES, TOMAS_YES];

  beforeAll(async () => {
    mutual = await launch();
    mutual.server.route('/responses.csv', (_req, res) => void res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(`${[HEADER, ...rows].join('\r\n')}\r\n`));
    options = await mutual.openOptions();
  });

  afterAll(async () => {
    await mutual?.close();
  });

  const section = () => options.locator('section', { has: options.getByRole('heading', { name: 'Directory', level: 2 }) });
  const source = (): Locator => section().getByRole('listitem', { name: `127.0.0.1:${new URL(mutual.server.origin).port}/responses.csv` });

  async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
    await expect.poll(async () => (await locator.textContent()) ?? '', { timeout: 15_000 }).toMatch(text);
  }

  /** Names the popup's search finds for `query`, as a user sees them. */
  async function popupFinds(query: string): Promise<string[]> {
    const popup = await mutual.openPopup();
    try {
      // The first popup asks for the quick start, later ones show the search: wait for whichever it paints.
      const nameField = popup.getByLabel('Your name');
      await nameField.or(popup.getByRole('searchbox')).first().waitFor({ timeout: 15_000 });
      if (await nameField.isVisible()) await quickStart(popup);
      await popup.getByRole('searchbox').fill(query);
      const list = popup.getByRole('list', { name: 'Ranked partners' });
      const noMatch = popup.getByText(`No match for “${query}”.`);
      // Either ranked cards or the popup's own "No match" message, once the search has run.
      const shown = async () => ((await noMatch.count()) ? 'no match' : (await list.count()) ? 'cards' : 'waiting');
      await expect.poll(shown, { timeout: 10_000 }).not.toBe('waiting');
      if ((await shown()) === 'no match') return [];
      await settled(popup);
      return await cardNames(popup);
    } finally {
      await popup.close();
    }
  }

  it('lists the person who agreed with the checkbox sentence and its withdraw clause', async () => {
    await section().getByLabel('Feed URL').fill(mutual.server.url('/responses.csv'));
    await section().getByRole('button', { name: 'Add feed' }).click();
    await waitForText(source(), 'OK: all 2 rows listed');
    await waitForText(section(), /202 people from 2 source/);
    expect(await popupFinds('Priya Resubmit')).toContain('Priya Resubmit');
  });

  it('removes her at the next sync once she answers "No" again, though her old "Yes" is still in the sheet', async () => {
    rows = [PRIYA_YES, TOMAS_YES, PRIYA_NO];
    await source().getByRole('button', { name: /^Sync/ }).click();
    await waitForText(source(), '1 of 3 rows listed, 1 not opted in, 1 duplicate');
    await waitForText(section(), /201 people from 2 source/);
    expect(await seriousAxeViolations(options)).toEqual([]);
    expect(await popupFinds('Priya Resubmit')).not.toContain('Priya Resubmit');
    expect(await popupFinds('Tomas Stays')).toContain('Tomas Stays');
  });
});
