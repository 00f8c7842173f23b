// The final decision on one item in one stage, from the reviewers' decisions and the lead's resolution.
import type { Decision, Final } from './schemas.ts';

export function finalDecision(
  decisions: readonly Decision[],
  resolution: 'include' | 'exclude' | null | undefined,
  reviewersRequired: number,
): Final {
  if (resolution) return resolution;
  if (decisions.length < reviewersRequired || decisions.length === 0) return 'undecided';
  if (decisions.every((d) => d === 'include')) return 'include';
  if (decisions.every((d) => d === 'exclude')) return 'exclude';
  // include against exclude, or any maybe: a person has to decide
  return 'conflict';
}
