import { useState, type FormEvent } from 'react';
import type { Review } from '../../../../shared/schemas.ts';
import type { ReviewSummary } from '../../hooks/useReviewSummaries.ts';
import { HOME_SCREEN, reviewHash } from '../../lib/route.ts';
import { usePendingFocus } from '../../hooks/usePendingFocus.ts';

export interface ReviewRowActions {
  onRename: (review: Review, title: string) => Promise<boolean>;
  onDuplicate: (review: Review) => void;
  onArchive: (review: Review, archived: boolean) => void;
  onDelete: (review: Review) => void;
}

/** Ids of a row's controls, so that focus can follow a row when it moves between sections. */
export const reviewRowId = (reviewId: number, part: 'title' | 'rename' | 'archive' | 'unarchive'): string => `review-${reviewId}-${part}`;

const dateText = (iso: string | undefined, withTime: boolean): string =>
  iso ? new Date(iso).toLocaleString(undefined, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }) : 'never';

/** The name a control has for assistive technology: what it does, then which review, e.g. "Rename Stages of …". */
const For = ({ title }: { title: string }) => <span className="wb-sr-only"> {title}</span>;

/** A table of reviews with what can be done to each; every control's name includes the review's title. */
export function ReviewTable({ reviews, caption, summaries, opened, actions, busy }: {
  reviews: Review[];
  caption: string;
  summaries: Map<number, ReviewSummary>;
  opened: Record<string, string>;
  actions: ReviewRowActions;
  busy: boolean;
}) {
  const [renaming, setRenaming] = useState<number | null>(null);
  const focusLater = usePendingFocus();
  return (
    <table className="data-table reviews-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Question</th>
          <th scope="col">Models</th>
          <th scope="col">Phases</th>
          <th scope="col">Last opened</th>
          <th scope="col">Created</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {reviews.map((r) => {
          const summary = summaries.get(r.id);
          return (
            <tr key={r.id}>
              <th scope="row">
                {renaming === r.id ? (
                  <RenameForm
                    review={r}
                    onCancel={() => {
                      setRenaming(null);
                      focusLater(`#${reviewRowId(r.id, 'rename')}`);
                    }}
                    onSave={async (title) => {
                      if (!(await actions.onRename(r, title))) return;
                      setRenaming(null);
                      focusLater(`#${reviewRowId(r.id, 'rename')}`);
                    }}
                  />
                ) : (
                  <a href={reviewHash(r.slug, HOME_SCREEN)} id={reviewRowId(r.id, 'title')}>{r.title}</a>
                )}
                <span className="review-slug">{r.slug}</span>
              </th>
              <td>{r.question || <span className="review-none">—</span>}</td>
              <td>{summary ? summary.models : '…'}</td>
              <td>{summary ? summary.phases : '…'}</td>
              <td>{dateText(opened[r.slug], true)}</td>
              <td>{dateText(r.createdAt, false)}</td>
              <td>
                <div className="review-actions">
                  <a className="button-link" href={reviewHash(r.slug, HOME_SCREEN)}>Open<For title={r.title} /></a>
                  <button type="button" id={reviewRowId(r.id, 'rename')} onClick={() => setRenaming(r.id)}>
                    Rename<For title={r.title} />
                  </button>
                  <button type="button" onClick={() => actions.onDuplicate(r)} disabled={busy}>Duplicate<For title={r.title} /></button>
                  <button type="button" id={reviewRowId(r.id, r.archivedAt ? 'unarchive' : 'archive')} onClick={() => actions.onArchive(r, !r.archivedAt)} disabled={busy}>
                    {r.archivedAt ? 'Unarchive' : 'Archive'}<For title={r.title} />
                  </button>
                  <a className="button-link" href={`/api/reviews/${r.id}/bundle`} download={`${r.slug}.workbench.json`}>
                    Export bundle<span className="wb-sr-only"> of {r.title}</span>
                  </a>
                  <button type="button" className="danger" onClick={() => actions.onDelete(r)} disabled={busy}>Delete<For title={r.title} /></button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Renames in place: only the title changes, the address (slug) stays, so links keep working. */
function RenameForm({ review, onSave, onCancel }: { review: Review; onSave: (title: string) => Promise<void>; onCancel: () => void }) {
  const [title, setTitle] = useState(review.title);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSave(title.trim());
    } finally {
      setBusy(false);
    }
  };
  const inputId = `rename-${review.id}`;
  return (
    <form
      className="inline-form rename-form"
      aria-label={`Rename ${review.title}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId}>Title</label>
      <input id={inputId} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus />
      <button type="submit" disabled={busy || title.trim() === ''}>Save</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
