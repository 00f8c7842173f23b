import type { KeyboardEvent, ReactNode } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Alignment, Phase } from '../../../../shared/schemas.ts';
import type { Suggestion } from '../../../../shared/crosswalk/suggest.ts';
import { RelationMark } from '../crosswalk/RelationMark.tsx';

export const phaseDomId = (id: number): string => `align-phase-${id}`;

/** One phase on the board: a draggable button that selects it, its alignments, and suggestions while unassessed. */
export function AlignmentBoardPhase({
  phase, index, bandLabel, selected, alignments, stageName, suggestions, editor, citations,
  onSelect, onKeyDown, onEdit, onRemove, onNoCounterpart, onAccept, onReject,
}: {
  phase: Phase;
  index: number;
  bandLabel: string;
  selected: boolean;
  alignments: Alignment[];
  stageName: (id: number | null) => string;
  suggestions: Suggestion[];
  /** the open editor, when one of this phase's alignments is being edited */
  editor: ReactNode;
  /** the citations shown with a saved alignment */
  citations?: (a: Alignment) => ReactNode;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onEdit: (a: Alignment) => void;
  onRemove: (a: Alignment) => void;
  onNoCounterpart: () => void;
  onAccept: (s: Suggestion) => void;
  onReject: (s: Suggestion) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `phase-${phase.id}`, data: { phaseId: phase.id } });
  const unassessed = alignments.length === 0;
  const headingId = `${phaseDomId(phase.id)}-label`;
  return (
    <li className={`phase-card${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`} data-phase-id={phase.id}>
      <div className="phase-head">
        <button
          {...attributes}
          {...listeners}
          ref={setNodeRef}
          type="button"
          id={phaseDomId(phase.id)}
          className="phase-button"
          aria-pressed={selected}
          aria-describedby="align-instructions"
          onClick={onSelect}
          onKeyDown={onKeyDown}
        >
          <span className="phase-num">{index + 1}.</span> <span id={headingId}>{phase.label}</span>
        </button>
        {bandLabel && <span className="band-tag">{bandLabel}</span>}
      </div>
      {unassessed && <p className="state-not-assessed">Not yet assessed</p>}
      {alignments.length > 0 && (
        <ul className="phase-alignments" aria-label={`Alignments of ${phase.label}`}>
          {alignments.map((a) => {
            const target = a.relation === 'no-counterpart' ? 'no counterpart' : stageName(a.stageId);
            return (
              <li key={a.id} className={a.relation === 'no-counterpart' ? 'state-no-counterpart' : 'aligned'} data-alignment-id={a.id}>
                {a.relation === 'no-counterpart' ? (
                  <span className="nc-label">No counterpart in the target framework</span>
                ) : (
                  <span className="alignment-line">
                    <RelationMark relation={a.relation} showText /> <strong>{target}</strong>
                  </span>
                )}
                {a.confidence !== null && <span className="confidence"> · confidence {a.confidence}</span>}
                {a.rationale && <span className="rationale"> · {a.rationale}</span>}
                {a.id > 0 && citations?.(a)}
                {a.id > 0 && (
                  <span className="row-actions">
                    <button type="button" onClick={() => onEdit(a)} aria-label={`Edit alignment of ${phase.label} to ${target}`}>Edit</button>
                    <button type="button" onClick={() => onRemove(a)} aria-label={`Remove alignment of ${phase.label} to ${target}`}>Remove</button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editor}
      {unassessed && (
        <div className="unassessed-actions">
          <button type="button" onClick={onNoCounterpart} aria-label={`Mark ${phase.label} as having no counterpart`}>No counterpart</button>
        </div>
      )}
      {unassessed && suggestions.length > 0 && (
        <ul className="suggestions" aria-label={`Suggestions for ${phase.label}`}>
          {suggestions.map((s) => (
            <li key={s.stageId}>
              <span className="suggestion-stage">Suggested: <strong>{stageName(s.stageId)}</strong> ({Math.round(s.score * 100)}%)</span>
              <span className="suggestion-why">because {s.reasons.join('; ')}</span>
              <span className="row-actions">
                <button type="button" onClick={() => onAccept(s)} aria-label={`Accept suggestion ${stageName(s.stageId)} for ${phase.label}`}>Accept</button>
                <button type="button" onClick={() => onReject(s)} aria-label={`Reject suggestion ${stageName(s.stageId)} for ${phase.label}`}>Reject</button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

