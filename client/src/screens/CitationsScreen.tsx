// Citations of the review: fuzzy search (author, title, year, key), add by paste, DOI or form, edit, incomplete
// marker, the reference previewed in the chosen style, attaching to alignments, and exporting the bibliography.
import { useId, useMemo, useState } from 'react';
import Fuse from 'fuse.js';
import type { CitationStyle } from '../../../shared/citations/model.ts';
import { CITATION_STYLES, STYLE_LABELS } from '../../../shared/citations/labels.ts';
import { useCitations } from '../hooks/useCitations.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { CitationAdd } from '../components/citations/CitationAdd.tsx';
import { CitationDetail } from '../components/citations/CitationDetail.tsx';
import { CitationExport } from '../components/citations/CitationExport.tsx';
import { citationAuthors, citationYear } from '../components/citations/CitationText.tsx';
import type { ScreenProps } from './types.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import { usePendingFocus } from '../hooks/usePendingFocus.ts';
import { useRovingFocus } from '../lib/useRovingFocus.ts';
import '../styles/citations.css';

export function CitationsScreen({ review }: ScreenProps) {
  const citations = useCitations(review.id);
  const [style, setStyle] = useState<CitationStyle>('apa');
  const [search, setSearch] = useState('');
  // #/citations/<id> (quick find) selects a citation; a click selects another until the route changes again
  const { rest } = useHashRoute();
  const routeKey = rest.join('/');
  // an address that names a citation selects it on arrival; a click picks another without changing the address
  const [picked, setPicked] = useState<{ id: number | undefined; route: string }>(() => ({ id: Number(rest[0]) || undefined, route: routeKey }));
  const selectedId = picked.route === routeKey ? picked.id : (Number(rest[0]) || undefined);
  const setSelectedId = (value: number | undefined) => setPicked({ id: value, route: routeKey });
  const id = useId();

  const rows = useMemo(
    () => (citations.data ?? []).map((c) => ({ citation: c, key: c.citekey, authors: citationAuthors(c), title: c.csl.title ?? '', year: citationYear(c) })),
    [citations.data],
  );
  const fuse = useMemo(
    () => new Fuse(rows, { keys: ['key', 'authors', 'title', 'year'], threshold: 0.35, ignoreLocation: true }),
    [rows],
  );
  const shown = search.trim() ? fuse.search(search.trim()).map((r) => r.item) : rows;
  const selected = citations.data?.find((c) => c.id === selectedId);
  const roving = useRovingFocus<HTMLUListElement>({
    keys: shown.map((r) => String(r.citation.id)),
    textOf: (i) => (shown[i] ? `${shown[i].authors} ${shown[i].title}` : ''),
    selectedKey: selectedId === undefined ? undefined : String(selectedId),
  });
  const focusSoon = usePendingFocus();
  // a new citation is the result to land on: its row (it may be hidden by the search, then its reference heading)
  const onAdded = (c: { id: number }, focus = true) => {
    setSelectedId(c.id);
    if (focus) focusSoon(`#citation-row-${c.id}, .citation-detail[data-citation="${c.id}"] h2`);
  };
  const citationMissing = useMissingOnArrival(routeKey, citations.data ? Boolean(rest[0]) && !citations.data.some((c) => String(c.id) === rest[0]) : undefined);
  if (citationMissing) {
    return <MissingInAddress review={review} what="citation" ids={[rest[0] ?? '']} screen="citations" screenLabel="Citations" />;
  }

  return (
    <div className="citations-screen">
      <div className="citations-toolbar">
        <label htmlFor={`${id}-style`}>Citation style</label>
        <select id={`${id}-style`} value={style} onChange={(e) => setStyle(e.target.value as CitationStyle)}>
          {CITATION_STYLES.map((s) => <option key={s} value={s}>{STYLE_LABELS[s]}</option>)}
        </select>
        <label htmlFor={`${id}-search`}>Search citations</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="author, title, year or key" />
      </div>
      <div className="citations-layout">
        <section aria-labelledby={`${id}-list`} className="citations-list">
          <h2 id={`${id}-list`}>Citations ({citations.data?.length ?? 0})</h2>
          {citations.isPending && <p role="status">Loading…</p>}
          {citations.error && <p role="alert">Could not load the citations: {citations.error.message}</p>}
          {citations.data && shown.length === 0 && <p>No citation matches “{search}”.</p>}
          <ul ref={roving.listRef} {...roving.listProps} className="citation-rows" role="listbox" aria-labelledby={`${id}-list`}>
            {shown.map(({ citation: c, authors, title, year }, i) => (
              <li key={c.id} role="none">
                <button
                  type="button" role="option" id={`citation-row-${c.id}`} className="citation-row" aria-selected={c.id === selectedId}
                  {...roving.itemProps(i)} onClick={() => setSelectedId(c.id)}
                >
                  <span className="citation-key">{c.citekey}</span>
                  <span className="citation-row-text">{authors || '(no author)'} ({year}) {title || '(no title)'}</span>
                  {c.incomplete && <span className="citation-badge">Incomplete</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="citations-side">
          {selected
            ? <CitationDetail key={selected.id} reviewId={review.id} citation={selected} style={style} onDeleted={() => setSelectedId(undefined)} />
            : <p className="citation-hint">Choose a citation to preview it in {STYLE_LABELS[style]}, edit it or attach it.</p>}
          <CitationAdd reviewId={review.id} onAdded={onAdded} />
          <CitationExport reviewId={review.id} style={style} />
        </div>
      </div>
    </div>
  );
}
