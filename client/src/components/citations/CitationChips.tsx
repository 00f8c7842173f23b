// The citations of one item (a model, phase, stage or alignment) as chips showing the in-text form; hovering or
// clicking a chip shows the full reference, its locator and quoted passage. "Cite…" attaches another citation.
// Usage: <CitationChips reviewId={r.id} targetType="alignment" targetId={a.id} targetLabel="…" /> — anywhere,
// including inside another form (the attach control is not a <form>). Chips are buttons: Enter pins the card open.
import { useId, useState, type ReactNode } from 'react';
import type { CitationStyle, LinkTarget, LinkedCitation } from '../../../../shared/citations/model.ts';
import { useCitationLinks } from '../../hooks/useCitationLinks.ts';
import { useCitations } from '../../hooks/useCitations.ts';
import { usePendingFocus } from '../../hooks/usePendingFocus.ts';
import { CitationHtml } from './CitationHtml.tsx';
import { citationSummary } from './CitationText.tsx';

export interface CitationChipsProps {
  reviewId: number;
  targetType: LinkTarget;
  targetId: number;
  /** what the item is called, for labels: "alignment Prototyping → Developing" */
  targetLabel?: string;
  style?: CitationStyle;
  /** citation chosen in the attach form when it opens */
  preselect?: number;
  /** hide the attach control (read-only places) */
  readOnly?: boolean;
  /** read-only only: shown instead of the chips while there are none (or they are loading), never beside them */
  fallback?: ReactNode;
}

function Chip({ link, onDetach, readOnly }: { link: LinkedCitation; onDetach: () => void; readOnly: boolean }) {
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState(false);
  const cardId = useId();
  const open = pinned || hover;
  return (
    <li className="citation-chip" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        type="button" className="citation-chip-button" aria-expanded={open} aria-controls={cardId} data-link={link.id}
        onClick={() => setPinned((p) => !p)} onKeyDown={(e) => { if (e.key === 'Escape') { setPinned(false); setHover(false); } }}
      >
        {link.formatted.inText}
        {link.citation.incomplete && <span className="citation-incomplete-dot" aria-label="incomplete reference" title="incomplete reference"> *</span>}
      </button>
      <div id={cardId} className="citation-card" role="region" aria-label={`Full reference ${link.citation.citekey}`} hidden={!open}>
        <CitationHtml html={link.formatted.html} />
        {link.locator && <p className="citation-card-meta">Locator: {link.locator}</p>}
        {link.quote && <blockquote className="citation-quote">{link.quote}</blockquote>}
        {link.citation.incomplete && (
          <p className="citation-card-meta">Incomplete{link.citation.missing.length ? `: missing ${link.citation.missing.join(', ')}` : ': not yet verified'}.</p>
        )}
        {!readOnly && <button type="button" className="link-button" onClick={onDetach}>Remove this citation</button>}
      </div>
    </li>
  );
}

export function CitationChips({ reviewId, targetType, targetId, targetLabel, style = 'apa', preselect, readOnly = false, fallback }: CitationChipsProps) {
  const { query, attach, detach } = useCitationLinks(reviewId, targetType, targetId, style);
  const citations = useCitations(reviewId);
  const [adding, setAdding] = useState(false);
  const [citationId, setCitationId] = useState<number | undefined>(preselect);
  const [locator, setLocator] = useState('');
  const [quote, setQuote] = useState('');
  const formId = useId();
  const label = targetLabel ?? `${targetType} ${targetId}`;
  const chosen = citationId ?? preselect ?? citations.data?.[0]?.id;
  const [said, setSaid] = useState('');
  const focusSoon = usePendingFocus();
  // this instance's elements: the same alignment's chips may be on the page twice (the board and its editor)
  const chipsId = formId.replace(/[^\w-]/g, '');
  const scope = `[data-chips="${chipsId}"]`;
  const close = () => {
    setAdding(false);
    focusSoon(`${scope} .citation-cite-button`);
  };

  const submit = () => {
    if (chosen === undefined || attach.isPending) return;
    const key = citations.data?.find((c) => c.id === chosen)?.citekey ?? 'the citation';
    attach.mutate({ citationId: chosen, locator, quote }, {
      onSuccess: (link) => {
        setAdding(false);
        setLocator('');
        setQuote('');
        setSaid(`Attached ${key}${locator ? ` (${locator})` : ''} to ${label}.`);
        // the new chip is the result; the links were refetched before this runs, so it is rendered with the form gone
        focusSoon(`${scope} [data-link="${link.id}"], ${scope} .citation-cite-button`);
      },
    });
  };

  // read-only places (an alignment on the board) show chips only where there are some
  if (readOnly && !query.error && (query.data?.length ?? 0) === 0) return fallback ?? null;

  return (
    <div className="citation-chips" aria-label={`Citations of ${label}`} role="group" data-chips={chipsId}>
      {query.error && <p role="alert">Could not load the citations: {query.error.message}</p>}
      {query.data && query.data.length === 0 && <span className="citation-none">No citations</span>}
      {!readOnly && <p role="status" className="citation-chips-said">{said}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="citation-chip-list">
          {query.data.map((link) => (
            <Chip key={link.id} link={link} readOnly={readOnly} onDetach={() => detach.mutate(link.id)} />
          ))}
        </ul>
      )}
      {!readOnly && !adding && (
        <button type="button" className="citation-cite-button" onClick={() => { setSaid(''); setAdding(true); }} aria-label={`Cite a reference for ${label}`}>
          Cite…
        </button>
      )}
      {!readOnly && adding && (
        // a group, not a <form>: the chips may sit inside another form (an alignment editor), and forms cannot nest
        <div
          className="citation-attach-form" role="group" aria-labelledby={`${formId}-legend`}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
              e.preventDefault();
              submit();
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          <p id={`${formId}-legend`} className="citation-attach-title">Attach a citation to {label}</p>
          <label htmlFor={`${formId}-citation`}>Reference</label>
          {/* opening the form puts the focus in it, on its first field */}
          <select id={`${formId}-citation`} autoFocus value={chosen ?? ''} onChange={(e) => setCitationId(Number(e.target.value))}>
            {citations.data?.map((c) => <option key={c.id} value={c.id}>{citationSummary(c)}</option>)}
          </select>
          <label htmlFor={`${formId}-locator`}>Page or other locator</label>
          <input id={`${formId}-locator`} value={locator} onChange={(e) => setLocator(e.target.value)} maxLength={100} />
          <label htmlFor={`${formId}-quote`}>Quoted passage (optional evidence)</label>
          <textarea id={`${formId}-quote`} value={quote} onChange={(e) => setQuote(e.target.value)} rows={3} maxLength={5000} />
          <div className="citation-form-actions">
            <button type="button" onClick={submit} disabled={chosen === undefined} aria-disabled={attach.isPending}>Attach</button>
            <button type="button" onClick={close}>Cancel</button>
          </div>
          {attach.error && <p role="alert">Could not attach: {attach.error.message}</p>}
        </div>
      )}
    </div>
  );
}
