import type { Agreement } from './types.ts';

const fmt = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));
// the server's reasons already say "undefined: …" where kappa is undefined; say it once either way
const undefinedBecause = (note: string): string => (/^undefined\b/.test(note) ? note : `undefined: ${note || 'no variation to compare'}`);

/** Agreement between the stage's reviewers: per pair percent and Cohen's kappa with its 95% CI; Fleiss for 3+. */
export function AgreementPanel({ agreement }: { agreement: Agreement }) {
  const name = (id: number): string => {
    const r = agreement.reviewers.find((x) => x.id === id);
    return r ? `${r.name} (${r.initials})` : `reviewer ${id}`;
  };
  return (
    <section className="screen-agreement" aria-labelledby="screen-agreement-h">
      <h3 id="screen-agreement-h">Agreement</h3>
      <table className="data-table screen-agreement-table">
        <caption>Between each pair of reviewers, over the records both decided</caption>
        <thead>
          <tr><th scope="col">Reviewers</th><th scope="col">Records</th><th scope="col">Agreement</th><th scope="col">Cohen’s κ</th><th scope="col">95% CI</th></tr>
        </thead>
        <tbody>
          {agreement.pairs.map((p) => (
            <tr key={`${p.a}-${p.b}`} data-pair={`${p.a}-${p.b}`}>
              <th scope="row">{name(p.a)} – {name(p.b)}</th>
              <td>{p.items}</td>
              <td>{p.percentAgreement === null ? '—' : `${p.percentAgreement.toFixed(1)}%`}</td>
              <td className="screen-kappa">{p.kappa === null ? undefinedBecause(p.note) : fmt(p.kappa)}</td>
              <td>{p.kappaCi95 ? `${fmt(p.kappaCi95[0])} to ${fmt(p.kappaCi95[1])}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {agreement.reviewers.length >= 3 && (
        <p>Fleiss’ κ over all {agreement.reviewers.length} reviewers: {agreement.fleissKappa === null ? undefinedBecause(agreement.fleissNote) : fmt(agreement.fleissKappa)}</p>
      )}
    </section>
  );
}
