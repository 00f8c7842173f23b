import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { codingKeys } from '../components/coding/codingKeys.ts';
import { codingQuery } from '../components/coding/codingQuery.ts';
import type { EvidenceCell } from '../../../shared/coding/schemas.ts';

/** One cell of the evidence map: its items with their quotes; null reads nothing. */
export function useCodingEvidenceCell(reviewId: number, cell: { row: string; column: string } | null) {
  return useQuery({
    queryKey: codingKeys.cell(reviewId, cell?.row ?? '', cell?.column ?? ''),
    queryFn: () => api<EvidenceCell>(`/reviews/${reviewId}/coding/evidence-map/cell?${codingQuery({ row: cell?.row, column: cell?.column })}`),
    enabled: cell !== null,
  });
}
