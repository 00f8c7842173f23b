import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { ALIGNED_RELATIONS, type Coverage, type CoverageCell, type CoverageRow, type RelationCounts } from '../../../../shared/crosswalk/coverage.ts';
import type { Stage } from '../../../../shared/schemas.ts';

export function relationSummary(counts: RelationCounts): string {
  return ALIGNED_RELATIONS.filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${r}`).join(', ');
}

function cellLabel(cell: CoverageCell): string {
  // each starts with the cell's visible words, so speech and sight agree
  if (cell.state === 'no-counterpart') return 'none: no counterpart (assessed, nothing aligns)';
  if (cell.state === 'not-assessed') return 'not assessed yet';
  return `${cell.count} ${cell.count === 1 ? 'phase' : 'phases'} aligned: ${relationSummary(cell.byRelation)}`;
}

function CellContent({ cell }: { cell: CoverageCell }) {
  if (cell.state === 'no-counterpart') return <span className="cov-none" aria-hidden="true">— none</span>;
  if (cell.state === 'not-assessed') return <span className="cov-unassessed" aria-hidden="true">? not assessed</span>;
  return (
    <span aria-hidden="true">
      <span className="cov-count">{cell.count}</span>{' '}
      <span className="cov-marks">
        {ALIGNED_RELATIONS.filter((r) => cell.byRelation[r] > 0).map((r) => (
          <span key={r} className="cov-mark">
            {RELATION_MARKS[r]}
            {cell.byRelation[r] > 1 && <sub>{cell.byRelation[r]}</sub>}
          </span>
        ))}
      </span>
    </span>
  );
}

interface RowProps {
  row: CoverageRow;
  r: number;
  stages: Stage[];
  /** the column holding the grid's tab stop, or -1 when it is in another row */
  activeCol: number;
  selectedStageId: number | null;
  onCellClick: (r: number, c: number, cell: CoverageCell) => void;
  onCellKey: (e: KeyboardEvent<HTMLButtonElement>, r: number, c: number) => void;
}

// Memoised so that selecting or moving to a cell re-renders two rows, not all fifty.
const CoverageMatrixRow = memo(function CoverageMatrixRow({ row, r, stages, activeCol, selectedStageId, onCellClick, onCellKey }: RowProps) {
  return (
    <tr>
      <th scope="row">{row.label}</th>
      {row.cells.map((cell, c) => (
        <td key={cell.stageId} className={`cov-cell cov-${cell.state}${cell.count > 0 ? ` cov-weight-${Math.min(cell.count, 3)}` : ''}`}>
          <button
            type="button"
            className="cov-button"
            data-cell={`${r}-${c}`}
            data-state={cell.state}
            tabIndex={c === activeCol ? 0 : -1}
            aria-pressed={selectedStageId === cell.stageId}
            aria-label={`${row.framework.name} × ${stages[c]?.name ?? ''}: ${cellLabel(cell)}`}
            onClick={() => onCellClick(r, c, cell)}
            onKeyDown={(e) => onCellKey(e, r, c)}
          >
            <CellContent cell={cell} />
          </button>
        </td>
      ))}
      <td className="cov-assessed">{row.stagesCovered} of {stages.length}</td>
      <td className="cov-assessed">
        {row.assessed} of {row.phaseCount}
        {row.noCounterpart > 0 && <span className="cov-note"> ({row.noCounterpart} without counterpart)</span>}
      </td>
    </tr>
  );
});

/**
 * Models × stages, one button per cell. Arrow keys move between cells (one tab stop for the whole grid, the last
 * focused cell), Enter or click opens the cell. `onSelect` should be stable (useCallback) to keep rows memoised.
 */
export function CoverageMatrix({
  coverage, caption, selected, onSelect,
}: {
  coverage: Coverage;
  caption: string;
  selected: { frameworkId: number; stageId: number } | null;
  onSelect: (cell: CoverageCell) => void;
}) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const tableRef = useRef<HTMLTableElement>(null);
  const rows = coverage.rows.length;
  const cols = coverage.stages.length;

  const onCellKey = useCallback((e: KeyboardEvent<HTMLButtonElement>, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, cols - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const row = Math.max(0, Math.min(rows - 1, to[0]));
    const col = Math.max(0, Math.min(cols - 1, to[1]));
    setActive([row, col]);
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${row}-${col}"]`)?.focus();
  }, [rows, cols]);
  const onCellClick = useCallback((r: number, c: number, cell: CoverageCell) => {
    setActive([r, c]);
    onSelect(cell);
  }, [onSelect]);
  const [ar, ac] = active[0] < rows && active[1] < cols ? active : [0, 0];

  return (
    <table className="data-table coverage-table" ref={tableRef} aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          {coverage.stages.map((s) => (
            <th scope="col" key={s.id}>{s.name}</th>
          ))}
          <th scope="col" className="cov-side">Stages reached</th>
          <th scope="col" className="cov-side">Phases assessed</th>
        </tr>
      </thead>
      <tbody>
        {coverage.rows.map((row, r) => (
          <CoverageMatrixRow
            key={row.framework.id}
            row={row}
            r={r}
            stages={coverage.stages}
            activeCol={r === ar ? ac : -1}
            selectedStageId={selected?.frameworkId === row.framework.id ? selected.stageId : null}
            onCellClick={onCellClick}
            onCellKey={onCellKey}
          />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Models covering</th>
          {coverage.totals.map((t) => (
            <td key={t.stage.id} className={t.rank === 1 ? 'cov-least' : undefined}>
              {t.modelsCovering} of {rows}
              <span className="cov-note"> · {t.phasesAligned} {t.phasesAligned === 1 ? 'phase' : 'phases'}</span>
              {t.rank === 1 && <span className="cov-note"> · least covered</span>}
            </td>
          ))}
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}
