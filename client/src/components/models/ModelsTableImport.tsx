// Models from a table the researcher already has (Table 1: the model with its citation, one column per band): paste
// it or pick a file, see exactly what will be created, fix which column fills which band, then create it in one go.
import { useEffect, useId, useMemo, useState, type ClipboardEvent } from 'react';
import { describeError } from '../../api/problems.ts';
import { useCrosswalk } from '../../hooks/useCrosswalk.ts';
import { useModelsImport } from '../../hooks/useModelsImport.ts';
import type {
  ColumnMapping, ModelsImportPreview, ModelsImportRequest, PlanColumn, TableFormatChoice,
} from '../../../../shared/models-table/schemas.ts';
import type { Review } from '../../../../shared/schemas.ts';

type Source =
  | { kind: 'text'; text: string; fileName?: string }
  | { kind: 'html'; html: string; plain: string }
  | { kind: 'xlsx'; base64: string; fileName: string };

interface Options {
  format: TableFormatChoice;
  headerRow?: boolean;
  /** the user's mapping of every column, once they have changed one */
  columns?: ColumnMapping[];
}

const TEXT_FORMATS: { value: TableFormatChoice; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'tsv', label: 'TSV (tab-separated)' },
  { value: 'csv', label: 'CSV' },
  { value: 'markdown', label: 'Markdown table' },
  { value: 'html', label: 'HTML table' },
];
const FORMAT_NAMES: Record<ModelsImportPreview['format'], string> = { csv: 'CSV', tsv: 'TSV', markdown: 'a Markdown table', html: 'an HTML table', xlsx: 'an XLSX workbook' };
const EXTENSION_FORMAT: Record<string, TableFormatChoice> = {
  csv: 'csv', tsv: 'tsv', tab: 'tsv', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html',
};
const ACCEPT = '.csv,.tsv,.tab,.txt,.xlsx,.html,.htm,.md,.markdown';
/** long enough that typing or pasting is one request, short enough that the preview follows the hand */
const DEBOUNCE_MS = 300;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function requestOf(source: Source, options: Options): ModelsImportRequest | null {
  const rest = {
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  };
  if (source.kind === 'xlsx') return { xlsxBase64: source.base64, format: 'xlsx', ...rest };
  if (source.kind === 'html') return { text: source.html, format: 'html', ...rest };
  if (source.text.trim() === '') return null;
  return { text: source.text, format: options.format, ...rest };
}

const mappingOf = (c: PlanColumn): ColumnMapping => {
  if (c.role !== 'band') return { index: c.index, role: c.role };
  return c.bandId !== null ? { index: c.index, role: 'band', bandId: c.bandId } : { index: c.index, role: 'band', bandLabel: c.bandLabel };
};
/** the value of a column's <select>: model, ignore, band:<id> or new */
const choiceOf = (m: ColumnMapping): string =>
  m.role !== 'band' ? m.role : m.bandId !== undefined && m.bandId !== null ? `band:${m.bandId}` : 'new';

