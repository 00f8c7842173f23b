// One query-key factory per resource, so that mutations invalidate exactly what they change.
export const reviewKeys = {
  all: ['reviews'] as const,
  /** the reviews in the trash: under `all`, so whatever refreshes the list refreshes the trash too */
  trash: ['reviews', 'trash'] as const,
  one: (reviewId: number) => ['reviews', reviewId] as const,
  crosswalk: (reviewId: number) => ['reviews', reviewId, 'crosswalk'] as const,
  flow: (reviewId: number) => ['reviews', reviewId, 'flow'] as const,
  /** the review's team (GET …/reviewers) */
  team: (reviewId: number) => ['reviews', reviewId, 'team'] as const,
  /** under the crosswalk key, so whatever invalidates the crosswalk refreshes the alignment details too */
  crosswalkAlignments: (reviewId: number) => ['reviews', reviewId, 'crosswalk', 'alignments'] as const,
  /** everything screening shows depends on who asks: the chosen reviewer is part of every key below it */
  screening: (reviewId: number, reviewer: number | null) => ['reviews', reviewId, 'screening', reviewer] as const,
  screeningStages: (reviewId: number, reviewer: number | null) => ['reviews', reviewId, 'screening', reviewer, 'stages'] as const,
  screeningStage: (reviewId: number, reviewer: number | null, stageId: number) => ['reviews', reviewId, 'screening', reviewer, 'stage', stageId] as const,
  screeningQueue: (reviewId: number, reviewer: number | null, stageId: number, filter: string, order: string) =>
    ['reviews', reviewId, 'screening', reviewer, 'stage', stageId, 'queue', filter, order] as const,
  prisma: (reviewId: number) => ['reviews', reviewId, 'prisma'] as const,
};
