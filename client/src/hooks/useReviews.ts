import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Review } from '../../../shared/schemas.ts';

export function useReviews() {
  return useQuery({ queryKey: reviewKeys.all, queryFn: () => api<Review[]>('/reviews') });
}
