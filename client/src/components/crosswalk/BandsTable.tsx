import type { Crosswalk } from '../../../../shared/crosswalk/crosswalk.ts';

/** Table 1 as the paper prints it: model (with citation) × bands, phases in order separated by "; ". */
export function BandsTable({ crosswalk, caption }: { crosswalk: Crosswalk; caption: string }) {
  return (
    <table className="data-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          {crosswalk.bands.map((b) => (
            <th scope="col" key={b.id}>{b.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {crosswalk.models.map((m) => (
          <tr key={m.framework.id}>
            <th scope="row">{m.label}</th>
            {m.bandCells.map((c) => (
              <td key={c.bandId}>{c.text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
