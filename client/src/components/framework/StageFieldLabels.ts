import type { StageFields } from '../../hooks/useStageMutations.ts';

/** The stage's editable fields as the editor and the conflict view name them, in form order. */
export const STAGE_FIELD_LABELS: Record<keyof StageFields, string> = {
  name: 'Name',
  focus: 'Focus',
  purpose: 'Purpose',
  keyLabel: 'Key-question label',
  keyQuestion: 'Key question',
  successMeasures: 'Success measures',
  bandId: 'Band',
};
