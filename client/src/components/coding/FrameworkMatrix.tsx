import { useMemo, useState } from 'react';
import type { Matrix } from '../../../../shared/coding/schemas.ts';
import { BANDS, ORIENTATIONS, ORIENTATION_LABEL, type Orientation } from './codingLabels.ts';
import { useCodingCodebook } from '../../hooks/useCodingCodebook.ts';
import { useCodingMatrix } from '../../hooks/useCodingMatrix.ts';
import { codingQuery } from './codingQuery.ts';
import { branchesOf } from './EvidenceMapView.tsx';

// rows drawn at first and per "show more": 500 items × 100 codes is 50,000 cells, seconds of layout for a table
// nobody reads at once; the exports carry every row
const PAGE_ROWS = 50;

function MatrixTable({ matrix }: { matrix: Matrix }) {
  const cells = useMemo(() => new Map(matrix.cells.map((c) => [`${c.row}|${c.column}`, c.quotes])), [matrix.cells]);
  const [shown, setShown] = useState(PAGE_ROWS);
  const rows = matrix.rows.slice(0, shown);
  return (
    <>
    <table className="data-table coding-matrix" aria-label={`Framework matrix, ${ORIENTATION_LABEL[matrix.orientation]}`}>
      <thead>
        <tr>
          <th scope="col">{matrix.orientation === 'items-codes' ? 'Item' : 'Code'}</th>
          {matrix.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {matrix.columns.map((c) => {
              const quotes = cells.get(`${r.key}|${c.key}`);
              if (!quotes) return <td key={c.key} />;
              const quoted = quotes.filter((q) => q.quote);
              return (
                <td key={c.key}>
                  {quoted.map((q) => <p key={q.tagId} className="matrix-quote"><q>{q.quote}</q>{q.locator && ` (${q.locator})`}</p>)}
                  {quoted.length < quotes.length && <span className="matrix-tagged">✓ tagged{quoted.length ? ' also without a quote' : ''}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    {rows.length < matrix.rows.length && (
      <p className="matrix-more">
        {rows.length} of {matrix.rows.length} rows shown.{' '}
        <button type="button" onClick={() => setShown((n) => n + PAGE_ROWS)}>Show {Math.min(PAGE_ROWS, matrix.rows.length - rows.length)} more rows</button>{' '}
        <button type="button" onClick={() => setShown(matrix.rows.length)}>Show all</button>
      </p>
    )}
    </>
  );
}

/** NVivo's framework matrix: items × codes (or the reverse), each cell the quotes of that pair, by branch and band. */
export function FrameworkMatrix({ reviewId }: { reviewId: number }) {
  const codebook = useCodingCodebook(reviewId);
  const [orientation, setOrientation] = useState<Orientation>('items-codes');
  const [branch, setBranch] = useState('');
  const [band, setBand] = useState('');
  const params = { orientation, branch: branch || undefined, band: band || undefined };
  const matrix = useCodingMatrix(reviewId, params);
  const branches = branchesOf(codebook.data?.nodes ?? []);
  const exportUrl = (format: string) => `/api/reviews/${reviewId}/coding/export/matrix?${codingQuery({ format, ...params })}`;
  return (
    <section className="coding-matrix-view" aria-labelledby="coding-matrix-h">
      <h3 id="coding-matrix-h">Framework matrix</h3>
      <div className="coding-view-filters">
        <fieldset className="coding-orientation">
          <legend>Orientation</legend>
          {ORIENTATIONS.map((o) => (
            <label key={o}>
              <input type="radio" name="matrix-orientation" value={o} checked={orientation === o} onChange={() => setOrientation(o)} /> {ORIENTATION_LABEL[o]}
            </label>
          ))}
        </fieldset>
        <label htmlFor="matrix-branch">Branch</label>
        <select id="matrix-branch" value={branch} onChange={(e) => setBranch(e.target.value)}>
          <option value="">every code</option>
          {branches.map((b) => <option key={b.ref} value={b.ref}>{b.path.join(' / ')}</option>)}
        </select>
        <label htmlFor="matrix-band">Band</label>
        <select id="matrix-band" value={band} onChange={(e) => setBand(e.target.value)}>
          <option value="">every band</option>
          {BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
        </select>
        <span className="coding-downloads">
          Download: {['xlsx', 'docx', 'csv'].map((f) => <a key={f} href={exportUrl(f)} download>{f.toUpperCase()}</a>)}
        </span>
      </div>
      {matrix.error && <p role="alert">Could not load the matrix: {matrix.error.message}</p>}
      {matrix.isPending && <p role="status">Loading the matrix…</p>}
      {matrix.data && (matrix.data.rows.length === 0 || matrix.data.columns.length === 0
        ? <p className="coding-none">Nothing tagged under these filters yet.</p>
        : <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Framework matrix (scrolls)"><MatrixTable matrix={matrix.data} /></div>)}
    </section>
  );
}
