import { useCallback, useEffect, useState } from 'react';

const WAIT_MS = 4000;

interface Target {
  selector: string;
  /** whether the element found is where the change puts it (e.g. a moved row at its new place) */
  ready?: (el: HTMLElement) => boolean;
  until: number;
}

/**
 * Moves focus to the element a CSS selector names once a render has put it in place and enabled it: after a write,
 * the row a keyboard user acted on may move to another table or place, or its button may still be disabled for a
 * frame, and focusing too early would drop them at the top of the page. Gives up after a few seconds.
 */
export function usePendingFocus(): (selector: string, ready?: (el: HTMLElement) => boolean) => void {
  const [target, setTarget] = useState<Target | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.querySelector<HTMLElement>(target.selector);
    const found = el && !(el instanceof HTMLButtonElement && el.disabled) && (target.ready?.(el) ?? true);
    if (found) el.focus();
    if (found || performance.now() > target.until) {
      setTarget(null);
      return;
    }
    // not there yet (the data it shows is still on its way): look again on the next frame
    const frame = requestAnimationFrame(() => setTarget((t) => (t ? { ...t } : t)));
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return useCallback(
    (selector: string, ready?: (el: HTMLElement) => boolean) => setTarget({ selector, ready, until: performance.now() + WAIT_MS }),
    [],
  );
}

/** A `ready` check for a moved row: the element's list item or table row is at this index among its siblings. */
export const atIndex = (index: number, container: 'li' | 'tr') => (el: HTMLElement): boolean => {
  const row = el.closest(container);
  return !!row?.parentElement && Array.prototype.indexOf.call(row.parentElement.children, row) === index;
};
