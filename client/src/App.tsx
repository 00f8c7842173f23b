import { useState } from 'react';
import { useReviews } from './hooks/useReviews.ts';
import { useHashRoute } from './hooks/useHashRoute.ts';
import { screens } from './screens/index.ts';
import { QuickFind } from './components/common/QuickFind.tsx';

export function App() {
  const reviews = useReviews();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const { screen } = useHashRoute();
  const review = reviews.data?.find((r) => r.id === chosen) ?? reviews.data?.[0];
  const current = screens.find((s) => s.id === screen) ?? screens[0];
  const Screen = current?.component;

  return (
    <>
      <header className="app-header">
        <p className="app-name">Synthesis Workbench</p>
        <nav aria-label="Screens">
          <ul className="nav-list">
            {screens.map((s) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} aria-current={s.id === current?.id ? 'page' : undefined}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        {reviews.data && reviews.data.length > 1 && (
          <label className="review-picker">
            Review{' '}
            <select value={review?.id} onChange={(e) => setChosen(Number(e.target.value))}>
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
        {reviews.data?.length === 0 && <p>No reviews yet.</p>}
        {review && <h1>{review.title}</h1>}
        {review && Screen && <Screen review={review} />}
      </main>
      {review && <QuickFind review={review} />}
    </>
  );
}
