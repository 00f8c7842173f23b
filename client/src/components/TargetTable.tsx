import type { Stage } from '../../../shared/schemas.ts';

/** Table 2: the target framework's stages with focus, purpose, key question and success measures. */
export function TargetTable({ stages, caption }: { stages: Stage[]; caption: string }) {
  return (
    <table className="data-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Focus and purpose of this stage</th>
          <th scope="col">Key questions for innovators</th>
          <th scope="col">Success measured by…</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}</th>
            <td>
              <p className="focus">{s.focus}</p>
              <p>{s.purpose}</p>
            </td>
            <td>
              {s.keyLabel && <p className="key-label">{s.keyLabel}:</p>}
              <p>{s.keyQuestion}</p>
            </td>
            <td>{s.successMeasures}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
