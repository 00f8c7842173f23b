// Query keys of coding, all under the review's key, so whatever refreshes the review refreshes coding too. Items and
// tags say what "mine" is from who asks, so the chosen reviewer is part of their keys.
export const codingKeys = {
  all: (reviewId: number) => ['reviews', reviewId, 'coding'] as const,
  codebook: (reviewId: number) => ['reviews', reviewId, 'coding', 'codebook'] as const,
  items: (reviewId: number, reviewer: number | null) => ['reviews', reviewId, 'coding', 'items', reviewer] as const,
  itemTags: (reviewId: number, itemId: number) => ['reviews', reviewId, 'coding', 'tags', itemId] as const,
  matrix: (reviewId: number, query: string) => ['reviews', reviewId, 'coding', 'matrix', query] as const,
  map: (reviewId: number, query: string) => ['reviews', reviewId, 'coding', 'map', query] as const,
  cell: (reviewId: number, row: string, column: string) => ['reviews', reviewId, 'coding', 'cell', row, column] as const,
  alignment: (reviewId: number, alignmentId: number) => ['reviews', reviewId, 'coding', 'alignment', alignmentId] as const,
  stageSupport: (reviewId: number) => ['reviews', reviewId, 'coding', 'stage-support'] as const,
};
