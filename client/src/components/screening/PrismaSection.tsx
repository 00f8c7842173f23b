// The PRISMA 2020 flow on the Overview: the server's diagram as an image, the counts behind it (entered ones marked),
// and downloads: the SVG as served, a PNG drawn by the browser from it.
import { useState } from 'react';
import { PRISMA_BOXES, PRISMA_LABELS, type PrismaBoxKey } from '../../../../shared/screening/prisma.ts';
import { usePrisma } from '../../hooks/usePrisma.ts';
import { svgToPngBlob } from '../export/ExportDialogPng.ts';
import type { Prisma } from './types.ts';
import { saveBlob } from '../../lib/saveBlob.ts';
import { PrismaEnterCount } from './PrismaEnterCount.tsx';

const count = (n: number | null | undefined): string => (n === null || n === undefined ? 'not known' : n.toLocaleString('en-GB'));

/** The figure's text alternative: the main line of the flow in words. */
function altText(flow: Prisma): string {
  const c = (key: PrismaBoxKey) => count(flow.boxes[key]?.count);
  return `PRISMA 2020 flow diagram: ${c('database_results')} records from databases, ${c('register_results')} from registers and ` +
    `${c('other_results')} from other methods; ${c('duplicates')} duplicates removed; ${c('records_screened')} records screened, ` +
    `${c('records_excluded')} excluded; ${c('dbr_assessed')} reports assessed for eligibility, ${c('dbr_excluded')} excluded; ` +
    `${c('new_studies')} studies included. The table below lists every count.`;
}

export function PrismaSection({ reviewId, slug }: { reviewId: number; slug: string }) {
  const prisma = usePrisma(reviewId);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const figureUrl = `/api/reviews/${reviewId}/prisma/figure.svg`;
  const fileName = `prisma-${slug}`;
  const downloadPng = async () => {
    setError('');
    try {
      const response = await fetch(figureUrl);
      if (!response.ok) throw new Error(`the figure could not be fetched (${response.status})`);
      saveBlob(await svgToPngBlob(await response.text(), 2), `${fileName}.png`);
    } catch (err) {
      setError(`No PNG: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (prisma.error) return <p role="alert">Could not load the PRISMA flow: {prisma.error.message}</p>;
  if (!prisma.data) return null;
  const flow = prisma.data;
  return (
    <section aria-labelledby="prisma-heading" className="prisma-section">
      <h2 id="prisma-heading">PRISMA 2020 flow</h2>
      <div className="prisma-actions">
        <a className="prisma-download" href={figureUrl} download={`${fileName}.svg`}>Download SVG</a>
        <button type="button" onClick={() => void downloadPng()}>Download PNG</button>
        <p role="alert" className="form-error">{error}</p>
      </div>
      <p role="status" className="prisma-saved">{saved}</p>
      {/* a new address each time the counts are read again, so the image follows them */}
      <img className="prisma-figure" src={`${figureUrl}?v=${prisma.dataUpdatedAt}`} alt={altText(flow)} />
      <table className="data-table prisma-counts">
        <caption>PRISMA 2020 counts: derived from the records unless marked “entered” (typed in by hand)</caption>
        <thead>
          <tr><th scope="col">Box</th><th scope="col">Count</th><th scope="col">Source</th></tr>
        </thead>
        <tbody>
          {PRISMA_BOXES.map((key) => {
            const box = flow.boxes[key];
            if (!box) return null;
            return (
              <tr key={key} data-box={key}>
                <th scope="row">{PRISMA_LABELS[key]}</th>
                <td>
                  {count(box.count)}
                  {box.reasons && box.reasons.length > 0 && (
                    <ul className="prisma-reasons">
                      {box.reasons.map((r) => <li key={r.reason}>{r.reason}: {r.count}</li>)}
                    </ul>
                  )}
                </td>
                <td>
                  {box.entered ? <span className="prisma-entered">entered</span> : box.count === null ? 'cannot be derived from the records' : 'from the data'}{box.note ? ` — ${box.note}` : ''}
                  {(box.entered || box.count === null) && (
                    <PrismaEnterCount
                      key={`${key}-${box.count ?? ''}`} reviewId={reviewId} boxKey={key} label={PRISMA_LABELS[key]}
                      current={box.entered ? box.count : null} onSaved={setSaved}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
