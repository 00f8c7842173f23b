// The export dialog for any table or figure: format, layout, citation style and caption, a live preview rendered by
// the same shared code as the file, and a download. Figures can also be saved as PNG, drawn from the SVG in the
// browser.
import { useEffect, useId, useRef, useState } from 'react';
import DOMPurify from 'dompurify';
import {
  CITATION_STYLES, findTarget, FORMAT_INFO, type CitationStyle, type ExportFormat, type Layout,
} from '../../../../shared/export/documents.ts';
import { exportUrl, useExportPreview, type ExportOptions } from '../../hooks/useExportPreview.ts';
import { svgToPngBlob } from './ExportDialogPng.ts';
import '../../styles/export.css';
import { saveBlob } from '../../lib/saveBlob.ts';

const STYLE_LABELS: Record<CitationStyle, string> = { apa: 'APA 7', harvard: 'Harvard', vancouver: 'Vancouver' };
const PNG = 'png';
type Choice = ExportFormat | typeof PNG;

export interface ExportDialogProps {
  reviewId: number;
  /** an export target of shared/export/documents.ts: crosswalk, stages, coverage, pairwise, wheel */
  what: string;
  title: string;
  layout?: Layout;
  /** the two models of a pairwise export */
  pair?: { a: number; b: number };
  onClose: () => void;
}

export function ExportDialog({ reviewId, what, title, layout = 'bands', pair, onClose }: ExportDialogProps) {
  const def = findTarget(what);
  const formats: Choice[] = def ? [...def.formats, ...(def.formats.includes('svg') ? [PNG as Choice] : [])] : [];
  const [choice, setChoice] = useState<Choice>(formats[0] ?? 'csv');
  const [options, setOptions] = useState<Omit<ExportOptions, 'format'>>({ layout, style: 'apa', caption: '', bom: false, pair });
  const format: ExportFormat = choice === PNG ? 'svg' : choice;
  const full: ExportOptions = { ...options, format };
  const withLayout = def?.layouts ?? false;
  const preview = useExportPreview(reviewId, what, full, withLayout);
  const ref = useRef<HTMLDialogElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const [pngError, setPngError] = useState<string | null>(null);
  const ids = { title: useId(), format: useId(), layout: useId(), style: useId(), caption: useId(), preview: useId() };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    firstRef.current?.focus();
    return () => dialog?.close();
  }, []);

  if (!def) return null;
  const isTable = def.table !== undefined && format !== 'svg' && format !== 'sssom';
  const data = preview.data;
  const downloadName = choice === PNG ? (data?.fileName ?? 'figure.svg').replace(/\.svg$/, '.png') : data?.fileName;

  const downloadPng = async (): Promise<void> => {
    setPngError(null);
    if (!data?.text) return;
    try {
      saveBlob(await svgToPngBlob(data.text, 2), downloadName ?? 'figure.png');
    } catch (error) {
      setPngError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <dialog
      ref={ref}
      className="wb-dialog export-dialog"
      aria-labelledby={ids.title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={ids.title}>Export: {title}</h2>
      <form className="export-options" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.format}>Format</label>
        <select id={ids.format} ref={firstRef} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          {formats.map((f) => (
            <option key={f} value={f}>{f === PNG ? 'PNG image (from the SVG)' : FORMAT_INFO[f].label}</option>
          ))}
        </select>
        {withLayout && (
          <>
            <label htmlFor={ids.layout}>Layout</label>
            <select id={ids.layout} value={options.layout} onChange={(e) => setOptions({ ...options, layout: e.target.value as Layout })}>
              <option value="bands">Models × bands (Table 1)</option>
              <option value="stages">Models × target stages</option>
            </select>
          </>
        )}
        {isTable && (
          <>
            <label htmlFor={ids.style}>Reference style</label>
            <select id={ids.style} value={options.style} onChange={(e) => setOptions({ ...options, style: e.target.value as CitationStyle })}>
              {CITATION_STYLES.map((s) => <option key={s} value={s}>{STYLE_LABELS[s]}</option>)}
            </select>
          </>
        )}
        {format !== 'sssom' && (
          <>
            <label htmlFor={ids.caption}>Caption</label>
            <input id={ids.caption} type="text" maxLength={500} placeholder="the review's own caption" value={options.caption}
              onChange={(e) => setOptions({ ...options, caption: e.target.value })} />
          </>
        )}
        {format === 'csv' && (
          <label className="export-check">
            <input type="checkbox" checked={options.bom} onChange={(e) => setOptions({ ...options, bom: e.target.checked })} />
            {' '}Byte-order mark, for Excel on Windows
          </label>
        )}
      </form>

      <section className="export-preview" aria-labelledby={ids.preview}>
        <h3 id={ids.preview}>Preview{data ? `: ${downloadName}` : ''}</h3>
        {preview.error && <p role="alert">Could not render the preview: {preview.error.message}</p>}
        {!data && !preview.error && <p role="status">Rendering…</p>}
        {data && <PreviewBody data={data} title={title} />}
      </section>

      {pngError && <p role="alert">Could not draw the PNG: {pngError}</p>}
      <div className="dialog-buttons">
        {choice === PNG ? (
          <button type="button" className="primary" disabled={!data?.text} onClick={() => void downloadPng()}>Download {downloadName}</button>
        ) : (
          <a className="button primary" href={exportUrl(reviewId, what, full, withLayout)} download={data?.fileName ?? true}>
            Download {data?.fileName ?? FORMAT_INFO[format].extension.toUpperCase()}
          </a>
        )}
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}

function PreviewBody({ data, title }: { data: NonNullable<ReturnType<typeof useExportPreview>['data']>; title: string }) {
  if (data.format === 'svg' && data.text) {
    return <img className="export-figure" alt={`Preview of ${title}`} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.text)}`} />;
  }
  if (data.html !== undefined) {
    // the server escapes every cell; sanitising again means a bug there can never become script here
    const clean = DOMPurify.sanitize(data.html, { USE_PROFILES: { html: true } });
    return (
      <>
        <p className="export-note">{FORMAT_INFO[data.format].label} is a binary file; this is the table it holds.</p>
        <div className="export-html" tabIndex={0} role="region" aria-label="Table preview" dangerouslySetInnerHTML={{ __html: clean }} />
      </>
    );
  }
  return <pre className="export-text" tabIndex={0} aria-label="File preview">{data.text}</pre>;
}
