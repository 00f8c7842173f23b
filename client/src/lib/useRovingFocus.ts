import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { moveFor, typeAheadMatch } from './rovingKeys.ts';

// typed letters within this long make one type-ahead word, as in a native <select>
const TYPE_AHEAD_MS = 700;
// a virtualised list renders a revealed item a frame or two later; give up after about a second
const REVEAL_FRAMES = 60;

export interface RovingOptions {
  /** each item's stable key, in display order: the focused item is remembered by key, so it survives a refetch */
  keys: readonly string[];
  /** the text type-ahead matches (the item's visible title) */
  textOf: (index: number) => string;
  /** the item the list stands on when nothing was focused yet (the selected one) */
  selectedKey?: string;
  /** how far PageUp/PageDown move; a function so a list can measure its height when the key is pressed */
  pageSize?: number | (() => number);
  /** off where single letters are shortcuts of the screen (screening's I/E/M/J/K) */
  typeAhead?: boolean;
  /** brings an item that is not rendered into the DOM (a virtualised list scrolls to it) */
  reveal?: (index: number) => void;
}

export interface RovingFocus<E extends HTMLElement> {
  /** index of the item that holds the list's one Tab stop (-1 when the list is empty) */
  active: number;
  /** the list element: put it on the element that contains the items */
  listRef: RefObject<E | null>;
  listProps: {
    onKeyDown: (e: KeyboardEvent<E>) => void;
    onFocus: (e: FocusEvent<E>) => void;
    onBlur: (e: FocusEvent<E>) => void;
  };
  /** props for item `index`: its tab stop and the key the hook finds it by */
  itemProps: (index: number) => { tabIndex: 0 | -1; 'data-roving-key': string };
  /** moves the Tab stop (and the focus, if asked) to an item, revealing it first if it is not rendered */
  focusItem: (index: number, focus?: boolean) => void;
}

/**
 * One Tab stop for a long list, arrow keys inside (the WAI-ARIA APG listbox keys): ↑/↓, Home/End, PageUp/PageDown and
 * type-ahead on each item's text. The focused item is remembered while the list is on screen, and when the focused
 * item itself goes away (merged, deleted, filtered out) focus moves to the item now in its place, never to the page.
 */
export function useRovingFocus<E extends HTMLElement = HTMLElement>(options: RovingOptions): RovingFocus<E> {
  const { keys, textOf, selectedKey, pageSize = 10, typeAhead = true, reveal } = options;
  const listRef = useRef<E | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const lastIndex = useRef(0);
  // the item element that has the focus, kept so a removal can be told apart from the user moving away
  const focused = useRef<HTMLElement | null>(null);
  const typed = useRef({ text: '', at: 0 });

  let active = activeKey === null ? -1 : keys.indexOf(activeKey);
  if (active < 0 && selectedKey !== undefined) active = keys.indexOf(selectedKey);
  if (active < 0) active = keys.length === 0 ? -1 : Math.min(lastIndex.current, keys.length - 1);
  if (active >= 0) lastIndex.current = active;

  const findItem = useCallback((key: string) => {
    return listRef.current?.querySelector<HTMLElement>(`[data-roving-key="${CSS.escape(key)}"]`) ?? null;
  }, []);

  const focusItem = useCallback((index: number, focus = true) => {
    const key = keys[index];
    if (key === undefined) return;
    setActiveKey(key);
    lastIndex.current = index;
    if (!focus) return;
    let frames = 0;
    const attempt = () => {
      const el = findItem(key);
      if (el) {
        el.focus();
        return;
      }
      if (frames === 0) reveal?.(index);
      if (frames++ < REVEAL_FRAMES) requestAnimationFrame(attempt);
    };
    attempt();
  }, [keys, findItem, reveal]);

  // The focused item was removed from under the keyboard (it was merged, deleted, or the list was refetched without
  // it): the browser drops focus on the page body, so hand it to whatever item now stands in its place.
  useEffect(() => {
    const el = focused.current;
    if (!el || el.isConnected || active < 0) return;
    focused.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) focusItem(active);
  }, [keys, active, focusItem]);

  const onKeyDown = (e: KeyboardEvent<E>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !(e.target instanceof HTMLElement) || !e.target.hasAttribute('data-roving-key')) return;
    const from = Math.max(0, active);
    const size = typeof pageSize === 'function' ? pageSize() : pageSize;
    const move = moveFor(e.key, from, keys.length, size);
    if (move.kind === 'to') {
      e.preventDefault();
      focusItem(move.index);
      return;
    }
    if (!typeAhead || e.key.length !== 1) return;
    const now = performance.now();
    const text = now - typed.current.at > TYPE_AHEAD_MS ? e.key : typed.current.text + e.key;
    // a space starts nothing: on its own it presses the item, as it does on any button
    if (text.trim() === '') return;
    typed.current = { text, at: now };
    e.preventDefault();
    const found = typeAheadMatch(text, from, textOf, keys.length);
    if (found !== null) focusItem(found);
  };

  const onFocus = (e: FocusEvent<E>) => {
    const item = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-roving-key]') : null;
    focused.current = item;
    const key = item?.getAttribute('data-roving-key');
    if (key != null && key !== activeKey) setActiveKey(key);
  };
  const onBlur = (e: FocusEvent<E>) => {
    if (e.relatedTarget instanceof Node) {
      if (!listRef.current?.contains(e.relatedTarget)) focused.current = null;
      return;
    }
    // no new target: a click on nothing focusable, the window losing focus, or the item being removed; only the last
    // leaves the element disconnected, and that case is the effect's to mend
    const el = focused.current;
    requestAnimationFrame(() => {
      if (el?.isConnected && focused.current === el && !listRef.current?.contains(document.activeElement)) focused.current = null;
    });
  };

  const itemProps = (index: number) => ({ tabIndex: index === active ? 0 as const : -1 as const, 'data-roving-key': keys[index] ?? '' });

  return { active, listRef, listProps: { onKeyDown, onFocus, onBlur }, itemProps, focusItem };
}
