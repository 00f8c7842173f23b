import { useState, type FormEvent } from 'react';
import type { Band, Review } from '../../../../shared/schemas.ts';
import { useBandMutations } from '../../hooks/useBandMutations.ts';
import { useCrosswalk } from '../../hooks/useCrosswalk.ts';
import { atIndex, usePendingFocus } from '../../hooks/usePendingFocus.ts';
import { FieldError, invalidProps } from './FieldError.tsx';
import { describeError, fieldErrors } from '../../api/problems.ts';
import { useSaveMessage } from '../../hooks/useSaveMessage.ts';

const bandId = (id: number, part: string) => `setup-band-${id}-${part}`;

/** The new review's bands, the comparison table's columns: add, rename, reorder and remove them. */
export function SetupBands({ review }: { review: Review }) {
  const crosswalk = useCrosswalk(review.id);
  const bands = useBandMutations(review.id);
  const [label, setLabel] = useState('');
  const [addError, setAddError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const { message, setMessage, attempt } = useSaveMessage();
  const focusLater = usePendingFocus();
  if (crosswalk.error) return <p role="alert">Could not load the bands: {crosswalk.error.message}</p>;
  if (!crosswalk.data) return <p role="status">Loading the bands…</p>;
  const list = crosswalk.data.crosswalk.bands;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setAddError(null);
    try {
      const band = await bands.create.mutateAsync(label.trim());
      setLabel('');
      setMessage({ kind: 'status', text: `Added the band “${band.label}”.` });
    } catch (error) {
      setAddError(error);
    }
  };
  const move = async (band: Band, by: -1 | 1) => {
    const ids = list.map((b) => b.id);
    const i = ids.indexOf(band.id);
    const other = ids[i + by];
    if (other === undefined) return;
    ids[i + by] = band.id;
    ids[i] = other;
    if (await attempt(() => bands.reorder.mutateAsync(ids), `Moved “${band.label}” ${by < 0 ? 'up' : 'down'}.`)) {
      const edge = i + by === 0 || i + by === ids.length - 1;
      focusLater(`#${bandId(band.id, edge ? 'rename' : by < 0 ? 'up' : 'down')}`, atIndex(i + by, 'li'));
    }
  };
  const addErrorText = addError ? fieldErrors(addError).get('label') ?? describeError(addError) : undefined;

  return (
    <div className="setup-bands">
      <p>
        Bands are the columns of the comparison table (Table 1): each phase of a source model, and each stage, sits in
        one. Name them in the order the table shows them.
      </p>
      <div className="setup-messages">
        <p role="status">{message?.kind === 'status' ? message.text : ''}</p>
        <p role="alert" className="form-error">{message?.kind === 'error' ? message.text : ''}</p>
      </div>
      {list.length === 0 ? <p>No bands yet.</p> : (
        <ol className="setup-list" aria-label="Bands">
          {list.map((b, i) => (
            <li key={b.id} className="setup-item">
              {renaming === b.id ? (
                <RenameBand
                  band={b}
                  onCancel={() => {
                    setRenaming(null);
                    focusLater(`#${bandId(b.id, 'rename')}`);
                  }}
                  onSave={async (next) => {
                    if (await attempt(() => bands.rename.mutateAsync({ id: b.id, version: b.version, label: next }), `Renamed the band to “${next}”.`)) {
                      setRenaming(null);
                      focusLater(`#${bandId(b.id, 'rename')}`);
                    }
                  }}
                />
              ) : (
                <>
                  <span className="setup-item-label">{b.label}</span>
                  <span className="row-actions">
                    <button type="button" id={bandId(b.id, 'rename')} onClick={() => setRenaming(b.id)}>Rename<span className="wb-sr-only"> band {b.label}</span></button>
                    <button type="button" id={bandId(b.id, 'up')} onClick={() => void move(b, -1)} disabled={i === 0} aria-label={`Move band ${b.label} up`}>↑</button>
                    <button type="button" id={bandId(b.id, 'down')} onClick={() => void move(b, 1)} disabled={i === list.length - 1} aria-label={`Move band ${b.label} down`}>↓</button>
                    <button
                      type="button"
                      onClick={() => void attempt(() => bands.remove.mutateAsync({ id: b.id, version: b.version }), `Removed the band “${b.label}”; its phases and stages now have no band.`)
                        .then((ok) => ok && focusLater('#setup-new-band'))}
                    >
                      Remove<span className="wb-sr-only"> band {b.label}</span>
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="add-form" onSubmit={(e) => void add(e)} aria-label="Add a band">
        <label htmlFor="setup-new-band">New band</label>
        <input
          id="setup-new-band" value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200}
          {...invalidProps('setup-new-band-error', addErrorText)}
        />
        <button type="submit" disabled={bands.create.isPending}>Add band</button>
        <FieldError id="setup-new-band-error" message={addErrorText} />
      </form>
    </div>
  );
}

function RenameBand({ band, onSave, onCancel }: { band: Band; onSave: (label: string) => Promise<void>; onCancel: () => void }) {
  const [label, setLabel] = useState(band.label);
  const id = bandId(band.id, 'label');
  return (
    <form
      className="inline-form"
      aria-label={`Rename band ${band.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(label.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>Label</label>
      <input id={id} value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} autoFocus />
      <button type="submit" disabled={label.trim() === ''}>Save</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
