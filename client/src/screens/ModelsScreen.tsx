import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { reviewKeys } from '../api/keys.ts';
import { describeError } from '../api/problems.ts';
import { CitationChips } from '../components/citations/CitationChips.tsx';
import { ConfirmDialog } from '../components/common/ConfirmDialog.tsx';
import { focusWhenReady } from '../components/common/focusWhenReady.ts';
import { ModelPhaseRow, modelsPhaseId } from '../components/models/ModelPhaseRow.tsx';
import { ModelRow, modelDomId } from '../components/models/ModelRow.tsx';
import { ModelsTableImport } from '../components/models/ModelsTableImport.tsx';
import { useCrosswalk, type CrosswalkResponse } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { reviewHash } from '../lib/route.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import { useModelMutations, type ModelFields } from '../hooks/useModelMutations.ts';
import { usePhaseMutations, type PhaseFields } from '../hooks/usePhaseMutations.ts';
import { useUndoDelete, type SubtreeCounts, type SubtreeKind } from '../hooks/useUndoDelete.ts';
import type { ScreenProps } from './types.ts';
import '../styles/models.css';
import { useSaveMessage } from '../hooks/useSaveMessage.ts';

interface PendingDelete {
  kind: SubtreeKind;
  id: number;
  version: number;
  label: string;
  counts: SubtreeCounts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a delete takes with it, in words. */
function consequences(c: SubtreeCounts): string[] {
  return [
    c.phases > 0 ? plural(c.phases, 'phase') : '',
    c.stages > 0 ? plural(c.stages, 'stage') : '',
    c.alignments > 0 ? plural(c.alignments, 'alignment') : '',
    c.citationLinks > 0 ? plural(c.citationLinks, 'citation link') : '',
  ].filter(Boolean);
}

/** Create, rename, reorder and delete models and their phases; deletes ask first and can be undone. */
export function ModelsScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const queryClient = useQueryClient();
  const sentOrder = useRef(new Map<string, number[]>());
  const { rest } = useHashRoute();
  const models = useModelMutations(review.id);
  const phases = usePhaseMutations(review.id);
  const undoDelete = useUndoDelete(review.id);
  const { message, setMessage, attempt } = useSaveMessage();
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [newModel, setNewModel] = useState<ModelFields>({ name: '', citation: '' });
  const [newPhase, setNewPhase] = useState<{ label: string; bandId: string }>({ label: '', bandId: '' });

  const addressed = crosswalk.data?.crosswalk.models;
  const modelMissing = useMissingOnArrival(rest.join('/'), addressed ? Boolean(rest[0]) && !addressed.some((m) => m.framework.id === Number(rest[0])) : undefined);
  if (crosswalk.error) return <p role="alert">Could not load the models: {crosswalk.error.message}</p>;
  if (!crosswalk.data) return <p role="status">Loading…</p>;
  const cw = crosswalk.data.crosswalk;
  if (modelMissing) {
    return <MissingInAddress review={review} what="model" ids={[rest[0] ?? '']} screen="models" screenLabel="Models" />;
  }
  const selected = cw.models.find((m) => m.framework.id === Number(rest[0])) ?? cw.models[0];
  const select = (id: number) => {
    window.location.hash = reviewHash(review.slug, 'models', id);
  };

  // A move sends the whole new order. A second key press while the first move is still on its way must build on
  // that move, not on the order the screen still shows, so the order last sent is remembered until it is loaded.
  const latest = () => queryClient.getQueryData<CrosswalkResponse>(reviewKeys.crosswalk(review.id))?.crosswalk ?? cw;
  const orderOf = (key: string, shown: number[]): number[] => {
    const sent = sentOrder.current.get(key);
    return sent && sent.length === shown.length && shown.every((id) => sent.includes(id)) ? [...sent] : shown;
  };
  const sendOrder = async (key: string, ids: number[], send: () => Promise<unknown>, done: string): Promise<boolean> => {
    sentOrder.current.set(key, ids);
    try {
      return await attempt(send, done);
    } finally {
      if (sentOrder.current.get(key) === ids) sentOrder.current.delete(key);
    }
  };

