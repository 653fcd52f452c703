import { useEffect, useRef } from 'react';

/** The selected tab of the popup's views. */
function selectedTab(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
}

/** The card of one partner in the current view, if it is shown. */
function cardElement(id: string): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>('[data-partner-id]')].find((card) => card.getAttribute('data-partner-id') === id);
}

/**
 * A card the user hid, shortlisted or unshortlisted may leave its view: focus then goes to the next
 * card (or the previous, or the tab), never to the page body. Call `willLeave` before the change.
 */
export function useFocusAfterCardLeaves(): (id: string) => void {
  const leaving = useRef<{ id: string; next: string[] }>(undefined);
  useEffect(() => {
    const pending = leaving.current;
    if (!pending || cardElement(pending.id)) return;
    leaving.current = undefined;
    // Only focus that fell with the card is moved: never taken from where the user went since.
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = pending.next.map(cardElement).find((card) => card !== undefined);
    (next ?? selectedTab())?.focus();
  });
  return (id: string) => {
    const ids = [...document.querySelectorAll('[data-partner-id]')].map((card) => card.getAttribute('data-partner-id')!);
    const at = ids.indexOf(id);
    leaving.current = { id, next: [...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0)).reverse()] };
  };
}

/** The quick start's form leaves the page once saved: its focus goes to the results' tab, not the body. Call the returned function on save. */
export function useFocusTabAfterQuickStart(): () => void {
  const quickStarted = useRef(false);
  useEffect(() => {
    if (!quickStarted.current || !selectedTab()) return;
    quickStarted.current = false;
    if (document.activeElement === document.body || !document.activeElement) selectedTab()?.focus();
  });
  return () => {
    quickStarted.current = true;
  };
}
