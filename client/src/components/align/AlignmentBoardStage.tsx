import type { KeyboardEvent, ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { Stage } from '../../../../shared/schemas.ts';

export const stageDomId = (id: number): string => `align-stage-${id}`;

/** A target stage on the board: a drop target, and a button that aligns the selected phase to it. */
export function AlignmentBoardStage({ stage, index, alignedCount, menu, onChoose, onKeyDown }: {
  stage: Stage;
  index: number;
  alignedCount: number;
  /** the relation menu, when open on this stage */
  menu: ReactNode;
  onChoose: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stageId: stage.id } });
  return (
    <li ref={setNodeRef} className={`stage-card${isOver ? ' drop-over' : ''}`} data-stage-id={stage.id}>
      <button type="button" id={stageDomId(stage.id)} className="stage-button" onClick={onChoose} onKeyDown={onKeyDown}>
        <span className="stage-name">{index + 1}. {stage.name}</span>
        {stage.focus && <span className="stage-focus">{stage.focus}</span>}
        <span className="stage-count">{alignedCount === 1 ? '1 phase aligned' : `${alignedCount} phases aligned`}</span>
      </button>
      {menu}
    </li>
  );
}
