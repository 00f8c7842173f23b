import type { Crosswalk } from '../../../../shared/crosswalk/crosswalk.ts';
import { RelationMark } from './RelationMark.tsx';
import { useRelationText } from './RelationTextContext.tsx';

export const stageColumnId = (stageId: number): string => `sl-stage-${stageId}`;

/**
 * The stage layout: models × target stages, each cell the aligned phases with their relation marks. "No
 * counterpart" (assessed, nothing here) and "not assessed" read differently in words, not only in colour.
 */
export function StageLayoutTable({ crosswalk, caption }: { crosswalk: Crosswalk; caption: string }) {
  const relationText = useRelationText();
  return (
    <table className="data-table stage-layout-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          {crosswalk.stages.map((s) => (
            <th scope="col" key={s.id} id={stageColumnId(s.id)} tabIndex={-1}>{s.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {crosswalk.models.map((m) => (
          <tr key={m.framework.id}>
            <th scope="row">{m.label}</th>
            {m.stageCells.map((cell) => {
              if (cell.state === 'aligned') {
                return (
                  <td key={cell.stageId} className="sl-aligned">
                    <ul className="sl-entries">
                      {cell.entries.map((e) => (
                        <li key={e.alignmentId}>
                          {e.phaseLabel} <RelationMark relation={e.relation} />
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              }
              return cell.state === 'no-counterpart' ? (
                <td key={cell.stageId} className="sl-no-counterpart">— {relationText['no-counterpart']}</td>
              ) : (
                <td key={cell.stageId} className="sl-not-assessed">not assessed</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
