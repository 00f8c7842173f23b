// One citation: its reference in the chosen style, its completeness, editing, deleting, and attaching it to an
// alignment (through the same CitationChips every alignment shows).
import { useId, useMemo, useState } from 'react';
import type { Citation, CitationStyle } from '../../../../shared/citations/model.ts';
import { cslToForm } from '../../../../shared/citations/normalize.ts';
import { useCitationFormatted } from '../../hooks/useCitationFormatted.ts';
import { useCitationMutations } from '../../hooks/useCitationMutations.ts';
import { useCrosswalk } from '../../hooks/useCrosswalk.ts';
import { CitationChips } from './CitationChips.tsx';
import { CitationForm } from './CitationForm.tsx';
import { CitationHtml } from './CitationHtml.tsx';

export function CitationDetail({ reviewId, citation, style, onDeleted }: {
  reviewId: number;
  citation: Citation;
  style: CitationStyle;
  onDeleted: () => void;
}) {
  const formatted = useCitationFormatted(reviewId, citation.id, style);
  const { update, remove } = useCitationMutations(reviewId);
  const crosswalk = useCrosswalk(reviewId);
  const [editing, setEditing] = useState(false);
  const [alignmentId, setAlignmentId] = useState<number | undefined>();
  const id = useId();

  const alignments = useMemo(() => {
    const cw = crosswalk.data?.crosswalk;
    if (!cw) return [];
    const stageName = new Map(cw.stages.map((s) => [s.id, s.name]));
    return cw.models.flatMap((m) =>
      m.stageCells.flatMap((cell) =>
        cell.entries.map((e) => ({ id: e.alignmentId, label: `${m.framework.name}: ${e.phaseLabel} → ${stageName.get(cell.stageId) ?? ''}` })),
      ),
    ).sort((a, b) => a.id - b.id);
  }, [crosswalk.data]);
  const chosenAlignment = alignments.find((a) => a.id === alignmentId);

  return (
    <section className="citation-detail" aria-labelledby={`${id}-h`} data-citation={citation.id}>
      <h2 id={`${id}-h`} tabIndex={-1}>Reference <code>{citation.citekey}</code></h2>
      {citation.incomplete && (
        <p className="citation-incomplete">
          Incomplete: {citation.missing.length ? `missing ${citation.missing.join(', ')}` : 'metadata not yet verified'}.
          Complete it by editing below.
        </p>
      )}
      <div className="citation-preview" aria-live="polite">
        {formatted.error && <p role="alert">Could not format: {formatted.error.message}</p>}
        {formatted.data && (
          <>
            <p className="citation-intext">In text: <span>{formatted.data.inText}</span></p>
            <CitationHtml html={formatted.data.html} className="citation-entry" />
          </>
        )}
      </div>
      {citation.doi && <p>DOI: {citation.doi}</p>}
      {!editing && (
        <div className="citation-form-actions">
          <button type="button" onClick={() => setEditing(true)}>Edit</button>
          <button type="button" onClick={() => remove.mutate({ id: citation.id, version: citation.version }, { onSuccess: onDeleted })}>Delete</button>
        </div>
      )}
      {remove.error && <p role="alert">Could not delete: {remove.error.message}</p>}
      {editing && (
        <CitationForm
          key={`${citation.id}-${citation.version}`} initial={cslToForm(citation.csl)} submitLabel="Save changes"
          busy={update.isPending} error={update.error?.message}
          onSubmit={(form) => update.mutate({ id: citation.id, version: citation.version, form }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      )}
      <div className="citation-attach">
        <label htmlFor={`${id}-alignment`}>Attach to an alignment</label>
        <select id={`${id}-alignment`} value={alignmentId ?? ''} onChange={(e) => setAlignmentId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">Choose an alignment…</option>
          {alignments.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
        {chosenAlignment && (
          <CitationChips
            key={chosenAlignment.id} reviewId={reviewId} targetType="alignment" targetId={chosenAlignment.id}
            targetLabel={`alignment ${chosenAlignment.label}`} style={style} preselect={citation.id}
          />
        )}
      </div>
    </section>
  );
}
