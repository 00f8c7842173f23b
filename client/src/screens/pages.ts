// Pages outside any review, at #/<id>: add one by adding it here.
import { ReviewsScreen } from './ReviewsScreen.tsx';
import { NewReviewScreen } from './NewReviewScreen.tsx';
import type { PageDef } from './types.ts';

export const pages: PageDef[] = [
  { id: 'reviews', label: 'Reviews', component: ReviewsScreen },
  { id: 'new', label: 'New review', component: NewReviewScreen },
];
