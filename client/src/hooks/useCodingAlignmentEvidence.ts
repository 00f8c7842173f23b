import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import { citationKeys } from './useCitations.ts';
import type { AlignmentEvidence, AttachedEvidence } from '../../../shared/coding/schemas.ts';

/** The tagged passages behind an alignment, and attaching one as its evidence (a citation link) in one step. */
export function useCodingAlignmentEvidence(reviewId: number, alignmentId: number) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: codingKeys.alignment(reviewId, alignmentId),
    queryFn: () => api<AlignmentEvidence>(`/reviews/${reviewId}/coding/alignments/${alignmentId}/evidence`),
  });
  const attach = useMutation({
    mutationFn: (tagId: number) => api<AttachedEvidence>(`/reviews/${reviewId}/coding/alignments/${alignmentId}/evidence`, { method: 'POST', json: { tagId } }),
    // the link is a citation link: the alignment's citation chips show it
    onSettled: () => queryClient.invalidateQueries({ queryKey: citationKeys.all(reviewId) }),
  });
  return { query, attach };
}
