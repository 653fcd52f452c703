import { useEffect, useState } from 'react';

/** Cards that fill the popup's first screen: painted first, the rest of the list a frame later. */
const FIRST_SCREEN_CARDS = 5;

/** How many of `count` results to render: a first screen, then (after that paint) all of them. */
export function useFirstScreenFirst(count: number): number {
  const [all, setAll] = useState(false);
  const pending = !all && count > FIRST_SCREEN_CARDS;
  useEffect(() => {
    if (!pending) return;
    // A timeout queued from the frame callback runs after that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAll(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending]);
  return all ? count : Math.min(count, FIRST_SCREEN_CARDS);
}
