import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { suggestAlignments, type Suggestion } from '../../../shared/crosswalk/suggest.ts';
import type { Alignment } from '../../../shared/schemas.ts';
import { describeError } from '../api/problems.ts';
import { AlignmentBoardPhase, phaseDomId } from '../components/align/AlignmentBoardPhase.tsx';
import { CitationChips } from '../components/citations/CitationChips.tsx';
import { AlignmentEvidence } from '../components/coding/AlignmentEvidence.tsx';
import { AlignmentBoardStage, stageDomId } from '../components/align/AlignmentBoardStage.tsx';
import { AlignmentEditor } from '../components/align/AlignmentEditor.tsx';
import { ConflictDialog, yoursOf } from '../components/align/ConflictDialog.tsx';
import { RelationMenu } from '../components/align/RelationMenu.tsx';
import type { AlignedRelation } from '../components/crosswalk/relations.ts';
import { useRelationText } from '../components/crosswalk/RelationTextContext.tsx';
import { useAlignments } from '../hooks/useAlignments.ts';
import { ConflictError, useAlignmentMutations, type AlignmentConflict, type AlignmentPatch } from '../hooks/useAlignmentMutations.ts';
import { useAlignmentUndo } from '../hooks/useAlignmentUndo.ts';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { reviewHash } from '../lib/route.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import type { ScreenProps } from './types.ts';
import '../styles/align.css';

interface MenuState {
  phaseId: number;
  stageId: number;
  /** set when the menu was opened by accepting a suggestion: its reasons are offered as a draft rationale */
  reasons?: string[];
}

/** The alignment open in the editor, as it was when the editor opened, and what the editor starts with. */
interface EditState {
  alignment: Alignment;
  /** a relation chosen again from the menu: shown in the editor, written only on Save */
  relation?: AlignedRelation;
  /** a suggestion's reasons, offered as a rationale the reviewer may keep */
  draft?: string;
  /** the alignment was made just now: its details are part of the same undo step */
  fresh?: boolean;
}

