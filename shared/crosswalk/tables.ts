// Plain-text tables derived from the crosswalk model; every text export format renders one of these.
import { modelLabel, PHASE_SEPARATOR, RELATION_MARKS, type Crosswalk, type StageCell } from './crosswalk.ts';
import type { Stage } from '../schemas.ts';

export interface TextTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export const CELL_TEXT = { noCounterpart: 'no counterpart', notAssessed: 'not assessed' } as const;

/** Table 1 of the seed review: models × bands, each cell the model's phases in that band in order. */
export function bandsTable(cw: Crosswalk, caption = cw.crosswalkCaption): TextTable {
  return {
    caption,
    header: ['Model', ...cw.bands.map((b) => b.label)],
    rows: cw.models.map((m) => [m.label, ...m.bandCells.map((c) => c.text)]),
  };
}

export function stageCellText(cell: StageCell): string {
  if (cell.state === 'no-counterpart') return CELL_TEXT.noCounterpart;
  if (cell.state === 'not-assessed') return CELL_TEXT.notAssessed;
  return cell.entries.map((e) => `${e.phaseLabel} (${RELATION_MARKS[e.relation]})`).join(PHASE_SEPARATOR);
}

/** Models × target stages: each cell lists the aligned phases with a mark for the relation. */
export function stagesTable(cw: Crosswalk, caption = 'Source models aligned to the target stages'): TextTable {
  return {
    caption,
    header: ['Model', ...cw.stages.map((s) => s.name)],
    rows: cw.models.map((m) => [m.label, ...m.stageCells.map(stageCellText)]),
  };
}

/** Table 2 of the seed review: the target framework's stages. */
export function targetTable(stages: Stage[], caption: string): TextTable {
  return {
    caption,
    header: ['Stage', 'Focus', 'Purpose', 'Key question', 'Success measured by'],
    rows: stages.map((s) => [
      s.name,
      s.focus,
      s.purpose,
      s.keyLabel ? `${s.keyLabel}: ${s.keyQuestion}` : s.keyQuestion,
      s.successMeasures,
    ]),
  };
}

export { modelLabel };
