// A panel that opens under a table or map when a cell is chosen (Coverage, the evidence map): it scrolls into view
// without taking focus, Escape closes it as it closes every dialog (unless a dialog on top takes it), and closing
// returns focus to the cell that opened it, never to the page body.
import { useCallback, useEffect, useRef, type RefObject } from 'react';

export function useCellPanel(cellKey: string, onClose: () => void): { ref: RefObject<HTMLElement | null>; close: () => void } {
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (document.activeElement instanceof HTMLElement && !ref.current?.contains(document.activeElement)) opener.current = document.activeElement;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cellKey]);
  const close = useCallback(() => {
    onClose();
    if (opener.current?.isConnected) opener.current.focus();
  }, [onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  return { ref, close };
}
