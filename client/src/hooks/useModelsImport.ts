import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { reviewKeys } from '../api/keys.ts';
import { citationKeys } from './useCitations.ts';
import type { ModelsImportPreview, ModelsImportRequest, ModelsImportResult } from '../../../shared/models-table/schemas.ts';

/** under the crosswalk key: whatever changes the review's models or bands plans the pasted table again */
const previewKey = (reviewId: number, request: ModelsImportRequest | null) =>
  [...reviewKeys.crosswalk(reviewId), 'models-import-preview', request] as const;

/**
 * The plan for a pasted or uploaded table (null: nothing to plan yet), and the import that creates it. The import
 * refreshes the crosswalk (models, bands, phases) and the citations (links), but not the plan of the table just
 * imported, which would only say again that its models now exist.
 */
export function useModelsImport(reviewId: number, request: ModelsImportRequest | null) {
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: previewKey(reviewId, request),
    queryFn: () => api<ModelsImportPreview>(`/reviews/${reviewId}/models/import/preview`, { method: 'POST', json: request }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const create = useMutation({
    mutationFn: (body: ModelsImportRequest) =>
      api<ModelsImportResult>(`/reviews/${reviewId}/models/import`, { method: 'POST', json: body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: reviewKeys.crosswalk(reviewId),
          predicate: (q) => q.queryKey[3] !== 'models-import-preview',
        }),
        queryClient.invalidateQueries({ queryKey: citationKeys.all(reviewId) }),
      ]),
  });
  return { preview, create };
}
