import type { Review } from '../../../../shared/schemas.ts';
import { reviewHash } from '../../lib/route.ts';
import { ModelsTableImport } from '../models/ModelsTableImport.tsx';

/** The last step of the setup: source models, from a pasted or uploaded Table-1-shaped table. */
export function SetupModels({ review }: { review: Review }) {
  return (
    <div className="setup-models">
      <ModelsTableImport review={review} />
      <p>
        Models can also be added one by one, with their phases, on the{' '}
        <a href={reviewHash(review.slug, 'models')}>Models screen</a> at any time.
      </p>
    </div>
  );
}
