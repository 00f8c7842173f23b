import type { FlowCount } from '../../../../shared/schemas.ts';

const number = new Intl.NumberFormat('en-GB');

/** The review's search and screening counts as reported; "not reported" where the review gives no number. */
export function FlowList({ flow }: { flow: FlowCount[] }) {
  return (
    <dl className="flow-list">
      {flow.map((f) => (
        <div key={f.id} className="flow-step">
          <dt>{f.label}</dt>
          <dd>
            {f.count === null ? <span className="not-reported">not reported</span> : number.format(f.count)}
            {f.note && <span className="flow-note"> — {f.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
