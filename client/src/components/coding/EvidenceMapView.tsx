import { useMemo, useState } from 'react';
import type { CodebookNode, EvidenceMap } from '../../../../shared/coding/schemas.ts';
import { describeError } from '../../api/problems.ts';
import { useCodingCodebook } from '../../hooks/useCodingCodebook.ts';
import { useCodingEvidenceMap } from '../../hooks/useCodingEvidenceMap.ts';
import { saveBlob } from '../../lib/saveBlob.ts';
import { svgToPngBlob } from '../export/ExportDialogPng.ts';
import { codingQuery } from './codingQuery.ts';
import { EvidenceCellPanel } from './EvidenceCellPanel.tsx';

const BUBBLE = 44;

/** The nodes with children: the branches an axis can be. */
export const branchesOf = (nodes: readonly CodebookNode[]): CodebookNode[] => {
  const parents = new Set(nodes.map((n) => n.parentRef));
  return nodes.filter((n) => parents.has(n.ref));
};

/** A bubble whose area is the cell's share of the largest cell; a gap is an empty dashed square, never a small dot. */
function Bubble({ items, max }: { items: number; max: number }) {
  const c = BUBBLE / 2;
  if (items === 0) {
    return (
      <svg width={BUBBLE} height={BUBBLE} viewBox={`0 0 ${BUBBLE} ${BUBBLE}`} aria-hidden="true" className="map-gap">
        <rect x={4} y={4} width={BUBBLE - 8} height={BUBBLE - 8} rx={4} />
      </svg>
    );
  }
  const r = Math.max(5, (c - 2) * Math.sqrt(items / Math.max(1, max)));
  return (
    <svg width={BUBBLE} height={BUBBLE} viewBox={`0 0 ${BUBBLE} ${BUBBLE}`} aria-hidden="true" className="map-bubble">
      <circle cx={c} cy={c} r={r} />
    </svg>
  );
}

function MapGrid({ map, onOpen, openKey }: { map: EvidenceMap; onOpen: (row: string, column: string) => void; openKey: string }) {
  const cells = useMemo(() => new Map(map.cells.map((c) => [`${c.row}|${c.column}`, c])), [map.cells]);
  return (
    <table className="evidence-map" aria-label="Evidence map: items tagged with both the row's and the column's code">
      <thead>
        <tr>
          <td />
          {map.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {map.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {map.columns.map((c) => {
              const cell = cells.get(`${r.key}|${c.key}`);
              const items = cell?.items ?? 0;
              const key = `${r.key}|${c.key}`;
              return (
                <td key={c.key}>
                  <button
                    type="button" className={`map-cell${items === 0 ? ' is-gap' : ''}`} aria-expanded={openKey === key} data-cell={key}
                    aria-label={`${r.label} × ${c.label}: ${items === 0 ? 'evidence gap, no item' : `${items} item${items === 1 ? '' : 's'}`}`}
                    onClick={() => onOpen(r.key, c.key)}
                  >
                    <Bubble items={items} max={map.maxItems} />
                    <span className="map-count" aria-hidden="true">{items === 0 ? 'gap' : items}</span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The evidence-and-gap map: one code branch (the stages by default) against another (the review's categories); each
 * cell a button whose bubble's area is the number of items tagged with both; Enter or a click lists them with quotes.
 */
export function EvidenceMapView({ reviewId }: { reviewId: number }) {
  const codebook = useCodingCodebook(reviewId);
  const [rows, setRows] = useState('root:stages');
  const [columns, setColumns] = useState('root:categories');
  const map = useCodingEvidenceMap(reviewId, { rows, columns });
  const [open, setOpen] = useState<{ row: string; column: string } | null>(null);
  const [error, setError] = useState('');
  const nodes = codebook.data?.nodes ?? [];
  const branches = branchesOf(nodes).map((b) => ({ ref: b.ref, label: b.path.join(' / ') }));
  // the axis shown is always a choice, even while its branch is still empty (no categories yet)
  const options = (must: string) => branches.some((b) => b.ref === must) ? branches
    : [{ ref: must, label: nodes.find((n) => n.ref === must)?.label ?? must }, ...branches];
  const exportUrl = (format: string) => `/api/reviews/${reviewId}/coding/export/evidence-map?${codingQuery({ format, rows, columns })}`;
  const png = async () => {
    setError('');
    try {
      const response = await fetch(exportUrl('svg'));
      if (!response.ok) throw new Error(`the figure could not be made (${response.status})`);
      saveBlob(await svgToPngBlob(await response.text()), 'evidence-map.png');
    } catch (err) {
      setError(`PNG not saved: ${describeError(err)}`);
    }
  };
  return (
    <section className="coding-map" aria-labelledby="coding-map-h">
      <h3 id="coding-map-h">Evidence-and-gap map</h3>
      <div className="coding-view-filters">
        <label htmlFor="map-rows">Rows</label>
        <select id="map-rows" value={rows} onChange={(e) => { setRows(e.target.value); setOpen(null); }}>
          {options(rows).map((b) => <option key={b.ref} value={b.ref}>{b.label}</option>)}
        </select>
        <label htmlFor="map-columns">Columns</label>
        <select id="map-columns" value={columns} onChange={(e) => { setColumns(e.target.value); setOpen(null); }}>
          {options(columns).map((b) => <option key={b.ref} value={b.ref}>{b.label}</option>)}
        </select>
        <span className="coding-downloads">
          Download:{' '}
          {['csv', 'html', 'svg', 'json'].map((f) => <a key={f} href={exportUrl(f)} download>{f.toUpperCase()}</a>)}
          <button type="button" onClick={() => void png()}>PNG</button>
        </span>
      </div>
      <p className="coding-help">Bubble area = items tagged with both codes; a dashed square is a gap: no item has both.</p>
      <p role="alert" className="form-error">{error}</p>
      {map.error && <p role="alert">Could not load the map: {map.error.message}</p>}
      {map.isPending && <p role="status">Loading the map…</p>}
      {map.data && (map.data.rows.length === 0 || map.data.columns.length === 0
        ? <p className="coding-none">{map.data.rows.length === 0 ? 'The rows branch has no codes.' : 'The columns branch has no codes: add categories in the Codebook.'}</p>
        : (
          <div className="map-scroll">
            <MapGrid map={map.data} openKey={open ? `${open.row}|${open.column}` : ''} onOpen={(row, column) => setOpen({ row, column })} />
          </div>
        ))}
      {open && map.data && (
        <EvidenceCellPanel
          reviewId={reviewId} cell={open}
          rowLabel={map.data.rows.find((r) => r.key === open.row)?.label ?? open.row}
          columnLabel={map.data.columns.find((c) => c.key === open.column)?.label ?? open.column}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
