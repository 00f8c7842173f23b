import type { ComponentType } from 'react';
import type { Review } from '../../../shared/schemas.ts';

export interface ScreenProps {
  review: Review;
}

export interface ScreenDef {
  /** URL hash segment: #/id */
  id: string;
  /** navigation label */
  label: string;
  component: ComponentType<ScreenProps>;
}
