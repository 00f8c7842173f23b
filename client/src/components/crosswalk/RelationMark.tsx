import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import type { AlignedRelation } from './relations.ts';
import { useRelationText } from './RelationTextContext.tsx';
import '../../styles/crosswalk.css';

/** The relation's mark (≡ ⊂ ⊃ ∩) for the eye, its name for screen readers and as a tooltip. */
export function RelationMark({ relation, showText = false }: { relation: AlignedRelation; showText?: boolean }) {
  const relationText = useRelationText();
  return (
    <span className={`rel rel-${relation}`} title={relationText[relation]}>
      <span className="rel-mark" aria-hidden="true">{RELATION_MARKS[relation]}</span>
      {showText ? <span className="rel-text"> {relationText[relation]}</span> : <span className="wb-sr-only"> ({relationText[relation]})</span>}
    </span>
  );
}
