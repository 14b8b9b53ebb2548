import { useEffect, useState } from 'react';

/**
 * Whether an element's content is wider than the element (it scrolls sideways, e.g. a wide
 * table on a phone). Such a region must be reachable from the keyboard so that it can be
 * scrolled (WCAG 2.1.1; axe `scrollable-region-focusable`): give it `tabIndex={0}` while this
 * is true, and no extra tab stop otherwise. Returns a callback ref for the element (it may
 * mount later than its owner) and the answer.
 */
export function useScrollsSideways<E extends HTMLElement>(): [(el: E | null) => void, boolean] {
  const [el, setEl] = useState<E | null>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, [el]);
  return [setEl, scrolls];
}
