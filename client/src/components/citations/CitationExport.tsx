// Download the bibliography of the review (or of Table 1 or Table 2) as BibTeX, RIS, CSL-JSON, or formatted HTML
// or text in the chosen style: a plain link to the export endpoint, so the browser saves the file.
import { useId, useState } from 'react';
import type { CitationStyle } from '../../../../shared/citations/model.ts';
import { BIBLIOGRAPHY_FORMATS, BIBLIOGRAPHY_SCOPES, FORMAT_LABELS, SCOPE_LABELS } from '../../../../shared/citations/labels.ts';

type Format = (typeof BIBLIOGRAPHY_FORMATS)[number];
type Scope = (typeof BIBLIOGRAPHY_SCOPES)[number];

export function CitationExport({ reviewId, style }: { reviewId: number; style: CitationStyle }) {
  const [format, setFormat] = useState<Format>('bibtex');
  const [scope, setScope] = useState<Scope>('review');
  const id = useId();
  const href = `/api/reviews/${reviewId}/bibliography/export?format=${format}&style=${style}&scope=${scope}`;
  return (
    <section className="citation-export" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Export the bibliography</h2>
      <label htmlFor={`${id}-format`}>Format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
        {BIBLIOGRAPHY_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
      </select>
      <label htmlFor={`${id}-scope`}>References of</label>
      <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
        {BIBLIOGRAPHY_SCOPES.map((s) => <option key={s} value={s}>{SCOPE_LABELS[s]}</option>)}
      </select>
      <a className="button-link" href={href} download>Download</a>
      {(format === 'html' || format === 'text') && <p className="citation-hint">Formatted in the style chosen above.</p>}
    </section>
  );
}
