import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Review } from '../../../shared/schemas.ts';

/** The reviews in the trash, which GET /reviews leaves out. */
export function useTrash() {
  return useQuery({ queryKey: reviewKeys.trash, queryFn: () => api<Review[]>('/reviews?trash=true') });
}
