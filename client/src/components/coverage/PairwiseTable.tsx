import { DERIVED_RELATION_MARKS, type DerivedCorrespondence, type DerivedRelation, type SetRelation } from '../../../../shared/crosswalk/compose.ts';
import { RELATION_MARKS } from '../../../../shared/crosswalk/crosswalk.ts';

const RELATION_WORDS: Record<DerivedRelation, string> = {
  equivalent: 'equivalent to',
  'subset-of': 'part of',
  'superset-of': 'spans more than',
  'intersects-with': 'overlaps',
  undetermined: 'undetermined',
};

const POSSIBLE_WORDS: Record<SetRelation, string> = {
  equal: 'equal',
  'proper-part': 'part of',
  'proper-part-inverse': 'contains',
  'partial-overlap': 'partly overlaps',
  disjoint: 'disjoint',
};

/** Derived phase ↔ phase correspondences between two models, with the stages each was derived through. */
export function PairwiseTable({ rows, aName, bName }: { rows: DerivedCorrespondence[]; aName: string; bName: string }) {
  return (
    <table className="data-table pairwise-table" aria-label={`Derived correspondences: ${aName} → ${bName}`}>
      <caption>
        {aName} → {bName}: derived through the target framework, not a reviewer&apos;s judgement
      </caption>
      <thead>
        <tr>
          <th scope="col">Phase of {aName}</th>
          <th scope="col">Derived relation</th>
          <th scope="col">Phase of {bName}</th>
          <th scope="col">Through stages (A → stage, B → stage)</th>
          <th scope="col">Still possible</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={`${d.aPhaseId}-${d.bPhaseId}`} className={d.consistent ? undefined : 'pw-conflict'}>
            <th scope="row">{d.aPhaseLabel}</th>
            <td>
              <span className="pw-mark" aria-hidden="true">{DERIVED_RELATION_MARKS[d.relation]}</span> {RELATION_WORDS[d.relation]}
              <span className="pw-derived"> (derived)</span>
              {!d.consistent && <strong className="pw-flag"> The alignments contradict each other: check them.</strong>}
            </td>
            <td>{d.bPhaseLabel}</td>
            <td>
              <ul className="pw-paths">
                {d.paths.map((p) => (
                  <li key={p.stageId}>
                    {p.stageName} (<span aria-hidden="true">{RELATION_MARKS[p.aRelation]}</span> {p.aRelation},{' '}
                    <span aria-hidden="true">{RELATION_MARKS[p.bRelation]}</span> {p.bRelation})
                  </li>
                ))}
              </ul>
            </td>
            <td>{d.possible.length === 0 ? 'none: contradictory' : d.possible.map((r) => POSSIBLE_WORDS[r]).join(' or ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
