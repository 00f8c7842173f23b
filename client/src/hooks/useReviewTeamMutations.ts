import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { ReviewTeamMember } from '../../../shared/schemas.ts';

/**
 * Add a person to a review's team (by name; the server creates the reviewer if new), set their initials or role
 * (a lead unblinds screening and resolves conflicts), or take them off it.
 */
export function useReviewTeamMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: reviewKeys.team(reviewId) });
  const add = useMutation({
    mutationFn: (member: { name: string; email: string | null }) =>
      api<ReviewTeamMember>(`/reviews/${reviewId}/reviewers`, { method: 'POST', json: member }),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (reviewerId: number) => api<void>(`/reviews/${reviewId}/reviewers/${reviewerId}`, { method: 'DELETE' }),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ reviewerId, ...patch }: { reviewerId: number; initials?: string; role?: ReviewTeamMember['role'] }) =>
      api<ReviewTeamMember>(`/reviews/${reviewId}/reviewers/${reviewerId}`, { method: 'PATCH', json: patch }),
    onSettled,
  });
  return { add, remove, update };
}
