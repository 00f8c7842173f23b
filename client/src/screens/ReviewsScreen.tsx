import { useState } from 'react';
import type { Review } from '../../../shared/schemas.ts';
import { ConfirmDialog } from '../components/common/ConfirmDialog.tsx';
import { BundleRestore } from '../components/review/BundleRestore.tsx';
import { DuplicateReviewDialog, type DuplicateChoice } from '../components/review/DuplicateReviewDialog.tsx';
import { ReviewTable, reviewRowId, type ReviewRowActions } from '../components/review/ReviewTable.tsx';
import { ReviewTrash } from '../components/review/ReviewTrash.tsx';
import { describeError, isConflict } from '../api/problems.ts';
import { usePendingFocus } from '../hooks/usePendingFocus.ts';
import { useReviewMutations } from '../hooks/useReviewMutations.ts';
import { useReviewSummaries, type ReviewSummary } from '../hooks/useReviewSummaries.ts';
import { useReviews } from '../hooks/useReviews.ts';
import { HOME_SCREEN, pageHash, reviewHash } from '../lib/route.ts';
import { lastOpened } from '../lib/visits.ts';
import '../styles/reviews.css';

type Message =
  | { kind: 'status'; text: string; open?: Review }
  | { kind: 'error'; text: string }
  | { kind: 'trashed'; review: Review };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What moving a review to the trash takes off the list, in words. */
function trashWhat(summary: ReviewSummary | undefined): string {
  if (!summary) return 'everything in it';
  return `its ${plural(summary.models, 'model')} and ${plural(summary.phases, 'phase')}, the target framework, alignments, citations and literature`;
}

