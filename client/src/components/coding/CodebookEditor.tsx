import { useMemo, useState, type FormEvent } from 'react';
import type { CodeBand, CodeRemoval, CodebookNode, TaggableRef } from '../../../../shared/coding/schemas.ts';
import { BANDS } from './codingLabels.ts';
import { describeError, isConflict } from '../../api/problems.ts';
import { useCodingCodebook } from '../../hooks/useCodingCodebook.ts';
import { useCodingCodeMutations } from '../../hooks/useCodingCodeMutations.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { codeName } from './codebookFilter.ts';

type Mode = 'rename' | 'child' | 'merge' | null;
interface Pending { node: CodebookNode; detail: string }

/** A label (and band) form, used to add a category, add a child and rename. */
function CodeForm({ idBase, label: initial, band: initialBand, submitLabel, onSubmit, onCancel }: {
  idBase: string; label?: string; band?: CodeBand | null; submitLabel: string;
  onSubmit: (label: string, band: CodeBand | null, description: string) => Promise<unknown>; onCancel?: () => void;
}) {
  const [label, setLabel] = useState(initial ?? '');
  const [band, setBand] = useState<CodeBand | ''>(initialBand ?? '');
  const [description, setDescription] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(label, band || null, description).then(() => {
      setLabel('');
      setDescription('');
    }, () => undefined);
  };
  return (
    <form className="codebook-form" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Escape' && onCancel) { e.preventDefault(); onCancel(); } }}>
      <label htmlFor={`${idBase}-label`}>Label</label>
      <input id={`${idBase}-label`} value={label} required onChange={(e) => setLabel(e.target.value)} autoFocus={Boolean(onCancel)} />
      {initial === undefined && (
        <>
          <label htmlFor={`${idBase}-desc`}>Description</label>
          <input id={`${idBase}-desc`} value={description} onChange={(e) => setDescription(e.target.value)} />
        </>
      )}
      <label htmlFor={`${idBase}-band`}>Band</label>
      <select id={`${idBase}-band`} value={band} onChange={(e) => setBand(e.target.value as CodeBand | '')}>
        <option value="">none</option>
        {BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
      </select>
      <button type="submit">{submitLabel}</button>
      {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
    </form>
  );
}

/**
 * The review's own codes (categories and their children): add, rename, band, reorder, merge and delete. A code in use
 * is never deleted silently: the server refuses (409) and the dialog asks where its tags go. Every delete and merge
 * can be undone.
 */
export function CodebookEditor({ reviewId }: { reviewId: number }) {
  const codebook = useCodingCodebook(reviewId);
  const { create, update, remove, merge, restore } = useCodingCodeMutations(reviewId);
  const [mode, setMode] = useState<{ ref: string; mode: Mode }>({ ref: '', mode: null });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<{ removal: CodeRemoval; label: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const nodes = useMemo(() => codebook.data?.nodes ?? [], [codebook.data]);
  const own = nodes.filter((n) => n.kind === 'code');
  const taggable = nodes.filter((n) => n.taggable);
  const siblingsOf = (n: CodebookNode) => own.filter((o) => o.parentRef === n.parentRef);

  const fail = (err: unknown) => {
    setError(isConflict(err) ? `${describeError(err)} The codebook has been read again: try once more.` : describeError(err));
    throw err;
  };
  const done = (text: string) => {
    setError('');
    setMessage(text);
  };
  const patch = (node: CodebookNode, body: { label?: string; band?: CodeBand | null; position?: number }, text: string) =>
    update.mutateAsync({ id: node.id ?? 0, version: node.version ?? 1, ...body }).then(() => done(text), fail);
  const removed = (removal: CodeRemoval, text: string, label: string) => {
    done(text);
    setUndo({ removal, label });
  };
  const tryDelete = (node: CodebookNode) => {
    remove.mutateAsync({ id: node.id ?? 0, version: node.version ?? 1 }).then(
      (r) => removed(r, `Deleted “${node.label}”.`, node.label),
      (err: unknown) => {
        if (isConflict(err) && node.tags > 0) {
          // a choice is always made, so the dialog's button always does what it says: the parent, else another code
          const parent = node.parentRef?.startsWith('code:') ? node.parentRef : undefined;
          setMoveTo(parent ?? taggable.find((t) => t.kind === 'code' && t.ref !== node.ref)?.ref ?? taggable.find((t) => t.ref !== node.ref)?.ref ?? '');
          setPending({ node, detail: describeError(err) });
        } else setError(describeError(err));
      },
    );
  };

  if (codebook.error) return <p role="alert">Could not load the codebook: {codebook.error.message}</p>;
  if (!codebook.data) return <p role="status">Loading the codebook…</p>;
  return (
    <section className="codebook-editor" aria-labelledby="codebook-h">
      <h3 id="codebook-h">The review’s own codes</h3>
      <p className="coding-help">Stages and phases are codes already: edit them on the Target framework and Models screens.</p>
      <div className="coding-live">
        <p role="status">{message}</p>
        {undo && (
          <button type="button" onClick={() => {
            const u = undo;
            setUndo(null);
            restore.mutateAsync(u.removal).then(() => done(`Restored “${u.label}”.`), (err: unknown) => setError(describeError(err)));
          }}>Undo: restore “{undo.label}”</button>
        )}
        <p role="alert" className="form-error">{error}</p>
      </div>
      <h4>Add a category</h4>
      <CodeForm idBase="codebook-new" submitLabel="Add category"
        onSubmit={(label, band, description) => create.mutateAsync({ label, band, description }).then(() => done(`Added the category “${label}”.`), fail)} />
      {own.length === 0 ? <p className="coding-none">No codes of the review’s own yet.</p> : (
        <ul className="codebook-tree">
          {own.map((node) => {
            const siblings = siblingsOf(node);
            const at = siblings.findIndex((s) => s.ref === node.ref);
            const current = mode.ref === node.ref ? mode.mode : null;
            const open = (m: Mode) => setMode({ ref: node.ref, mode: m });
            const close = () => setMode({ ref: '', mode: null });
            return (
              <li key={node.ref} className="codebook-row" style={{ marginInlineStart: `${(node.depth - 1) * 1.5}rem` }}>
                <div className="codebook-row-head">
                  <strong>{node.label}</strong>
                  <span className="coding-help">{node.tags} tag{node.tags === 1 ? '' : 's'}</span>
                  <select id={`band-${node.ref}`} value={node.band ?? ''} aria-label={`Band of ${node.label}`}
                    onChange={(e) => void patch(node, { band: (e.target.value || null) as CodeBand | null }, `Band of “${node.label}”: ${e.target.value || 'none'}.`).catch(() => undefined)}>
                    <option value="">no band</option>
                    {BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
                  </select>
                  <button type="button" disabled={at <= 0} aria-label={`Move ${node.label} up`}
                    onClick={() => void patch(node, { position: at - 1 }, `Moved “${node.label}” up.`).catch(() => undefined)}>↑</button>
                  <button type="button" disabled={at >= siblings.length - 1} aria-label={`Move ${node.label} down`}
                    onClick={() => void patch(node, { position: at + 1 }, `Moved “${node.label}” down.`).catch(() => undefined)}>↓</button>
                  <button type="button" onClick={() => open('rename')} aria-label={`Rename ${node.label}`}>Rename</button>
                  <button type="button" onClick={() => open('child')} aria-label={`Add child to ${node.label}`}>Add child</button>
                  <button type="button" onClick={() => { setMergeInto(''); open('merge'); }} aria-label={`Merge ${node.label} into…`}>Merge…</button>
                  <button type="button" className="danger" onClick={() => tryDelete(node)} aria-label={`Delete ${node.label}`}>Delete</button>
                </div>
                {node.description && <p className="coding-help">{node.description}</p>}
                {current === 'rename' && (
                  <CodeForm idBase={`rename-${node.id}`} label={node.label} band={node.band} submitLabel="Save name" onCancel={close}
                    onSubmit={(label) => patch(node, { label }, `Renamed “${node.label}” to “${label}”.`).then(close)} />
                )}
                {current === 'child' && (
                  <CodeForm idBase={`child-${node.id}`} submitLabel="Add child code" onCancel={close}
                    onSubmit={(label, band, description) => create.mutateAsync({ label, band, description, parentId: node.id }).then(() => {
                      done(`Added “${label}” under “${node.label}”.`);
                      close();
                    }, fail)} />
                )}
                {current === 'merge' && (
                  <form className="codebook-form" onSubmit={(e) => {
                    e.preventDefault();
                    if (!mergeInto) return;
                    merge.mutateAsync({ id: node.id ?? 0, version: node.version ?? 1, into: mergeInto as TaggableRef }).then((r) => {
                      removed(r, `Merged “${node.label}” into “${codeName(nodes.find((n) => n.ref === mergeInto))}”.`, node.label);
                      close();
                    }, (err: unknown) => setError(describeError(err)));
                  }}>
                    <label htmlFor={`merge-${node.id}`}>Merge “{node.label}” into</label>
                    <select id={`merge-${node.id}`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
                      <option value="">— choose a code —</option>
                      {taggable.filter((t) => t.ref !== node.ref).map((t) => <option key={t.ref} value={t.ref}>{t.path.join(' / ')}</option>)}
                    </select>
                    <button type="submit" disabled={!mergeInto}>Merge</button>
                    <button type="button" onClick={close}>Cancel</button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pending && (
        <ConfirmDialog
          title={`Delete “${pending.node.label}”?`}
          confirmLabel="Move the tags and delete"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            if (!moveTo) return;
            const p = pending;
            setPending(null);
            remove.mutateAsync({ id: p.node.id ?? 0, version: p.node.version ?? 1, moveTagsTo: moveTo as TaggableRef }).then(
              (r) => removed(r, `Deleted “${p.node.label}”; its tags moved to “${codeName(nodes.find((n) => n.ref === moveTo))}”.`, p.node.label),
              (err: unknown) => setError(describeError(err)),
            );
          }}
        >
          <p>{pending.detail} Move its {pending.node.tags} tag{pending.node.tags === 1 ? '' : 's'} to another code first.</p>
          <label htmlFor="codebook-move-to">Move its tags to</label>{' '}
          <select id="codebook-move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
            {taggable.filter((t) => t.ref !== pending.node.ref).map((t) => <option key={t.ref} value={t.ref}>{t.path.join(' / ')}</option>)}
          </select>
        </ConfirmDialog>
      )}
    </section>
  );
}