  const moveModel = async (id: number, delta: -1 | 1) => {
    const cw = latest();
    // the API orders all frameworks of the review together, the target included
    const all = orderOf('models', [...cw.models.map((m) => m.framework), ...(cw.target ? [cw.target] : [])]
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((f) => f.id));
    const sourceIds = new Set(cw.models.map((m) => m.framework.id));
    const sources = all.filter((f) => sourceIds.has(f));
    const i = sources.indexOf(id);
    const other = sources[i + delta];
    if (other === undefined) return;
    const a = all.indexOf(id);
    const b = all.indexOf(other);
    [all[a], all[b]] = [other, id];
    const name = cw.models.find((m) => m.framework.id === id)?.framework.name ?? '';
    if (await sendOrder('models', all, () => models.reorder.mutateAsync(all), `Moved ${name} ${delta < 0 ? 'up' : 'down'}.`)) {
      const firstOrLast = (delta < 0 && i + delta === 0) || (delta > 0 && i + delta === sources.length - 1);
      focusWhenReady(firstOrLast ? modelDomId(id) : `${modelDomId(id)}-${delta < 0 ? 'up' : 'down'}`);
    }
  };

  const movePhase = async (id: number, delta: -1 | 1) => {
    const selected = latest().models.find((m) => m.phases.some((p) => p.id === id));
    if (!selected) return;
    const key = `phases-of-${selected.framework.id}`;
    const ids = orderOf(key, selected.phases.map((p) => p.id));
    const i = ids.indexOf(id);
    const other = ids[i + delta];
    if (other === undefined) return;
    [ids[i], ids[i + delta]] = [other, id];
    const label = selected.phases.find((p) => p.id === id)?.label ?? '';
    if (await sendOrder(key, ids, () => phases.reorder.mutateAsync({ frameworkId: selected.framework.id, ids }), `Moved ${label} ${delta < 0 ? 'up' : 'down'}.`)) {
      const edge = i + delta === 0 || i + delta === ids.length - 1;
      focusWhenReady(edge ? `${modelsPhaseId(id)}-edit` : `${modelsPhaseId(id)}-${delta < 0 ? 'up' : 'down'}`);
    }
  };

  const doDelete = async (d: Omit<PendingDelete, 'counts'>) => {
    setPending(null);
    try {
      const subtree = await undoDelete.remove(d.kind, d.id, d.version, d.label);
      const extra = consequences({
        frameworks: 0,
        phases: d.kind === 'phase' ? 0 : subtree.phases.length,
        stages: d.kind === 'stage' ? 0 : subtree.stages.length,
        alignments: subtree.alignments.length,
        citationLinks: subtree.citationLinks.length,
      });
      setMessage({ kind: 'status', text: `Deleted ${d.label}${extra.length ? ` with ${extra.join(', ')}` : ''}.` });
      focusWhenReady('models-undo');
    } catch (error) {
      setMessage({ kind: 'error', text: `Not deleted: ${describeError(error)}` });
    }
  };

