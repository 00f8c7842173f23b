// Add or edit a citation by its fields: type, authors (one per line), year, title, container, volume, issue, pages,
// publisher, DOI, URL. The server validates; a refused field is shown next to the form.
import { useId, useState, type FormEvent } from 'react';
import type { CitationFormValues } from '../../../../shared/citations/model.ts';
import { CITATION_TYPES, TYPE_LABELS } from '../../../../shared/citations/labels.ts';

export const EMPTY_FORM: CitationFormValues = {
  type: 'article-journal', authors: '', year: '', title: '', container: '', volume: '', issue: '', pages: '',
  publisher: '', doi: '', url: '',
};

type TextField = Exclude<keyof CitationFormValues, 'type' | 'authors'>;
const FIELDS: [TextField, string][] = [
  ['year', 'Year'], ['title', 'Title'], ['container', 'Journal, book or website'], ['volume', 'Volume'],
  ['issue', 'Issue'], ['pages', 'Pages'], ['publisher', 'Publisher'], ['doi', 'DOI'], ['url', 'URL'],
];

export function CitationForm({ initial = EMPTY_FORM, submitLabel, busy, error, onSubmit, onCancel }: {
  initial?: CitationFormValues;
  submitLabel: string;
  busy: boolean;
  error?: string;
  onSubmit: (form: CitationFormValues) => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState<CitationFormValues>(initial);
  const id = useId();
  const set = <K extends keyof CitationFormValues>(key: K, value: CitationFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(form);
  };
  return (
    <form className="citation-form" onSubmit={submit}>
      <label htmlFor={`${id}-type`}>Type</label>
      <select id={`${id}-type`} value={form.type} onChange={(e) => set('type', e.target.value as CitationFormValues['type'])}>
        {CITATION_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
      </select>
      <label htmlFor={`${id}-authors`}>Authors, one per line (“Family, Given” or an organisation)</label>
      <textarea id={`${id}-authors`} rows={3} value={form.authors} onChange={(e) => set('authors', e.target.value)} />
      {FIELDS.map(([key, label]) => (
        <div key={key} className="citation-form-field">
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <input id={`${id}-${key}`} value={form[key]} required={key === 'title'} onChange={(e) => set(key, e.target.value)} />
        </div>
      ))}
      <div className="citation-form-actions">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
