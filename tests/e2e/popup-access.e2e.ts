import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, quickStart, seriousAxeViolations, settled, type Mutual } from './harness';

/**
 * The popup for people who use the keyboard, large text or assistive technology: focus moves to
 * the next card when one leaves the list, the real toolbar popup reflows at 200% text without
 * sideways scrolling or clipping, and every view passes axe-core.
 */

interface Overflow {
  width: number;
  /** Of the popup's content (the page's own 420 px sizing line is invisible and may be cut off). */
  scrollWidth: number;
  /** Visible elements reaching past the right edge: clipped or reachable only sideways. */
  clipped: string[];
  /** The controls that were out of reach at 200% before (right edges). */
  hiddenTab: number;
  filters: number;
}

/** Evaluated inside the popup, at `fontSize` for the root (200% text: "200%"). */
async function overflowAt(fontSize: string): Promise<Overflow> {
  document.documentElement.style.fontSize = fontSize;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const width = document.documentElement.clientWidth;
  const main = document.querySelector('main')!;
  const clipped = [...document.querySelectorAll<HTMLElement>('main *')]
    .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
    .filter((element) => element.getBoundingClientRect().right > width + 0.5 || element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === 'hidden')
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? '').slice(0, 30)}”`);
  const right = (selector: string, text: string) => [...document.querySelectorAll(selector)].find((element) => element.textContent?.startsWith(text))!.getBoundingClientRect().right;
  return { width, scrollWidth: main.scrollWidth, clipped, hiddenTab: right('[role="tab"]', 'Hidden'), filters: right('button', 'Filters') };
}

/** Evaluated inside the popup at its default size: the rows of the view tabs, and the search's placeholder against its box. */
function firstScreenText(): { tabRows: number; placeholder: number; searchBox: number } {
  const tops = new Set([...document.querySelectorAll('[role="tab"]')].map((tab) => Math.round(tab.getBoundingClientRect().top)));
  const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  const style = getComputedStyle(search);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = style.font;
  return {
    tabRows: tops.size,
    placeholder: context.measureText(search.placeholder).width,
    searchBox: search.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
  };
}

/** Evaluated inside the popup: the chosen template's name against the room the picker gives it. */
function templatePicker(): { name: string; lines: number; fits: number; height: number; width: number } {
  const select = document.querySelector<HTMLSelectElement>('section.outreach select')!;
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = style.font;
  const fontSize = parseFloat(style.fontSize);
  const name = select.selectedOptions[0]!.textContent ?? '';
  // The room beside the picker's arrow, which takes about 1.5 em.
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.5 * fontSize;
  const lines = Math.ceil(context.measureText(name).width / room);
  return { name, lines, fits: Math.floor((select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / (fontSize * 1.1)), height: select.clientHeight, width: select.getBoundingClientRect().right - document.documentElement.clientWidth };
}

/** Evaluated inside the real popup: the usual text size, and the matches rather than a reach-out panel. */
/** Clicks the first card's Reach out in the real popup; false while no card is rendered (the list may re-render under load). */
const CLICK_FIRST_REACH_OUT = `(() => { const button = document.querySelector('[data-partner-id] button.primary'); if (!button) return false; button.click(); return true; })()`;

const BACK_TO_MATCHES = `(() => {
  document.documentElement.style.fontSize = '';
  [...document.querySelectorAll('section.outreach button')].find((button) => button.textContent.startsWith('Back'))?.click();
  return true;
})()`;

const focusedCard = (popup: Page) => popup.evaluate(() => document.activeElement?.getAttribute('data-partner-id'));
const cardIds = (popup: Page, list: string) => popup.getByRole('list', { name: list }).locator(':scope > li').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-partner-id')));

describe('popup accessibility', () => {
  let mutual: Mutual;
  let popup: Page;

  beforeAll(async () => {
    mutual = await launch();
    popup = await mutual.openPopup();
    await popup.setViewportSize({ width: 420, height: 600 });
    await quickStart(popup);
    await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
  });
  afterAll(async () => {
    await mutual?.close();
  });

  /** A real toolbar click on a blank page; resolves with that page once the real popup shows cards (after `first`, if given). */
  async function realPopupWithCards(first?: string): Promise<Page> {
    const page = await mutual.context.newPage();
    await page.goto(mutual.server.url('/blank.html'));
    await mutual.clickToolbar(page);
    await mutual.waitForRealPopup();
    if (first) await mutual.evaluateInRealPopup(first);
    await expect.poll(() => mutual.evaluateInRealPopup<number>('document.querySelectorAll("[data-partner-id]").length'), { timeout: 10_000 }).toBeGreaterThan(0);
    return page;
  }

  it('hiding a card from the keyboard moves focus to the next card, not to the page', async () => {
    await settled(popup);
    const [first, second] = await cardIds(popup, 'Ranked partners');
    await popup.locator(`[data-partner-id="${first}"]`).getByRole('button', { name: /^Hide/ }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => focusedCard(popup)).toBe(second);
    expect(await cardIds(popup, 'Ranked partners')).not.toContain(first);
    expect(await popup.locator('[role="status"]').first().textContent()).toMatch(/hidden$/);
  });

  it('taking a card off the shortlist moves focus to the next one; the last one hands focus to the tab', async () => {
    const [a, b] = await cardIds(popup, 'Ranked partners');
    for (const id of [a, b]) await popup.locator(`[data-partner-id="${id}"]`).getByRole('button', { name: /^Shortlist/ }).click();
    await popup.getByRole('tab', { name: 'Shortlist' }).click();
    await expect.poll(() => cardIds(popup, 'Shortlist').then((ids) => ids.sort())).toEqual([a, b].sort());
    const [top, next] = await cardIds(popup, 'Shortlist');
    await popup.locator(`[data-partner-id="${top}"]`).getByRole('button', { name: /^Shortlisted/ }).press('Enter');
    await expect.poll(() => focusedCard(popup)).toBe(next);
    await popup.locator(`[data-partner-id="${next}"]`).getByRole('button', { name: /^Shortlisted/ }).press('Enter');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role') + ' ' + document.activeElement?.textContent)).toBe('tab Shortlist');
  });

  it('passes axe-core in every view: matches, shortlist, my asks, hidden, the outreach panel and its blanks', async () => {
    for (const view of ['Matches', 'Shortlist', 'My asks', 'Hidden']) {
      await popup.getByRole('tab', { name: view }).click();
      await popup.getByRole('tabpanel', { name: view }).waitFor();
      expect(await seriousAxeViolations(popup), view).toEqual([]);
    }
    await popup.getByRole('tab', { name: 'Matches' }).click();
    await popup.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().getByRole('button', { name: /^Reach out/ }).click();
    await popup.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'First meeting: setting expectations' });
    await popup.getByRole('group', { name: 'Fill in before it can leave Mutual' }).waitFor();
    await popup.getByRole('button', { name: 'Copy message' }).click();
    expect(await popup.getByLabel('Your objective for the partnership').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: /^Back/ }).click();
  });

  it('at its default size the real toolbar popup shows the five views on one row of tabs and the whole search placeholder', async () => {
    const page = await realPopupWithCards();
    const seen = await mutual.evaluateInRealPopup<ReturnType<typeof firstScreenText>>(`(${firstScreenText.toString()})()`);
    expect(seen.tabRows).toBe(1);
    expect(seen.placeholder).toBeLessThanOrEqual(seen.searchBox);
    await page.close();
  });

  it('reflows the real toolbar popup at 200% text: no sideways scrolling, nothing clipped, Hidden and Filters in reach', async () => {
    const page = await realPopupWithCards();
    const matches = await mutual.evaluateInRealPopup<Overflow>(`(${overflowAt.toString()})('200%')`);
    expect(matches.scrollWidth).toBeLessThanOrEqual(matches.width);
    expect(matches.clipped).toEqual([]);
    expect(matches.hiddenTab).toBeLessThanOrEqual(matches.width);
    expect(matches.filters).toBeLessThanOrEqual(matches.width);

    // The outreach panel at 200% text: still no sideways scrolling, and Insert stays in view.
    await expect.poll(() => mutual.evaluateInRealPopup<boolean>(CLICK_FIRST_REACH_OUT), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => mutual.evaluateInRealPopup<string>('document.querySelector("section.outreach select")?.value ?? ""'), { timeout: 10_000 }).not.toBe('');
    await expect.poll(() => mutual.evaluateInRealPopup<boolean>(`[...document.querySelectorAll('button')].some((button) => button.textContent === 'Insert into page')`), { timeout: 10_000 }).toBe(true);
    const panel = await mutual.evaluateInRealPopup<{ width: number; scrollWidth: number; insertBottom: number; height: number; hit: boolean }>(`(() => {
      const insert = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Insert into page');
      const rect = insert.getBoundingClientRect();
      return { width: document.documentElement.clientWidth, scrollWidth: document.querySelector('main').scrollWidth, insertBottom: rect.bottom, height: innerHeight, hit: document.elementFromPoint(rect.left + 4, rect.top + 4) === insert };
    })()`);
    expect(panel.scrollWidth).toBeLessThanOrEqual(panel.width);
    expect(panel.insertBottom).toBeLessThanOrEqual(panel.height);
    expect(panel.hit).toBe(true);
    await page.close();
  });

  it('at 200% text the outreach template picker shows the whole name of the longest template it offers', async () => {
    // The popup as the test before left it may still show a reach-out panel: back to the matches first.
    const page = await realPopupWithCards(BACK_TO_MATCHES);
    await mutual.evaluateInRealPopup('document.documentElement.style.fontSize = "200%"');
    await expect.poll(() => mutual.evaluateInRealPopup<boolean>(CLICK_FIRST_REACH_OUT), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => mutual.evaluateInRealPopup<string>('document.querySelector("section.outreach select")?.value ?? ""'), { timeout: 10_000 }).not.toBe('');
    // The longest name offered, chosen as a person would (the change event the panel listens to).
    await mutual.evaluateInRealPopup(`(() => {
      const select = document.querySelector('section.outreach select');
      select.value = [...select.options].sort((a, b) => b.textContent.length - a.textContent.length)[0].value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const picker = await mutual.evaluateInRealPopup<ReturnType<typeof templatePicker>>(`(${templatePicker.toString()})()`);
    expect(picker.lines, picker.name).toBeGreaterThan(1);
    expect(picker.fits, `${picker.name} in ${picker.height} px`).toBeGreaterThanOrEqual(picker.lines);
    expect(picker.width).toBeLessThanOrEqual(0);
    await mutual.evaluateInRealPopup(BACK_TO_MATCHES);
    await page.close();
  });

  it('reflows at 200% zoom: Chrome caps a popup at 800 × 600 device pixels, so 400 × 300 CSS pixels', async () => {
    const zoomed = await mutual.openPopup();
    const cdp = await mutual.context.newCDPSession(zoomed);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 300, deviceScaleFactor: 2, mobile: false });
    await zoomed.getByRole('list', { name: 'Ranked partners' }).locator(':scope > li').first().waitFor();
    const overflow = await zoomed.evaluate(overflowAt, '100%');
    expect(overflow.width).toBeLessThanOrEqual(400);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    expect(overflow.clipped).toEqual([]);
    expect(overflow.hiddenTab).toBeLessThanOrEqual(overflow.width);
    expect(overflow.filters).toBeLessThanOrEqual(overflow.width);
    await zoomed.close();
  });
});
