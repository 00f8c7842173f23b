// Drop files (or pick them with the keyboard) to import them: a progress bar with records/s while each runs,
// then a report per file with every failed record's number and reason.
import { useId, useRef, useState, type DragEvent } from 'react';
import type { ImportProgress } from '../../../../shared/literature/library-schemas.ts';
import { useLibraryImport } from '../../hooks/useLibrary.ts';

const FORMATS = ['auto', 'ris', 'bibtex', 'csl-json', 'endnote-xml', 'medline', 'wos', 'csv', 'pubmed-xml'];

function Report({ r }: { r: ImportProgress }) {
  if (r.state === 'failed') {
    const hint = r.needsFormat ? ' Choose the format in the Format menu if it is one.' : '';
    return <li className="import-report failed"><strong>{r.fileName}</strong>: not imported — {r.error}{hint}</li>;
  }
  return (
    <li className={`import-report${r.lost > 0 ? ' failed' : ''}`}>
      <strong>{r.fileName}</strong> ({r.format}): {r.records} records, {r.imported} imported, {r.failedCount} failed
      {r.duplicateGroups !== null && <>; {r.duplicateGroups} duplicate groups in the library</>}
      {r.notes.length > 0 && <ul className="import-notes">{r.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {r.failed.length > 0 && (
        <ul className="import-failures">
          {r.failed.map((f) => <li key={f.record}>record {f.record}: {f.reason}</li>)}
        </ul>
      )}
    </li>
  );
}

export function LibraryImport({ reviewId }: { reviewId: number }) {
  const { run, progress, reports, busy } = useLibraryImport(reviewId);
  const [over, setOver] = useState(false);
  const [source, setSource] = useState('');
  const [search, setSearch] = useState('');
  const [format, setFormat] = useState('auto');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const start = (files: FileList | null) => {
    if (!files || files.length === 0 || busy) return;
    void run([...files], { source, search, format });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files);
  };
  const pct = progress && progress.totalBytes ? Math.round((100 * progress.bytesRead) / progress.totalBytes) : 0;
  return (
    <section aria-labelledby={`${id}-h`} className="library-import">
      <h2 id={`${id}-h`}>Import</h2>
      <div className="import-options">
        <label>Source database <input value={source} onChange={(e) => setSource(e.target.value)} placeholder="e.g. Scopus" /></label>
        <label>Search string <input value={search} onChange={(e) => setSearch(e.target.value)} /></label>
        <label>Format <select value={format} onChange={(e) => setFormat(e.target.value)}>{FORMATS.map((f) => <option key={f}>{f}</option>)}</select></label>
      </div>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop RIS, BibTeX, CSL-JSON, EndNote XML, MEDLINE, Web of Science or CSV files here, or</p>
        <input ref={input} id={`${id}-file`} type="file" multiple className="lib-sr-only" tabIndex={-1} aria-label="Files to import" onChange={(e) => {
          start(e.target.files);
          e.target.value = '';
        }} />
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>Choose files…</button>
      </div>
      <div aria-live="polite">
        {progress && (
          <div className="import-progress">
            <label htmlFor={`${id}-bar`}>Importing {progress.fileName}: {progress.records} records, {progress.recordsPerSecond} records/s</label>
            <progress id={`${id}-bar`} max={100} value={pct}>{pct}%</progress>
          </div>
        )}
        {reports.length > 0 && <ul className="import-reports" aria-label="Import report">{reports.map((r) => <Report key={`${r.fileName}-${r.batchId}`} r={r} />)}</ul>}
      </div>
    </section>
  );
}
