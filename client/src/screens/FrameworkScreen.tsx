import { useEffect, useState, type FormEvent } from 'react';
import type { Stage } from '../../../shared/schemas.ts';
import { StageTable } from '../components/framework/StageTable.tsx';
import { Wheel } from '../components/framework/Wheel.tsx';
import { WheelStagePanel } from '../components/framework/WheelStagePanel.tsx';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { useStageMutations } from '../hooks/useStageMutations.ts';
import { useUndoDelete } from '../hooks/useUndoDelete.ts';
import type { ScreenProps } from './types.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import '../styles/framework.css';

type FocusTarget = { stageId: number; action: 'edit' | 'up' | 'down' } | { selector: string };

/** The target framework: the wheel (Figure 2) and Table 2 with an editor for every stage. */
export function FrameworkScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const cw = crosswalk.data?.crosswalk;
  const stages = cw?.stages;
  const mutations = useStageMutations(review.id, cw?.target?.id);
  const undoDelete = useUndoDelete(review.id);
  const [deleting, setDeleting] = useState(false);
  // #/framework/<stageId> opens that stage on the wheel, so other screens can link to it
  const { rest } = useHashRoute();
  const [selectedId, setSelectedId] = useState<number | null>(() => (Number(rest[0]) > 0 ? Number(rest[0]) : null));
  const [editingId, setEditingId] = useState<number | null>(null);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [newName, setNewName] = useState('');

  // Keyboard users keep their place when a row re-renders after a move, an edit or a delete.
  useEffect(() => {
    if (!focusTarget) return;
    const selector = 'selector' in focusTarget
      ? focusTarget.selector
      : `[data-stage-id="${focusTarget.stageId}"] [data-action="${focusTarget.action}"]`;
    let el = document.querySelector<HTMLElement>(selector);
    if (el instanceof HTMLButtonElement && el.disabled && !('selector' in focusTarget)) {
      el = document.querySelector<HTMLElement>(`[data-stage-id="${focusTarget.stageId}"] [data-action="${focusTarget.action === 'up' ? 'down' : 'up'}"]`);
    }
    if (el) {
      el.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, stages, editingId, confirmingId]);

  const stageMissing = useMissingOnArrival(rest.join('/'), stages ? Boolean(rest[0]) && !stages.some((s) => String(s.id) === rest[0]) : undefined);
  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!cw || !stages) return <p role="status">Loading…</p>;
  if (!cw.target) return <p>This review has no target framework yet.</p>;
  if (stageMissing) {
    return <MissingInAddress review={review} what="stage" ids={[rest[0] ?? '']} screen="framework" screenLabel="Target framework" />;
  }

  const busy = mutations.reorder.isPending || deleting || mutations.create.isPending;
  const fail = (what: string) => (e: unknown) =>
    setMessage({ kind: 'alert', text: `${what} failed: ${e instanceof Error ? e.message : String(e)}` });
  const alignmentCount = (stageId: number) =>
    cw.models.reduce((n, m) => n + (m.stageCells.find((c) => c.stageId === stageId)?.entries.length ?? 0), 0);

  const onMove = (id: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    const i = ids.indexOf(id);
    const j = i + by;
    const other = ids[j];
    if (i < 0 || other === undefined) return;
    ids[j] = id;
    ids[i] = other;
    mutations.reorder.mutateAsync(ids).then(
      () => {
        const name = stages[i]?.name ?? '';
        setMessage({ kind: 'status', text: `Moved “${name}” to position ${j + 1}.` });
        setFocusTarget({ stageId: id, action: by === -1 ? 'up' : 'down' });
      },
      fail('Moving the stage'),
    );
  };
  const onDelete = (stage: Stage) => {
    const count = alignmentCount(stage.id);
    setDeleting(true);
    undoDelete.remove('stage', stage.id, stage.version, `“${stage.name}”`).then(
      () => {
        setConfirmingId(null);
        if (selectedId === stage.id) setSelectedId(null);
        setMessage({
          kind: 'status',
          text: `Deleted “${stage.name}”${count > 0 ? ` and its ${count} ${count === 1 ? 'alignment' : 'alignments'}` : ''}.`,
        });
        setFocusTarget({ selector: '#stage-undo' });
      },
      (e: unknown) => {
        setConfirmingId(null);
        fail('Deleting the stage')(e);
      },
    ).finally(() => setDeleting(false));
  };
  const onUndo = () => {
    const name = undoDelete.lastDeleted?.label ?? 'the stage';
    undoDelete.undo().then(
      () => setMessage({ kind: 'status', text: `Restored ${name}.` }),
      fail('Undoing the delete'),
    );
  };
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    const name = newName.trim();
    if (!name) {
      setMessage({ kind: 'alert', text: 'A new stage needs a name.' });
      return;
    }
    mutations.create.mutateAsync({ name }).then(
      (stage) => {
        setNewName('');
        setMessage({ kind: 'status', text: `Added “${stage.name}” at the end.` });
      },
      fail('Adding the stage'),
    );
  };
  const selected = stages.find((s) => s.id === selectedId) ?? null;

  return (
    <div className="framework-screen">
      <h2>Target framework: {cw.target.name}</h2>
      <section aria-labelledby="wheel-heading" className="wheel-section">
        <h3 id="wheel-heading">The wheel</h3>
        <div className="wheel-layout">
          <div className="wheel-figure">
            <Wheel stages={stages} title={cw.target.name} selectedId={selectedId} onSelect={(s) => setSelectedId(s.id)} />
            <p className="wheel-hint">Tab to a stage (arrow keys go round the wheel) and press Enter to see it.</p>
          </div>
          {selected ? (
            <WheelStagePanel stage={selected} crosswalk={cw} />
          ) : (
            <p className="wheel-panel wheel-empty">Select a stage to see its key question, success measures and the phases aligned to it.</p>
          )}
        </div>
      </section>
      <section aria-labelledby="stages-heading">
        <h3 id="stages-heading">Table 2: the stages</h3>
        <div aria-live="polite" className="stage-message">
          {message?.kind === 'status' && <p role="status">{message.text}</p>}
        </div>
        {undoDelete.lastDeleted?.subtree.root.kind === 'stage' && (
          <p className="stage-undo">
            <button type="button" id="stage-undo" onClick={onUndo}>Undo delete of {undoDelete.lastDeleted.label}</button>
          </p>
        )}
        {message?.kind === 'alert' && <p role="alert" className="stage-error">{message.text}</p>}
        <StageTable
          stages={stages}
          bands={cw.bands}
          caption={cw.targetCaption}
          actions={{
            editingId, confirmingId, busy, alignmentCount,
            onEdit: (id) => {
              if (id === null && editingId !== null) setFocusTarget({ stageId: editingId, action: 'edit' });
              setEditingId(id);
              setConfirmingId(null);
            },
            onMove,
            onAskDelete: (id) => {
              if (id === null && confirmingId !== null) setFocusTarget({ stageId: confirmingId, action: 'edit' });
              setConfirmingId(id);
            },
            onDelete,
            // the editor closes on success and focus returns to the stage's Edit button; the status line says why
            save: (args) => mutations.update.mutateAsync(args).then((saved) => {
              setMessage({ kind: 'status', text: `Stage “${saved.name}” saved.` });
              return saved;
            }),
          }}
        />
        <form className="stage-new" onSubmit={onCreate}>
          <label htmlFor="new-stage-name">New stage</label>
          <input id="new-stage-name" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} />
          <button type="submit" disabled={busy}>Add stage</button>
        </form>
      </section>
    </div>
  );
}
