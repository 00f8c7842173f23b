import type { Review } from '../../../../shared/schemas.ts';
import { reviewHash } from '../../lib/route.ts';
import { NotFound } from './NotFound.tsx';

/**
 * The address names a model, phase, stage or citation this review does not have (deleted, or a link from another
 * review): said so, with the way back to the screen, rather than quietly showing something else.
 */
export function MissingInAddress({ review, what, ids, screen, screenLabel }: {
  review: Review;
  what: string;
  ids: (string | number)[];
  screen: string;
  screenLabel: string;
}) {
  return (
    <NotFound
      title={`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} not found`}
      detail={`“${review.title}” has no ${what} ${ids.join(', ')}: it may have been deleted, or the link belongs to another review.`}
      back={[{ href: reviewHash(review.slug, screen), label: `Back to ${screenLabel}` }]}
    />
  );
}