  /** Asks first when the delete would take alignments or phases with it. */
  const requestDelete = async (kind: SubtreeKind, id: number, version: number, label: string) => {
    try {
      const all = await undoDelete.dependents(kind, id);
      // the counts include the item itself; the dialog lists only what goes with it
      const counts = {
        ...all,
        phases: all.phases - (kind === 'phase' ? 1 : 0),
        stages: all.stages - (kind === 'stage' ? 1 : 0),
      };
      if (consequences(counts).length > 0) setPending({ kind, id, version, label, counts });
      else await doDelete({ kind, id, version, label });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  };

  const addModel = async (e: FormEvent) => {
    e.preventDefault();
    let createdId = 0;
    if (await attempt(async () => { createdId = (await models.create.mutateAsync(newModel)).id; }, `Added the model ${newModel.name}.`)) {
      setNewModel({ name: '', citation: '' });
      select(createdId);
      focusWhenReady(modelDomId(createdId));
    }
  };

  const addPhase = async (e: FormEvent) => {
    e.preventDefault();
    if (!selected) return;
    const fields = { label: newPhase.label, bandId: newPhase.bandId === '' ? null : Number(newPhase.bandId) };
    if (await attempt(() => phases.create.mutateAsync({ frameworkId: selected.framework.id, fields }), `Added the phase ${newPhase.label}.`)) {
      setNewPhase({ label: '', bandId: newPhase.bandId });
    }
  };

  return (
    <section aria-labelledby="models-edit-heading" className="models-screen">
      <h2 id="models-edit-heading">Models and phases</h2>
      <div className="models-messages">
        <p role="status">{message?.kind === 'status' ? message.text : ''}</p>
        <p role="alert" className="models-error">{message?.kind === 'error' ? message.text : ''}</p>
        {undoDelete.lastDeleted && (
          <p className="undo-banner">
            Deleted {undoDelete.lastDeleted.label}.{' '}
            <button
              type="button"
              id="models-undo"
              onClick={() => {
                const label = undoDelete.lastDeleted?.label ?? '';
                void undoDelete.undo().then(
                  () => setMessage({ kind: 'status', text: `Restored ${label}.` }),
                  (error: unknown) => setMessage({ kind: 'error', text: `Could not undo: ${describeError(error)}` }),
                );
              }}
            >
              Undo delete
            </button>
          </p>
        )}
      </div>
      <details className="models-import-disclosure">
        <summary>Import models from a table</summary>
        <ModelsTableImport review={review} />
      </details>
      <div className="models-layout">
        <section aria-labelledby="models-list-heading">
          <h3 id="models-list-heading">Source models</h3>
          <ol className="model-rows">
            {cw.models.map((m, i) => (
              <ModelRow
                key={m.framework.id}
                model={m}
                index={i}
                count={cw.models.length}
                selected={m.framework.id === selected?.framework.id}
                onSelect={() => select(m.framework.id)}
                onSave={(fields, version) => models.update.mutateAsync({ id: m.framework.id, version, fields })}
                onMessage={setMessage}
                onMove={(delta) => void moveModel(m.framework.id, delta)}
                onDelete={() => void requestDelete('framework', m.framework.id, m.framework.version, `model “${m.framework.name}”`)}
              />
            ))}
          </ol>
          <form className="add-form" onSubmit={(e) => void addModel(e)} aria-labelledby="add-model-heading">
            <h4 id="add-model-heading">Add a model</h4>
            <label>Name <input value={newModel.name} onChange={(e) => setNewModel({ ...newModel, name: e.target.value })} required /></label>
            <label>Citation <input value={newModel.citation} onChange={(e) => setNewModel({ ...newModel, citation: e.target.value })} placeholder="Author, year" /></label>
            <button type="submit">Add model</button>
          </form>
        </section>
        {selected && (
          <section aria-labelledby="phases-edit-heading">
            <h3 id="phases-edit-heading">Phases of {selected.framework.name}</h3>
            <div className="model-references">
              <p className="evidence-label">References of this model</p>
              <CitationChips reviewId={review.id} targetType="framework" targetId={selected.framework.id} targetLabel={`model ${selected.framework.name}`} />
            </div>
            {selected.phases.length === 0 && <p>No phases yet.</p>}
            <ol className="phase-rows">
              {selected.phases.map((p, i) => (
                <ModelPhaseRow
                  key={p.id}
                  phase={p}
                  index={i}
                  count={selected.phases.length}
                  bands={cw.bands}
                  onSave={(fields: Partial<PhaseFields>) =>
                    attempt(() => phases.update.mutateAsync({ id: p.id, version: p.version, fields }), `Saved ${fields.label ?? p.label}.`)}
                  onMove={(delta) => void movePhase(p.id, delta)}
                  onDelete={() => void requestDelete('phase', p.id, p.version, `phase “${p.label}”`)}
                />
              ))}
            </ol>
            <form className="add-form" onSubmit={(e) => void addPhase(e)} aria-labelledby="add-phase-heading">
              <h4 id="add-phase-heading">Add a phase to {selected.framework.name}</h4>
              <label>Label <input value={newPhase.label} onChange={(e) => setNewPhase({ ...newPhase, label: e.target.value })} required /></label>
              <label>
                Band{' '}
                <select value={newPhase.bandId} onChange={(e) => setNewPhase({ ...newPhase, bandId: e.target.value })}>
                  <option value="">(no band)</option>
                  {cw.bands.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
                </select>
              </label>
              <button type="submit">Add phase</button>
            </form>
          </section>
        )}
      </div>
      {pending && (
        <ConfirmDialog
          title={`Delete ${pending.label}?`}
          confirmLabel="Delete"
          onConfirm={() => void doDelete(pending)}
          onCancel={() => setPending(null)}
        >
          <p>This also removes:</p>
          <ul data-testid="delete-consequences">
            {consequences(pending.counts).map((c) => <li key={c}>{c}</li>)}
          </ul>
          <p>You can undo the delete afterwards.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
