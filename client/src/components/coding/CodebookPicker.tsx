import { useMemo, type KeyboardEvent } from 'react';
import type { CodebookNode } from '../../../../shared/coding/schemas.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import type { VisibleCodes } from './codebookFilter.ts';

/**
 * The codebook beside the item: a type-to-filter box and the codes, one Tab stop with the arrow keys inside. Enter
 * (or a click) on a code tags the item with it; keys 1–9 tag with the first nine codes shown (the screen listens for
 * them); in the filter box, Enter tags with the first code and ↓ moves into the list.
 */
export function CodebookPicker({ visible, filter, onFilter, onTag, onItem, disabled }: {
  visible: VisibleCodes;
  filter: string;
  onFilter: (text: string) => void;
  onTag: (node: CodebookNode) => void;
  /** refs on the shown item already */
  onItem: ReadonlySet<string>;
  disabled: boolean;
}) {
  const keys = useMemo(() => visible.taggable.map((n) => n.ref), [visible.taggable]);
  const roving = useRovingFocus<HTMLUListElement>({ keys, textOf: (i) => visible.taggable[i]?.label ?? '', typeAhead: false });
  const numberOf = new Map(visible.taggable.slice(0, 9).map((n, i) => [n.ref, i + 1]));
  const indexOf = new Map(visible.taggable.map((n, i) => [n.ref, i]));
  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const first = visible.taggable[0];
      if (first && !disabled) onTag(first);
    } else if (e.key === 'ArrowDown' && keys.length > 0) {
      e.preventDefault();
      roving.focusItem(0);
    }
  };
  return (
    <section className="coding-codebook" aria-labelledby="coding-codebook-h">
      <h3 id="coding-codebook-h">Codebook</h3>
      <label htmlFor="coding-code-filter">Filter codes</label>
      <input
        id="coding-code-filter" type="search" value={filter} autoComplete="off" aria-describedby="coding-code-help"
        onChange={(e) => onFilter(e.target.value)} onKeyDown={onFilterKey}
      />
      <p id="coding-code-help" className="coding-help">Enter tags with the first code shown; ↓ moves into the list.</p>
      {visible.rows.length === 0 ? <p className="coding-none">No code matches “{filter}”.</p> : (
        <ul ref={roving.listRef} {...roving.listProps} className="coding-code-list" aria-label="Codes">
          {visible.rows.map((node) => {
            const index = indexOf.get(node.ref);
            const n = numberOf.get(node.ref);
            const indent = { paddingInlineStart: `${node.depth * 0.9}rem` };
            if (index === undefined) return <li key={node.ref} className="coding-code-head" style={indent}>{node.label}</li>;
            const tagged = onItem.has(node.ref);
            return (
              <li key={node.ref} style={indent}>
                <button
                  type="button" className={`coding-code${tagged ? ' is-on' : ''}`} data-ref={node.ref} disabled={disabled}
                  aria-keyshortcuts={n ? String(n) : undefined} title={node.description || undefined}
                  {...roving.itemProps(index)} onClick={() => onTag(node)}
                >
                  {n ? <kbd>{n}</kbd> : <span className="coding-kbd-space" />}
                  <span>{node.label}</span>
                  {tagged && <span className="coding-on"><span aria-hidden="true">✓</span><span className="coding-sr"> (on this item)</span></span>}
                  {node.band && <span className="coding-band">{node.band}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
