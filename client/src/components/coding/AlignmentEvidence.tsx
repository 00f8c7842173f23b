import { useState } from 'react';
import type { Tag } from '../../../../shared/coding/schemas.ts';
import { describeError } from '../../api/problems.ts';
import { useCodingAlignmentEvidence } from '../../hooks/useCodingAlignmentEvidence.ts';
import '../../styles/coding.css';

/** One entry per passage: the phase's and the stage's tag on the same quote and page are one piece of evidence. */
const passagesOf = (tags: readonly Tag[]): Tag[] => {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = `${t.quote}\u0000${t.locator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The coded passages behind an alignment: items tagged with both its phase and its stage, each quoted tag with an
 * "Attach as evidence" button that makes it a citation link (the item's reference, locator and quote) in one step.
 */
export function AlignmentEvidence({ reviewId, alignmentId }: { reviewId: number; alignmentId: number }) {
  const { query, attach } = useCodingAlignmentEvidence(reviewId, alignmentId);
  const [attached, setAttached] = useState<Set<number>>(() => new Set());
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const items = query.data?.items ?? [];
  const onAttach = (tagId: number, reference: string) => {
    setError('');
    attach.mutate(tagId, {
      onSuccess: (r) => {
        setAttached((s) => new Set(s).add(tagId));
        setMessage(`Attached the passage from ${reference} as evidence (${r.citekey}${r.citationCreated ? ', a new citation' : ''}).`);
      },
      onError: (err) => setError(`Not attached: ${describeError(err)}`),
    });
  };
  return (
    <section className="alignment-coded" aria-label="Coded passages for this alignment">
      <p className="evidence-label">Coded passages (items tagged with both the phase and the stage)</p>
      {query.error && <p role="alert">Could not load the coded passages: {query.error.message}</p>}
      {query.data && items.length === 0 && <p className="coding-none">No item is tagged with both yet (Coding screen).</p>}
      <ul className="alignment-coded-list">
        {items.flatMap((it) => passagesOf(it.tags).map((t) => (
          <li key={t.id}>
            <span className="coding-tag-ref">{it.reference}</span>
            {t.quote ? <q>{t.quote}</q> : <span className="coding-none">no quoted passage</span>}
            {t.locator && <span className="coding-tag-locator"> ({t.locator})</span>}
            {attached.has(t.id) ? <span className="coding-attached">Attached</span> : (
              <button type="button" disabled={attach.isPending} onClick={() => onAttach(t.id, it.reference)}
                aria-label={`Attach as evidence: ${it.reference}${t.quote ? `, “${t.quote.slice(0, 40)}”` : ''}`}>
                Attach as evidence
              </button>
            )}
          </li>
        )))}
      </ul>
      <p role="status" className="coding-status">{message}</p>
      {error && <p role="alert" className="form-error">{error}</p>}
    </section>
  );
}
