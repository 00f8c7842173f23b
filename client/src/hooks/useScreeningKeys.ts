import { useEffect, useLayoutEffect, useRef } from 'react';

export type ScreeningKey =
  | { kind: 'decide'; decision: 'include' | 'exclude' | 'maybe' }
  | { kind: 'reason'; index: number }
  | { kind: 'undo' }
  | { kind: 'move'; by: 1 | -1 };

// Typing in a field (the resolve note, the "You are" list) must never decide a record.
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null;
}

/** The screening keys on the whole page: I/E/M decide, 1–9 exclude with a reason, U or Ctrl+Z undo, J/→ K/← move. */
export function useScreeningKeys(enabled: boolean, onKey: (key: ScreeningKey) => void): void {
  const handler = useRef(onKey);
  useLayoutEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || inField(e.target)) return;
      const ctrl = e.ctrlKey || e.metaKey;
      let key: ScreeningKey | null = null;
      if (ctrl) {
        if (e.key.toLowerCase() === 'z' && !e.shiftKey) key = { kind: 'undo' };
      } else {
        const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
        if (k === 'i') key = { kind: 'decide', decision: 'include' };
        else if (k === 'e') key = { kind: 'decide', decision: 'exclude' };
        else if (k === 'm') key = { kind: 'decide', decision: 'maybe' };
        else if (k === 'u') key = { kind: 'undo' };
        else if (k === 'j' || k === 'ArrowRight') key = { kind: 'move', by: 1 };
        else if (k === 'k' || k === 'ArrowLeft') key = { kind: 'move', by: -1 };
        else if (/^[1-9]$/.test(k)) key = { kind: 'reason', index: Number(k) - 1 };
      }
      if (!key) return;
      e.preventDefault();
      handler.current(key);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