/** Focus the previous/next element of a list of ids with the arrow keys. */
function arrowFocus(e: KeyboardEvent<HTMLElement>, ids: string[], currentId: string): boolean {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
  e.preventDefault();
  const i = ids.indexOf(currentId);
  const next = ids[Math.max(0, Math.min(ids.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (next) document.getElementById(next)?.focus();
  return true;
}

/** The alignment board: one model's phases beside the target stages; align by drag and drop or by keyboard. */
export function AlignScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const relationText = useRelationText();
  const alignmentsQuery = useAlignments(review.id);
  const mutations = useAlignmentMutations(review.id);
  const { rest } = useHashRoute();
  const [selectedPhaseId, setSelectedPhaseId] = useState<number | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  // The alignment as it was when its editor opened: a save sends that version, so a change someone else made in
  // the meantime is a conflict to show, even if a refetch has already brought it onto the screen.
  const [edit, setEdit] = useState<EditState | null>(null);
  const editing = edit?.alignment ?? null;
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const [conflict, setConflict] = useState<AlignmentConflict | null>(null);
  const [rejected, setRejected] = useState<Set<string>>(() => new Set());
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const cw = crosswalk.data?.crosswalk;
  const models = useMemo(() => cw?.models ?? [], [cw]);
  const requested = Number(rest[0]);
  const model = models.find((m) => m.framework.id === requested) ?? models[0];
  const modelMissing = useMissingOnArrival(rest.join('/'), cw ? Boolean(rest[0]) && !models.some((m) => m.framework.id === requested) : undefined);
  const stages = useMemo(() => cw?.stages ?? [], [cw]);
  const phases = useMemo(() => model?.phases ?? [], [model]);
  const allAlignments = useMemo(() => alignmentsQuery.data ?? [], [alignmentsQuery.data]);
  const phaseIds = useMemo(() => new Set(phases.map((p) => p.id)), [phases]);
  const alignments = useMemo(() => allAlignments.filter((a) => phaseIds.has(a.phaseId)), [allAlignments, phaseIds]);
  const current = useCallback((id: number) => allAlignments.find((a) => a.id === id), [allAlignments]);
  const undoStack = useAlignmentUndo(mutations, current);

  const stageName = useCallback(
    (id: number | null) => (id === null ? 'no counterpart' : stages.find((s) => s.id === id)?.name ?? `stage ${id}`),
    [stages],
  );
  const phaseLabel = useCallback((id: number) => phases.find((p) => p.id === id)?.label ?? `phase ${id}`, [phases]);
  const bandLabel = useCallback((id: number | null) => cw?.bands.find((b) => b.id === id)?.label ?? '', [cw]);

  const suggestions = useMemo(
    () =>
      cw
        ? suggestAlignments({ phases, stages, bands: cw.bands, alignments }).filter(
            (s) => !rejected.has(`${s.phaseId}:${s.stageId}`),
          )
        : [],
    [cw, phases, stages, alignments, rejected],
  );

  const fail = (error: unknown) => {
    if (error instanceof ConflictError) {
      setConflict(error.conflict);
      return;
    }
    setMessage({ kind: 'error', text: `The server refused the change, so it was rolled back: ${describeError(error)}` });
  };

  const pick = async ({ phaseId, stageId, reasons }: MenuState, relation: AlignedRelation) => {
    setMenu(null);
    const existing = alignments.find((a) => a.phaseId === phaseId && a.stageId === stageId);
    const what = `${phaseLabel(phaseId)} → ${stageName(stageId)} (${relationText[relation]})`;
    if (existing) {
      // a new relation under the old rationale would say something the reviewer never wrote: they see both first
      const changes = existing.relation !== relation;
      setEdit({ alignment: existing, relation });
      setMessage({
        kind: 'status',
        text: changes
          ? `${what}: not saved yet. ${existing.rationale ? 'Review the rationale written for the old relation, then press Enter to save, or Escape.' : 'Press Enter to save, or Escape.'}`
          : `${what} already has this relation. Edit its details, or press Escape.`,
      });
      return;
    }
    try {
      const created = await mutations.create({ phaseId, stageId, relation });
      undoStack.record({ kind: 'create', alignment: created, description: `align ${what}` });
      setMessage({ kind: 'status', text: `Aligned ${what}. Add a confidence and rationale, or press Escape.` });
      setEdit({ alignment: created, fresh: true, draft: reasons ? `Suggested because ${reasons.join('; ')}` : undefined });
    } catch (error) {
      fail(error);
      document.getElementById(stageDomId(stageId))?.focus();
    }
  };

  const focusNextPhase = (phaseId: number) => {
    const i = phases.findIndex((p) => p.id === phaseId);
    const next = phases[i + 1] ?? phases[i];
    if (next) document.getElementById(phaseDomId(next.id))?.focus();
  };

  const save = async ({ alignment, fresh }: EditState, patch: AlignmentPatch) => {
    setEdit(null);
    setSelectedPhaseId(null);
    // the change shows at once, so the reviewer moves on at once: the next phase is ready for Enter
    focusNextPhase(alignment.phaseId);
    if (Object.keys(patch).length === 0) return;
    try {
      const after = await mutations.update(alignment, patch);
      const last = undoStack.last;
      if (fresh && last?.kind === 'create' && last.alignment.id === alignment.id) {
        undoStack.replaceLast({ ...last, alignment: after });
      } else {
        undoStack.record({ kind: 'update', before: alignment, after, description: `edit of ${phaseLabel(alignment.phaseId)} → ${stageName(alignment.stageId)}` });
      }
      setMessage({ kind: 'status', text: `Saved ${phaseLabel(alignment.phaseId)} → ${stageName(alignment.stageId)}.` });
    } catch (error) {
      fail(error);
    }
  };

  const remove = async (alignment: Alignment) => {
    const what = `${phaseLabel(alignment.phaseId)} → ${stageName(alignment.stageId)}`;
    try {
      const subtree = await mutations.remove(alignment);
      undoStack.record({ kind: 'delete', subtree, description: `removal of ${what}` });
      setMessage({ kind: 'status', text: `Removed ${what}. Press Ctrl+Z or Undo to bring it back.` });
    } catch (error) {
      fail(error);
    }
    document.getElementById(phaseDomId(alignment.phaseId))?.focus();
  };

  const noCounterpart = async (phaseId: number) => {
    try {
      const created = await mutations.create({ phaseId, stageId: null, relation: 'no-counterpart' });
      undoStack.record({ kind: 'create', alignment: created, description: `mark ${phaseLabel(phaseId)} as no counterpart` });
      setMessage({ kind: 'status', text: `Marked ${phaseLabel(phaseId)} as having no counterpart.` });
    } catch (error) {
      fail(error);
    }
  };

  const undo = useCallback(async () => {
    try {
      const undone = await undoStack.undo();
      setMessage({ kind: 'status', text: undone ? `Undid the ${undone.description}.` : 'Nothing to undo.' });
    } catch (error) {
      setMessage({ kind: 'error', text: `Could not undo: ${describeError(error)}` });
    }
  }, [undoStack]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      // inside a text field Ctrl+Z undoes typing, as everywhere else
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (alignmentsQuery.error) return <p role="alert">Could not load the alignments: {alignmentsQuery.error.message}</p>;
  if (!cw || !alignmentsQuery.data) return <p role="status">Loading…</p>;
  if (modelMissing) {
    return <MissingInAddress review={review} what="model" ids={[rest[0] ?? '']} screen="align" screenLabel="Align" />;
  }
  if (!model) return <p>This review has no source models yet. Add one under Models.</p>;

  const phaseDomIds = phases.map((p) => phaseDomId(p.id));
  const stageDomIds = stages.map((s) => stageDomId(s.id));
  const selectPhase = (phaseId: number) => {
    setSelectedPhaseId(phaseId);
    setMenu(null);
    setMessage({ kind: 'status', text: `Selected ${phaseLabel(phaseId)}. Choose a stage with the arrow keys and press Enter.` });
    const first = stages[0];
    if (first) document.getElementById(stageDomId(first.id))?.focus();
  };
  const chooseStage = (stageId: number) => {
    // a phase selected on another model's board does not carry over
    if (selectedPhaseId === null || !phaseIds.has(selectedPhaseId)) {
      setMessage({ kind: 'status', text: 'Select a phase first (Enter on a phase), or drag a phase onto this stage.' });
      return;
    }
    setMenu({ phaseId: selectedPhaseId, stageId });
  };
  const onDragEnd = (event: DragEndEvent) => {
    const phaseId = event.active.data.current?.phaseId as number | undefined;
    const stageId = event.over?.data.current?.stageId as number | undefined;
    if (phaseId === undefined || stageId === undefined) return;
    setSelectedPhaseId(phaseId);
    setMenu({ phaseId, stageId });
  };
  const menuExisting = menu ? alignments.find((a) => a.phaseId === menu.phaseId && a.stageId === menu.stageId) : undefined;
  const conflictPhase = conflict ? phaseLabel(conflict.base.phaseId) : '';

  return (
    <section aria-labelledby="align-heading" className="align-screen">
      <h2 id="align-heading">Align phases to stages</h2>
      <div className="align-toolbar">
        <label htmlFor="align-model">Model</label>
        <select
          id="align-model"
          value={model.framework.id}
          onChange={(e) => { window.location.hash = reviewHash(review.slug, 'align', e.target.value); }}
        >
          {models.map((m) => (
            <option key={m.framework.id} value={m.framework.id}>{m.label}</option>
          ))}
        </select>
        <button type="button" onClick={() => void undo()} disabled={!undoStack.last} aria-keyshortcuts="Control+Z">
          Undo{undoStack.last ? ` ${undoStack.last.description}` : ''}
        </button>
      </div>
      <p id="align-instructions" className="align-help">
        Keyboard: Enter on a phase selects it; arrow keys move between stages; Enter on a stage opens the relation
        menu. Mouse: drag a phase onto a stage. Ctrl+Z undoes the last change.
      </p>
      <div className="align-messages">
        <p role="status" className="align-status">{message?.kind === 'status' ? message.text : ''}</p>
        <p role="alert" className="align-error">{message?.kind === 'error' ? message.text : ''}</p>
      </div>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="align-board">
          <section aria-labelledby="align-phases-heading" className="align-column">
            <h3 id="align-phases-heading">Phases of {model.framework.name}</h3>
            <ol className="phase-list">
              {phases.map((phase, index) => {
                const mine = alignments.filter((a) => a.phaseId === phase.id);
                return (
                  <AlignmentBoardPhase
                    key={phase.id}
                    phase={phase}
                    index={index}
                    bandLabel={bandLabel(phase.bandId)}
                    selected={selectedPhaseId === phase.id}
                    alignments={mine}
                    stageName={stageName}
                    citations={(a) => (
                      <CitationChips reviewId={review.id} targetType="alignment" targetId={a.id} readOnly
                        targetLabel={`alignment ${phase.label} → ${stageName(a.stageId)}`} />
                    )}
                    suggestions={suggestions.filter((s) => s.phaseId === phase.id)}
                    editor={
                      edit && editing && editing.phaseId === phase.id ? (
                        <>
                          <AlignmentEditor
                            key={`${editing.id}-${edit.relation ?? ''}`}
                            alignment={editing}
                            relation={edit.relation}
                            draft={edit.draft}
                            title={`Details of ${phase.label} → ${stageName(editing.stageId)}`}
                            onSave={(patch) => void save(edit, patch)}
                            onCancel={() => {
                              setEdit(null);
                              document.getElementById(phaseDomId(phase.id))?.focus();
                            }}
                          />
                          <div className="alignment-evidence">
                            <p className="evidence-label">Evidence (citation, page, quoted passage)</p>
                            <CitationChips
                              reviewId={review.id}
                              targetType="alignment"
                              targetId={editing.id}
                              targetLabel={`alignment ${phase.label} → ${stageName(editing.stageId)}`}
                            />
                            <AlignmentEvidence reviewId={review.id} alignmentId={editing.id} />
                          </div>
                        </>
                      ) : null
                    }
                    onSelect={() => selectPhase(phase.id)}
                    onKeyDown={(e) => void arrowFocus(e, phaseDomIds, phaseDomId(phase.id))}
                    onEdit={(a) => setEdit({ alignment: a })}
                    onRemove={(a) => void remove(a)}
                    onNoCounterpart={() => void noCounterpart(phase.id)}
                    onAccept={(s: Suggestion) => {
                      setSelectedPhaseId(s.phaseId);
                      setMenu({ phaseId: s.phaseId, stageId: s.stageId, reasons: s.reasons });
                    }}
                    onReject={(s: Suggestion) => {
                      setRejected((r) => new Set(r).add(`${s.phaseId}:${s.stageId}`));
                      setMessage({ kind: 'status', text: `Rejected the suggestion ${stageName(s.stageId)} for ${phase.label}.` });
                    }}
                  />
                );
              })}
            </ol>
          </section>
          <section aria-labelledby="align-stages-heading" className="align-column">
            <h3 id="align-stages-heading">
              Target stages
              {selectedPhaseId !== null && phaseIds.has(selectedPhaseId) && <span className="aligning"> — aligning “{phaseLabel(selectedPhaseId)}”</span>}
            </h3>
            <ol className="stage-list">
              {stages.map((stage, index) => (
                <AlignmentBoardStage
                  key={stage.id}
                  stage={stage}
                  index={index}
                  alignedCount={new Set(alignments.filter((a) => a.stageId === stage.id).map((a) => a.phaseId)).size}
                  onChoose={() => chooseStage(stage.id)}
                  onKeyDown={(e) => {
                    if (arrowFocus(e, stageDomIds, stageDomId(stage.id))) return;
                    if (e.key === 'Escape' && selectedPhaseId !== null) {
                      e.preventDefault();
                      document.getElementById(phaseDomId(selectedPhaseId))?.focus();
                      setSelectedPhaseId(null);
                    }
                  }}
                  menu={
                    menu && menu.stageId === stage.id ? (
                      <RelationMenu
                        label={`Relation of ${phaseLabel(menu.phaseId)} to ${stage.name}`}
                        current={menuExisting && menuExisting.relation !== 'no-counterpart' ? menuExisting.relation : undefined}
                        onPick={(relation) => void pick(menu, relation)}
                        onCancel={() => {
                          setMenu(null);
                          document.getElementById(stageDomId(stage.id))?.focus();
                        }}
                      />
                    ) : null
                  }
                />
              ))}
            </ol>
          </section>
        </div>
      </DndContext>
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          phaseLabel={conflictPhase}
          stageName={stageName}
          onKeepTheirs={() => {
            mutations.keepTheirs(conflict.theirs);
            setConflict(null);
            setMessage({ kind: 'status', text: `Kept the server's version of ${conflictPhase}.` });
          }}
          onReapply={() => {
            const { theirs } = conflict;
            setConflict(null);
            void (async () => {
              try {
                const after = await mutations.update(theirs, yoursOf(conflict));
                undoStack.record({ kind: 'update', before: theirs, after, description: `edit of ${conflictPhase}` });
                setMessage({ kind: 'status', text: `Re-applied your change to ${conflictPhase}.` });
              } catch (error) {
                fail(error);
              }
            })();
          }}
        />
      )}
    </section>
  );
}