export function ModelsTableImport({ review }: { review: Review }) {
  const id = useId();
  const bands = useCrosswalk(review.id).data?.crosswalk.bands;
  const [source, setSource] = useState<Source>({ kind: 'text', text: '' });
  const [options, setOptions] = useState<Options>({ format: 'auto' });
  const [request, setRequest] = useState<ModelsImportRequest | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const wanted = useMemo(() => requestOf(source, options), [source, options]);
  useEffect(() => {
    const timer = window.setTimeout(() => setRequest(wanted), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [wanted]);
  const { preview, create } = useModelsImport(review.id, request);
  const plan = wanted !== null && request !== null ? preview.data : undefined;
  // the plan on screen is the plan of what is in the box (not of what was there a moment ago)
  const current = plan !== undefined && wanted === request && !preview.isPlaceholderData && !preview.isFetching;

  const newSource = (next: Source, format: TableFormatChoice = options.format) => {
    setSource(next);
    // a mapping belongs to the table it was made for
    setOptions({ format });
    setMessage(null);
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    // Word, Excel, Sheets and browsers put the table itself on the clipboard as HTML: cells with line breaks survive
    const html = e.clipboardData.getData('text/html');
    if (!/<table[\s>]/i.test(html)) return;
    e.preventDefault();
    newSource({ kind: 'html', html, plain: e.clipboardData.getData('text/plain') });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    try {
      if (extension === 'xlsx') newSource({ kind: 'xlsx', base64: toBase64(new Uint8Array(await file.arrayBuffer())), fileName: file.name });
      else if (extension === 'xls') setMessage({ kind: 'error', text: `${file.name} is an old Excel file: save it as .xlsx (Excel Workbook) and choose that.` });
      else newSource({ kind: 'text', text: await file.text(), fileName: file.name }, EXTENSION_FORMAT[extension] ?? 'auto');
    } catch (error) {
      setMessage({ kind: 'error', text: `Could not read ${file.name}: ${describeError(error)}` });
    }
  };

  const mappings = (): ColumnMapping[] => options.columns ?? plan?.columns.map(mappingOf) ?? [];
  const shownMapping = (c: PlanColumn): ColumnMapping => options.columns?.find((m) => m.index === c.index) ?? mappingOf(c);
  const setMapping = (index: number, next: ColumnMapping) => {
    const columns = mappings().map((m) => {
      if (m.index === index) return next;
      // one column holds the models: choosing another moves the role, the old one is ignored
      return next.role === 'model' && m.role === 'model' ? { index: m.index, role: 'ignore' as const } : m;
    });
    setOptions((o) => ({ ...o, columns }));
  };
  const choose = (c: PlanColumn, choice: string) => {
    if (choice === 'model' || choice === 'ignore') setMapping(c.index, { index: c.index, role: choice });
    else if (choice === 'new') setMapping(c.index, { index: c.index, role: 'band', bandLabel: c.header || c.bandLabel || `Column ${c.index + 1}` });
    else setMapping(c.index, { index: c.index, role: 'band', bandId: Number(choice.replace('band:', '')) });
  };

  const errors = plan?.problems.filter((p) => p.severity === 'error') ?? [];
  const phaseCount = plan?.models.reduce((n, m) => n + m.phases.length, 0) ?? 0;
  const canCreate = current && errors.length === 0 && (plan?.models.length ?? 0) > 0 && !create.isPending;
  // the band columns of the preview: the review's bands the table fills, in their order, then the new ones
  const shownBands = plan
    ? [...new Set([
      ...(bands ?? []).map((b) => b.label).filter((l) => plan.columns.some((c) => c.role === 'band' && c.bandLabel === l)),
      ...plan.newBands,
      ...plan.columns.filter((c) => c.role === 'band').map((c) => c.bandLabel),
    ])]
    : [];

  const onCreate = async () => {
    if (!request || !canCreate) return;
    try {
      const result = await create.mutateAsync(request);
      setMessage({
        kind: 'status',
        text: `Created ${plural(result.frameworks.length, 'model')}, ${plural(result.phases, 'phase')}, ${plural(result.bands.length, 'new band')}.`,
      });
      setSource({ kind: 'text', text: '' });
      setOptions({ format: 'auto' });
    } catch (error) {
      setMessage({ kind: 'error', text: `Nothing was created: ${describeError(error)}` });
    }
  };

  const sourceNote =
    source.kind === 'html' ? 'Pasted as a table (the clipboard’s HTML): line breaks inside cells are kept. Edit the text to use it as plain text instead.'
      : source.kind === 'xlsx' ? `Reading the first worksheet of ${source.fileName}.`
        : source.fileName ? `Read from ${source.fileName}.` : 'Paste from Word, Excel, Google Sheets or a web page, or type CSV, TSV or a Markdown table.';

  return (
    <div className="models-import">
      <p className="models-import-help">
        First column: the model and its citation, e.g. “The six stages of social innovation (Murray et al., 2010)”;
        one column per band; phases in a cell separated by “;” or line breaks.
      </p>
      <div className="models-import-source">
        <label htmlFor={`${id}-text`}>Table to import</label>
        <textarea
          id={`${id}-text`}
          rows={6}
          spellCheck={false}
          aria-describedby={`${id}-note`}
          value={source.kind === 'text' ? source.text : source.kind === 'html' ? source.plain : ''}
          onChange={(e) => newSource({ kind: 'text', text: e.target.value })}
          onPaste={onPaste}
        />
        <p id={`${id}-note`} className="models-import-note">{sourceNote}</p>
        <div className="models-import-options">
          <label>
            Or choose a file (CSV, TSV, XLSX, HTML, Markdown){' '}
            <input
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          <label>
            Format{' '}
            <select value={source.kind === 'text' ? options.format : source.kind} disabled={source.kind !== 'text'} onChange={(e) => setOptions({ format: e.target.value as TableFormatChoice })}>
              {source.kind === 'text'
                ? TEXT_FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)
                : <option value={source.kind}>{source.kind === 'html' ? 'HTML table' : 'XLSX workbook'}</option>}
            </select>
          </label>
        </div>
      </div>

      {wanted !== null && preview.error && <p role="alert" className="models-error">Could not read the table: {describeError(preview.error)}</p>}
      {plan && (
        <div className="models-import-plan" aria-busy={!current}>
          <p className="models-import-summary">
            Read as {FORMAT_NAMES[plan.format]}: {plural(plan.models.length, 'model')}, {plural(phaseCount, 'phase')}
            {plan.newBands.length > 0 ? `, ${plural(plan.newBands.length, 'new band')} (${plan.newBands.join(', ')})` : ''}.
          </p>
          <fieldset className="models-import-columns">
            <legend>What each column holds</legend>
            <label className="models-import-header">
              <input
                type="checkbox"
                checked={options.headerRow ?? plan.headerRow}
                onChange={(e) => setOptions((o) => ({ format: o.format, headerRow: e.target.checked }))}
              />{' '}
              The first row is a header
            </label>
            <ul className="mapping-row">
              {plan.columns.map((c) => {
                const shown = shownMapping(c);
                const choice = choiceOf(shown);
                return (
                  <li key={c.index} className="mapping-cell">
                    <label htmlFor={`${id}-col-${c.index}`}>Column {c.index + 1}{c.header ? `: ${c.header}` : ''}</label>
                    <select id={`${id}-col-${c.index}`} value={choice} onChange={(e) => choose(c, e.target.value)}>
                      <option value="model">Model</option>
                      {(bands ?? []).map((b) => <option key={b.id} value={`band:${b.id}`}>Band: {b.label}</option>)}
                      <option value="new">A new band</option>
                      <option value="ignore">Ignore</option>
                    </select>
                    {choice === 'new' && (
                      <label>
                        Name of the new band{' '}
                        <input
                          value={shown.bandLabel ?? c.bandLabel}
                          onChange={(e) => setMapping(c.index, { index: c.index, role: 'band', bandLabel: e.target.value })}
                        />
                      </label>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>

          {plan.models.length > 0 && (
            <div className="models-import-table">
              <table>
                <caption>Models that will be created</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Model</th>
                    <th scope="col">Citation</th>
                    {shownBands.map((b) => <th key={b} scope="col">{b}{plan.newBands.includes(b) ? ' (new band)' : ''}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {plan.models.map((m) => (
                    <tr key={m.row}>
                      <td>{m.row}</td>
                      <th scope="row">{m.name}</th>
                      <td>
                        {m.citation || <span className="models-import-none">none printed</span>}
                        {m.citation && (m.citationMatch
                          ? <span className="cite-matched"> ✓ matched to {m.citationMatch.citekey}</span>
                          : <span className="cite-todo"> to complete</span>)}
                      </td>
                      {shownBands.map((b) => {
                        const phases = m.phases.filter((p) => p.bandLabel === b);
                        return (
                          <td key={b}>
                            {phases.length === 0
                              ? <span className="models-import-none">none</span>
                              : <ol>{phases.map((p, i) => <li key={i}>{p.label}</li>)}</ol>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {plan.problems.length > 0 && (
            <div className="models-import-problems">
              <p id={`${id}-problems`} className="evidence-label">
                {plural(errors.length, 'error')} and {plural(plan.problems.length - errors.length, 'warning')}
                {errors.length > 0 ? ': fix the errors to create the models' : ': warnings do not stop the import'}
              </p>
              <ul aria-labelledby={`${id}-problems`}>
                {plan.problems.map((p, i) => (
                  <li key={i} className={`problem-${p.severity}`}>
                    <strong>{p.severity === 'error' ? 'Error' : 'Warning'}:</strong> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <button type="button" className="models-import-create" disabled={!canCreate} onClick={() => void onCreate()}>
            {create.isPending ? 'Creating…' : `Create ${plural(plan.models.length, 'model')}`}
          </button>
        </div>
      )}
      <p role="status" className="models-import-message">{message?.kind === 'status' ? message.text : ''}</p>
      <p role="alert" className="models-error">{message?.kind === 'error' ? message.text : ''}</p>
    </div>
  );
}