/** Every review: open, rename, duplicate, archive, export, delete (to the trash, undoable), restore bundles. */
export function ReviewsScreen() {
  const reviews = useReviews();
  const mutations = useReviewMutations();
  const all = reviews.data ?? [];
  const summaries = useReviewSummaries(all.map((r) => r.id));
  const [message, setMessage] = useState<Message | null>(null);
  const focusLater = usePendingFocus();
  const [duplicating, setDuplicating] = useState<Review | null>(null);
  const [deleting, setDeleting] = useState<Review | null>(null);
  const opened = lastOpened();
  const busy = mutations.trash.isPending || mutations.update.isPending || mutations.undelete.isPending || mutations.purge.isPending;

  // A stale write says so in the server's words; the list is refetched either way (useReviewMutations), so the
  // user sees the current state and decides again, and nothing is overwritten silently.
  const fail = (what: string) => (error: unknown) =>
    setMessage({ kind: 'error', text: `${what}: ${describeError(error)}${isConflict(error) ? ' The list now shows the current state.' : ''}` });

  const actions: ReviewRowActions = {
    onRename: async (review, title) => {
      try {
        const saved = await mutations.update.mutateAsync({ id: review.id, version: review.version, patch: { title } });
        setMessage({ kind: 'status', text: `Renamed “${review.title}” to “${saved.title}”.` });
        return true;
      } catch (error) {
        // the form stays open: after a 409 the row holds the current review, so Save again is a conscious choice
        fail('Not renamed')(error);
        return false;
      }
    },
    onDuplicate: (review) => setDuplicating(review),
    onArchive: (review, archived) => {
      mutations.update.mutateAsync({ id: review.id, version: review.version, patch: { archived } }).then(
        () => {
          setMessage({
            kind: 'status',
            text: archived
              ? `Archived “${review.title}”: it is kept as it is and left out of the review picker.`
              : `“${review.title}” is active again.`,
          });
          // the row moves to the other table: focus its button there, once it is there
          focusLater(`#${reviewRowId(review.id, archived ? 'unarchive' : 'archive')}`);
        },
        fail(archived ? 'Not archived' : 'Not unarchived'),
      );
    },
    onDelete: (review) => setDeleting(review),
  };

  const duplicate = async (from: Review, choice: DuplicateChoice) => {
    const copy = await mutations.create.mutateAsync({
      title: choice.title,
      start: { kind: 'copy', fromReviewId: from.id, alignments: choice.alignments, literature: choice.literature },
    });
    setDuplicating(null);
    setMessage({ kind: 'status', text: `Created “${copy.title}”, a copy of “${from.title}”.`, open: copy });
    focusLater(`#${reviewRowId(copy.id, 'title')}`);
  };

  const moveToTrash = (review: Review) => {
    setDeleting(null);
    mutations.trash.mutateAsync({ id: review.id, version: review.version }).then(
      (trashed) => {
        setMessage({ kind: 'trashed', review: trashed });
        focusLater('#reviews-undo');
      },
      fail('Not deleted'),
    );
  };
  const restore = (review: Review) => {
    mutations.undelete.mutateAsync(review.id).then(
      (restored) => {
        setMessage({ kind: 'status', text: `Restored “${restored.title}” from the trash.`, open: restored });
        focusLater(`#${reviewRowId(restored.id, 'title')}`);
      },
      fail('Not restored'),
    );
  };
  const purge = (review: Review) => {
    mutations.purge.mutateAsync(review.id).then(
      () => {
        setMessage({ kind: 'status', text: `Deleted “${review.title}” permanently.` });
        focusLater('#trash-heading');
      },
      fail('Not deleted'),
    );
  };

  const active = all.filter((r) => !r.archivedAt);
  const archived = all.filter((r) => r.archivedAt);
  const table = (list: Review[], caption: string) => (
    <ReviewTable reviews={list} caption={caption} summaries={summaries} opened={opened} actions={actions} busy={busy} />
  );

  return (
    <div className="reviews-screen">
      <h1 id="reviews-heading" tabIndex={-1}>Reviews</h1>
      <p className="reviews-new"><a href={pageHash('new')} className="button-link">New review</a></p>
      <div className="reviews-messages">
        <div role="status">
          {message?.kind === 'status' && (
            <p>
              {message.text}
              {message.open && <> <a href={reviewHash(message.open.slug, HOME_SCREEN)}>Open “{message.open.title}”</a></>}
            </p>
          )}
          {message?.kind === 'trashed' && (
            <p className="undo-banner">
              Moved “{message.review.title}” to the trash —{' '}
              <button type="button" id="reviews-undo" onClick={() => restore(message.review)} disabled={busy}>Undo</button>
            </p>
          )}
        </div>
        <p role="alert" className="form-error">{message?.kind === 'error' ? message.text : ''}</p>
      </div>
      {reviews.error && <p role="alert">Could not load the reviews: {reviews.error.message}</p>}
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">Active reviews</h2>
        {active.length > 0 ? table(active, 'Reviews you are working on') : <p>No active reviews. <a href={pageHash('new')}>Start one</a>.</p>}
      </section>
      {archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived</h2>
          {table(archived, 'Archived reviews: kept as they are, left out of the review picker')}
        </section>
      )}
      <ReviewTrash onRestore={restore} onPurge={purge} busy={busy} />
      <BundleRestore
        restore={(file, slug) => mutations.restoreBundle.mutateAsync({ file, slug })}
        onRestored={(review) => {
          setMessage({ kind: 'status', text: `Restored “${review.title}” from the bundle.`, open: review });
        }}
      />
      {duplicating && (
        <DuplicateReviewDialog
          review={duplicating}
          onDuplicate={(choice) => duplicate(duplicating, choice)}
          onCancel={() => {
            const id = duplicating.id;
            setDuplicating(null);
            focusLater(`#${reviewRowId(id, 'title')}`);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          confirmLabel="Move to the trash"
          onConfirm={() => moveToTrash(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>“{deleting.title}” goes to the trash with {trashWhat(summaries.get(deleting.id))}.</p>
          <p>Nothing is removed: you can restore it from the trash until you delete it permanently.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
