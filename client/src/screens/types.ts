import type { ComponentType } from 'react';
import type { Review } from '../../../shared/schemas.ts';

export interface ScreenProps {
  review: Review;
}

/** Navigation groups, shown in the order their first screen appears in the list. */
export type ScreenGroup = 'Synthesis' | 'Literature' | 'References' | 'Review';

export interface ScreenDef {
  /** URL segment after the review: #/r/<slug>/<id> */
  id: string;
  /** navigation label */
  label: string;
  group: ScreenGroup;
  component: ComponentType<ScreenProps>;
}

/** A page outside any review (#/<id>): the list of reviews, starting a new one. */
export interface PageDef {
  id: 'reviews' | 'new';
  label: string;
  component: ComponentType;
}
