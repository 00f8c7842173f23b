import { useEffect, useRef } from 'react';
import type { CodebookNode, CodingItem, Tag } from '../../../../shared/coding/schemas.ts';
import { RichText } from '../common/RichText.tsx';
import { codeName } from './codebookFilter.ts';

/**
 * The item being coded: title, authors, abstract and keywords; the passage the next tags quote (text selected in the
 * abstract lands in it, or paste one from the full text) with its locator; and the item's tags, each removable.
 */
export function CodingItemPanel({ item, tags, tagsLoading, nodeOf, you, passage, onPassage, locator, onLocator, onRemove }: {
  item: CodingItem;
  tags: readonly Tag[];
  tagsLoading: boolean;
  nodeOf: (ref: string) => CodebookNode | undefined;
  you: number | null;
  passage: string;
  onPassage: (text: string) => void;
  locator: string;
  onLocator: (text: string) => void;
  onRemove: (tag: Tag) => void;
}) {
  const abstractRef = useRef<HTMLDivElement>(null);
  // a selection made in the abstract becomes the passage; collapsing it later (a click elsewhere) keeps the passage,
  // so choosing a code with the mouse after selecting still quotes it
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      const el = abstractRef.current;
      if (!selection || selection.isCollapsed || !el || selection.rangeCount === 0) return;
      if (!el.contains(selection.getRangeAt(0).commonAncestorContainer)) return;
      const text = selection.toString().replace(/\s+/g, ' ').trim();
      if (text) onPassage(text);
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [onPassage]);

  return (
    <article className="coding-item-panel" aria-labelledby="coding-item-title" data-item={item.id}>
      <h3 id="coding-item-title" className="coding-item-heading">{item.title ? <RichText text={item.title} /> : '(no title)'}</h3>
      <p className="coding-item-fields">
        {item.authors.length > 0 ? item.authors.join('; ') : 'No authors'}
        {item.year !== null && <> · {item.year}</>}
        {item.container && <> · <i><RichText text={item.container} /></i></>}
        {item.doi && <> · doi:{item.doi}</>}
      </p>
      <div className="coding-abstract" ref={abstractRef} aria-label="Abstract" role="region">
        {item.abstract ? <RichText text={item.abstract} /> : <span className="coding-none">No abstract.</span>}
      </div>
      {item.keywords.length > 0 && <p className="coding-keywords"><span className="coding-field">Keywords:</span> {item.keywords.join('; ')}</p>}
      <div className="coding-passage">
        <label htmlFor="coding-passage">Passage for the next tags <span className="coding-help">(select text in the abstract, or paste from the full text)</span></label>
        <textarea id="coding-passage" rows={3} value={passage} onChange={(e) => onPassage(e.target.value)} />
        <div className="coding-passage-row">
          <label htmlFor="coding-locator">Locator</label>
          <input id="coding-locator" value={locator} placeholder="p. 12" onChange={(e) => onLocator(e.target.value)} />
          <button type="button" disabled={!passage && !locator} onClick={() => { onPassage(''); onLocator(''); }}>Clear passage</button>
        </div>
      </div>
      <section aria-labelledby="coding-tags-h" className="coding-tags">
        <h4 id="coding-tags-h">Tags on this item ({tags.length})</h4>
        {tagsLoading && <p role="status">Loading tags…</p>}
        {!tagsLoading && tags.length === 0 && <p className="coding-none">None yet.</p>}
        <ul className="coding-tag-list">
          {tags.map((tag) => (
            <li key={tag.id} className="coding-tag" data-code={tag.code}>
              <span className="coding-tag-code">{codeName(nodeOf(tag.code))}</span>
              {tag.quote && <q className="coding-tag-quote">{tag.quote}</q>}
              {tag.locator && <span className="coding-tag-locator">{tag.locator}</span>}
              <span className="coding-tag-who">{tag.reviewerId === you ? 'you' : tag.reviewerName}</span>
              {tag.reviewerId === you && (
                <button type="button" disabled={tag.id < 0} onClick={() => onRemove(tag)} aria-label={`Remove tag ${codeName(nodeOf(tag.code))}${tag.quote ? ` (“${tag.quote.slice(0, 40)}”)` : ''}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
