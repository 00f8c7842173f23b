import type { Review } from '../../../../shared/schemas.ts';
import { HOME_SCREEN, pageHash, reviewHash } from '../../lib/route.ts';
import { byLastOpened, lastOpened } from '../../lib/visits.ts';

const openedText = (iso: string | undefined): string =>
  iso ? `opened ${new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : 'not opened yet';

/** The header's review picker: the active reviews, most recently opened first, and the way to all of them. */
export function ReviewSwitcher({ reviews, current, screen, rest }: {
  reviews: Review[];
  current: Review | undefined;
  screen: string;
  rest: string[];
}) {
  const opened = lastOpened();
  const shown = byLastOpened(reviews.filter((r) => !r.archivedAt || r.id === current?.id), opened);
  return (
    <div className="review-switcher">
      <label>
        Current review{' '}
        <select
          value={current?.slug ?? ''}
          onChange={(e) => {
            // the same screen in the other review: a layout in the address (crosswalk/stages) carries over, ids belong
            // to this review and do not
            const carried = rest.some((part) => /\d/.test(part)) ? [] : rest;
            window.location.hash = reviewHash(e.target.value, screen || HOME_SCREEN, ...(screen ? carried : []));
          }}
        >
          {!current && <option value="">Choose a review…</option>}
          {shown.map((r) => (
            <option key={r.id} value={r.slug}>
              {r.title}{r.archivedAt ? ' (archived)' : ''}{r.id === current?.id ? '' : ` — ${openedText(opened[r.slug])}`}
            </option>
          ))}
        </select>
      </label>
      <a href={pageHash('reviews')} className="all-reviews">All reviews</a>
      <a href={pageHash('new')} className="new-review">New review</a>
    </div>
  );
}
