import { useState } from 'react';
import { useReviews } from './hooks/useReviews.ts';
import { useCrosswalk } from './hooks/useCrosswalk.ts';
import { BandsTable } from './components/BandsTable.tsx';
import { TargetTable } from './components/TargetTable.tsx';

export function App() {
  const reviews = useReviews();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const reviewId = chosen ?? reviews.data?.[0]?.id;
  const review = reviews.data?.find((r) => r.id === reviewId);
  const crosswalk = useCrosswalk(reviewId);

  return (
    <>
      <header className="app-header">
        <p className="app-name">Synthesis Workbench</p>
        {reviews.data && reviews.data.length > 1 && (
          <label>
            Review{' '}
            <select value={reviewId} onChange={(e) => setChosen(Number(e.target.value))}>
              {reviews.data.map((r) => (
                <option key={r.id} value={r.id}>{r.title}</option>
              ))}
            </select>
          </label>
        )}
      </header>
      <main>
        {reviews.isPending && <p role="status">Loading reviews…</p>}
        {reviews.error && <p role="alert">Could not load reviews: {reviews.error.message}</p>}
        {review && <h1>{review.title}</h1>}
        {crosswalk.error && <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>}
        {crosswalk.data && (
          <>
            <section aria-labelledby="models-heading">
              <h2 id="models-heading">Source models ({crosswalk.data.crosswalk.models.length})</h2>
              <ol className="model-list">
                {crosswalk.data.crosswalk.models.map((m) => (
                  <li key={m.framework.id}>
                    {m.framework.name} <span className="citation">({m.framework.citation})</span>
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="table1-heading">
              <h2 id="table1-heading">Table 1</h2>
              <BandsTable crosswalk={crosswalk.data.crosswalk} caption={crosswalk.data.tables.bands.caption} />
            </section>
            <section aria-labelledby="table2-heading">
              <h2 id="table2-heading">Table 2</h2>
              <TargetTable stages={crosswalk.data.crosswalk.stages} caption={crosswalk.data.tables.target.caption} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
