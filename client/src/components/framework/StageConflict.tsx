import type { Stage } from '../../../../shared/schemas.ts';
import type { StageFields } from '../../hooks/useStageMutations.ts';
import { STAGE_FIELD_LABELS } from './StageFieldLabels.ts';

const changeNote = (mine: boolean, theirs: boolean): string =>
  mine && theirs ? ' (both changed)' : mine ? ' (you changed)' : theirs ? ' (they changed)' : '';

/**
 * Someone else saved the stage since it was opened: what it was, the user's edit and the saved version side by side,
 * and the user chooses. Keeping the edit writes the "Your edit" column exactly as shown, every field; taking the saved
 * version discards it. Each row says who changed it, so a field only the other person changed is seen before it is
 * set back.
 */
export function StageConflict({
  original, mine, theirs, bandLabel, onKeepMine, onTakeTheirs, busy,
}: {
  original: StageFields;
  mine: StageFields;
  theirs: Stage;
  bandLabel: (bandId: number | null) => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
}) {
  const keys = Object.keys(STAGE_FIELD_LABELS) as (keyof StageFields)[];
  const show = (key: keyof StageFields, value: StageFields[keyof StageFields]): string =>
    key === 'bandId' ? bandLabel(value as number | null) : String(value ?? '');
  return (
    <div className="stage-conflict" role="alert" aria-labelledby={`conflict-${theirs.id}`}>
      <h4 id={`conflict-${theirs.id}`}>Conflict: someone else changed “{theirs.name}” while you were editing</h4>
      <p>
        The stage is now at version {theirs.version}. Compare the versions and choose which to keep. Keeping your edit
        writes every field as the “Your edit” column shows it, including fields only they changed.
      </p>
      <table className="data-table conflict-table" aria-label="Your edit and the saved version">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you opened it</th>
            <th scope="col">Your edit</th>
            <th scope="col">Saved by someone else (version {theirs.version})</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const o = show(key, original[key]);
            const a = show(key, mine[key]);
            const b = show(key, theirs[key]);
            const note = changeNote(a !== o, b !== o);
            return (
              <tr key={key} className={note ? 'conflict-differs' : undefined}>
                <th scope="row">{STAGE_FIELD_LABELS[key]}{note && <span className="conflict-badge">{note}</span>}</th>
                <td data-testid={`original-${key}`}>{o}</td>
                <td data-testid={`mine-${key}`}>{a}</td>
                <td data-testid={`theirs-${key}`}>{b}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="stage-actions">
        <button type="button" onClick={onKeepMine} disabled={busy}>Keep my edit (write “Your edit” over version {theirs.version})</button>
        <button type="button" onClick={onTakeTheirs} disabled={busy}>Take the saved version (discard my edit)</button>
      </div>
    </div>
  );
}
