import type { Decision } from './types.ts';

export const DECISION_LABEL: Record<Decision, string> = { include: 'Include', exclude: 'Exclude', maybe: 'Maybe' };
