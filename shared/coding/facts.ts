// The plain facts the coding computations work on: a tag reduced to what a matrix, map or agreement needs, and an
// item reduced to its label. Kept apart so that the pure modules share one shape and never see rows or zod.
export interface TagFact {
  id: number;
  itemId: number;
  code: string;
  quote: string;
  locator: string;
  reviewerId: number;
}

export interface ItemLabel {
  id: number;
  reference: string;
  title: string;
}

export function quoteOf(t: TagFact): { tagId: number; itemId: number; code: string; quote: string; locator: string; reviewerId: number } {
  return { tagId: t.id, itemId: t.itemId, code: t.code, quote: t.quote, locator: t.locator, reviewerId: t.reviewerId };
}
