import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { RELATION_TEXT, type AlignedRelation } from './relations.ts';
import '../../styles/crosswalk.css';

/** The relation's mark (≡ ⊂ ⊃ ∩) for the eye, its name for screen readers and as a tooltip. */
export function RelationMark({ relation, showText = false }: { relation: AlignedRelation; showText?: boolean }) {
  return (
    <span className={`rel rel-${relation}`} title={RELATION_TEXT[relation]}>
      <span className="rel-mark" aria-hidden="true">{RELATION_MARKS[relation]}</span>
      {showText ? <span className="rel-text"> {RELATION_TEXT[relation]}</span> : <span className="wb-sr-only"> ({RELATION_TEXT[relation]})</span>}
    </span>
  );
}
