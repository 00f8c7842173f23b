// Where a key press moves the focus in a one-Tab-stop list (WAI-ARIA APG listbox keys), and type-ahead matching.
// Pure: the hook that owns focus and state is useRovingFocus.ts.

export type RovingMove =
  | { kind: 'to'; index: number }
  | { kind: 'none' };

/** The index ArrowUp/ArrowDown/Home/End/PageUp/PageDown take the focus to, or none for any other key. */
export function moveFor(key: string, active: number, count: number, pageSize: number): RovingMove {
  if (count === 0) return { kind: 'none' };
  const last = count - 1;
  const clamp = (i: number) => Math.max(0, Math.min(last, i));
  switch (key) {
    case 'ArrowDown': return { kind: 'to', index: clamp(active + 1) };
    case 'ArrowUp': return { kind: 'to', index: clamp(active - 1) };
    case 'Home': return { kind: 'to', index: 0 };
    case 'End': return { kind: 'to', index: last };
    case 'PageDown': return { kind: 'to', index: clamp(active + Math.max(1, pageSize)) };
    case 'PageUp': return { kind: 'to', index: clamp(active - Math.max(1, pageSize)) };
    default: return { kind: 'none' };
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trimStart();

/**
 * The item type-ahead goes to: the next item (after the active one, wrapping) whose text starts with what was typed.
 * Typing one letter again and again cycles through the items starting with it, as in a file list.
 */
export function typeAheadMatch(typed: string, active: number, texts: (i: number) => string, count: number): number | null {
  if (!typed || count === 0) return null;
  const wanted = fold(typed);
  const repeated = [...wanted].every((c) => c === wanted[0]);
  // a word still being typed may match the active item itself; a repeated letter moves on from it
  const start = repeated ? active + 1 : active;
  const probe = (prefix: string): number | null => {
    for (let step = 0; step < count; step++) {
      const i = (start + step) % count;
      if (fold(texts(i)).startsWith(prefix)) return i;
    }
    return null;
  };
  return probe(wanted) ?? (repeated && wanted.length > 1 ? probe(wanted.charAt(0)) : null);
}
