// Words for each relation, read "phase → stage", for labels, menus and screen readers.
import type { Relation } from '../../../../shared/schemas.ts';

export type AlignedRelation = Exclude<Relation, 'no-counterpart'>;

export const ALIGNED_RELATIONS: AlignedRelation[] = ['equivalent', 'subset-of', 'superset-of', 'intersects-with'];

export const RELATION_TEXT: Record<Relation, string> = {
  equivalent: 'equivalent',
  'subset-of': 'subset of',
  'superset-of': 'superset of',
  'intersects-with': 'intersects with',
  'no-counterpart': 'no counterpart',
};

export const RELATION_HINT: Record<AlignedRelation, string> = {
  equivalent: 'same scope',
  'subset-of': 'the phase is part of the stage',
  'superset-of': 'the phase spans more than the stage',
  'intersects-with': 'partial overlap',
};
