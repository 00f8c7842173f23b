import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import type { Prisma } from '../components/screening/types.ts';

/** The PRISMA 2020 counts, derived from the review's data, with the ones entered by hand marked. */
export function usePrisma(reviewId: number) {
  return useQuery({ queryKey: reviewKeys.prisma(reviewId), queryFn: () => api<Prisma>(`/reviews/${reviewId}/prisma`) });
}
