import type { Stage } from '../../../../shared/schemas.ts';

/** The three text columns of a Table 2 row, as the paper prints them (also used by the stage editor's table). */
export function StageCells({ stage }: { stage: Stage }) {
  return (
    <>
      <td>
        <p className="focus">{stage.focus}</p>
        <p>{stage.purpose}</p>
      </td>
      <td>
        {stage.keyLabel && <p className="key-label">{stage.keyLabel}:</p>}
        <p>{stage.keyQuestion}</p>
      </td>
      <td>{stage.successMeasures}</td>
    </>
  );
}

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
            <StageCells stage={s} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
