import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ReviewTeamMember } from '../../../shared/schemas.ts';

/** The people working on a review, in order. */
export function useReviewTeam(reviewId: number) {
  return useQuery({ queryKey: reviewKeys.team(reviewId), queryFn: () => api<ReviewTeamMember[]>(`/reviews/${reviewId}/reviewers`) });
}
