/**
 * The element that opened the panel gets focus back on close, or its twin if the list was
 * re-rendered meanwhile; only when focus was lost with the panel, never taken from elsewhere.
 */
export function focusReturner(opener: Element | null): () => void {
  const partnerId = opener?.closest('[data-partner-id]')?.getAttribute('data-partner-id');
  const label = opener?.textContent;
  return () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    if (opener instanceof HTMLElement && opener.isConnected) return opener.focus();
    const card = [...document.querySelectorAll('[data-partner-id]')].find((element) => element.getAttribute('data-partner-id') === partnerId);
    [...(card?.querySelectorAll<HTMLElement>('button, a[href]') ?? [])].find((element) => element.textContent === label)?.focus();
  };
}
