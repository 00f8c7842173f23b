// Adding citations: paste BibTeX/BibLaTeX, RIS, CSL-JSON (or any format the library imports) or DOIs; one DOI
// with a look-up; or the form. Each pasted record is reported: added under its key, or refused with its position
// and reason.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import type { Citation, DoiResult, ImportResult } from '../../../../shared/citations/model.ts';
import { useCitationMutations } from '../../hooks/useCitationMutations.ts';
import { CitationForm } from './CitationForm.tsx';

const problemText = (e: Error | null): string | undefined => {
  if (!e) return undefined;
  const problem = (e as Partial<ApiError>).problem;
  const fields = problem?.errors?.map((f) => `${f.pointer}: ${f.message}`).join('; ');
  return fields ? `${e.message} (${fields})` : e.message;
};

/** `onAdded(c, focus)`: a citation was added; `focus` is false when the focus stays on the paste report. */
export function CitationAdd({ reviewId, onAdded }: { reviewId: number; onAdded: (c: Citation, focus?: boolean) => void }) {
  const { paste, addDoi, create } = useCitationMutations(reviewId);
  const [text, setText] = useState('');
  const [doi, setDoi] = useState('');
  const [result, setResult] = useState<ImportResult | undefined>();
  const [doiResult, setDoiResult] = useState<DoiResult | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [formSaid, setFormSaid] = useState('');
  const report = useRef<HTMLDivElement>(null);
  const id = useId();

  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    paste.mutate(text, {
      onSuccess: (r) => {
        setResult(r);
        if (r.failures.length === 0) setText('');
        const first = r.created[0];
        // with records refused, the report (their positions and reasons) is what to read next; else the new citation
        if (first) onAdded(first, r.failures.length === 0);
        if (!first || r.failures.length > 0) report.current?.focus();
      },
    });
  };
  const submitDoi = (e: FormEvent) => {
    e.preventDefault();
    addDoi.mutate(doi, {
      onSuccess: (r) => {
        setDoiResult(r);
        setDoi('');
        onAdded(r.citation);
      },
    });
  };

  return (
    <section className="citation-add" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add citations</h2>
      <form onSubmit={submitPaste} className="citation-paste">
        <label htmlFor={`${id}-paste`}>Paste BibTeX, RIS, CSL-JSON or DOIs</label>
        <textarea id={`${id}-paste`} rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <button type="submit" disabled={!text.trim() || paste.isPending}>Add pasted references</button>
      </form>
      {paste.error && <p role="alert">Could not add: {problemText(paste.error)}</p>}
      {/* always in the page, so each paste's report is announced as it changes */}
      <div role="status" className="citation-import-result" ref={report} tabIndex={-1}>
      {result && (
        <>
          <p>
            {result.created.length} added ({result.format})
            {result.created.length > 0 && `: ${result.created.map((c) => c.citekey).join(', ')}`}
            {result.failures.length > 0 && `; ${result.failures.length} not added`}.
          </p>
          {result.failures.length > 0 && (
            <ul className="citation-failures">
              {result.failures.map((f) => <li key={f.position}>Record {f.position}: {f.reason}</li>)}
            </ul>
          )}
          {result.warnings.length > 0 && (
            <ul className="citation-warnings">
              {result.warnings.map((w) => <li key={w.position}>Record {w.position} ({w.citekey}): {w.messages.join('; ')}</li>)}
            </ul>
          )}
        </>
      )}
      </div>
      <form onSubmit={submitDoi} className="citation-doi">
        <label htmlFor={`${id}-doi`}>Look up a DOI</label>
        <input id={`${id}-doi`} value={doi} onChange={(e) => setDoi(e.target.value)} placeholder="10.1093/bjsw/bcac183" />
        <button type="submit" disabled={!doi.trim() || addDoi.isPending}>{addDoi.isPending ? 'Looking up…' : 'Add by DOI'}</button>
      </form>
      {addDoi.error && <p role="alert">Could not add the DOI: {problemText(addDoi.error)}</p>}
      {doiResult && <p role="status" className={doiResult.resolved ? undefined : 'citation-warning'}>{doiResult.message}</p>}
      <details className="citation-by-form">
        <summary>Add by form</summary>
        <CitationForm
          key={formKey} submitLabel="Add citation" busy={create.isPending} error={problemText(create.error)}
          onSubmit={(form) => create.mutate(form, { onSuccess: (c) => { setFormKey((k) => k + 1); setFormSaid(`Added ${c.citekey}.`); onAdded(c); } })}
        />
        <p role="status">{formSaid}</p>
      </details>
    </section>
  );
}
