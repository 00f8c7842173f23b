// One query-key factory per resource, so that mutations invalidate exactly what they change.
export const reviewKeys = {
  all: ['reviews'] as const,
  one: (reviewId: number) => ['reviews', reviewId] as const,
  crosswalk: (reviewId: number) => ['reviews', reviewId, 'crosswalk'] as const,
  flow: (reviewId: number) => ['reviews', reviewId, 'flow'] as const,
  /** under the crosswalk key, so whatever invalidates the crosswalk refreshes the alignment details too */
  crosswalkAlignments: (reviewId: number) => ['reviews', reviewId, 'crosswalk', 'alignments'] as const,
};
