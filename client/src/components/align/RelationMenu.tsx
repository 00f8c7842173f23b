import { useEffect, useRef, type KeyboardEvent } from 'react';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';
import { ALIGNED_RELATIONS, RELATION_HINT, type AlignedRelation } from '../crosswalk/relations.ts';
import { useRelationText } from '../crosswalk/RelationTextContext.tsx';

/**
 * A menu of the four relations, focused when it opens: arrows move, Enter picks, Escape cancels. Opened by Enter
 * on a stage (keyboard) or by dropping a phase on a stage (mouse).
 */
export function RelationMenu({ label, current, onPick, onCancel }: {
  label: string;
  current?: AlignedRelation;
  onPick: (relation: AlignedRelation) => void;
  onCancel: () => void;
}) {
  const relationText = useRelationText();
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => {
    const start = current ? ALIGNED_RELATIONS.indexOf(current) : 0;
    items.current[start]?.focus();
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = items.current.findIndex((el) => el === document.activeElement);
    const count = ALIGNED_RELATIONS.length + 1;
    const move = (to: number) => {
      e.preventDefault();
      items.current[(to + count) % count]?.focus();
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <div role="menu" aria-label={label} className="relation-menu" onKeyDown={onKeyDown}>
      {ALIGNED_RELATIONS.map((relation, i) => (
        <button
          key={relation}
          type="button"
          role="menuitem"
          tabIndex={-1}
          ref={(el) => { items.current[i] = el; }}
          onClick={() => onPick(relation)}
          className={relation === current ? 'current' : undefined}
        >
          <span aria-hidden="true" className="rel-mark">{RELATION_MARKS[relation]}</span> {relationText[relation]}
          <span className="menu-hint"> — {RELATION_HINT[relation]}</span>
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        ref={(el) => { items.current[ALIGNED_RELATIONS.length] = el; }}
        onClick={onCancel}
      >
        Cancel
      </button>
    </div>
  );
}
