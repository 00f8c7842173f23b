import type { Relation } from '../../../../shared/schemas.ts';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { RELATION_TEXT } from '../crosswalk/relations.ts';
import { FieldError, invalidProps } from './FieldError.tsx';

export const RELATIONS = Object.keys(RELATION_TEXT) as Relation[];

const markOf = (r: Relation): string => (r === 'no-counterpart' ? '—' : RELATION_MARKS[r]);

/** One text input per relation: what this review's screens call it. Blank keeps the standard word. */
export function RelationLabelsFields({ labels, onChange, errors }: {
  labels: Record<Relation, string>;
  onChange: (labels: Record<Relation, string>) => void;
  errors: Map<string, string>;
}) {
  return (
    <fieldset className="settings-fieldset relation-labels">
      <legend>Relation labels</legend>
      <p className="settings-hint" id="relation-labels-hint">
        What the screens call each relation; leave one blank for the standard word. The marks (≡ ⊂ ⊃ ∩) stay, and
        exports always use the standard vocabulary.
      </p>
      {RELATIONS.map((r) => {
        const id = `relation-label-${r}`;
        const error = errors.get(`settings/relationLabels/${r}`);
        return (
          <div className="form-field relation-label" key={r}>
            <label htmlFor={id}><span aria-hidden="true" className="rel-mark">{markOf(r)}</span> {RELATION_TEXT[r]}</label>
            <input
              id={id} value={labels[r]} maxLength={60} placeholder={RELATION_TEXT[r]}
              onChange={(e) => onChange({ ...labels, [r]: e.target.value })}
              {...(error ? invalidProps(`${id}-error`, error) : { 'aria-describedby': 'relation-labels-hint' })}
            />
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
    </fieldset>
  );
}
