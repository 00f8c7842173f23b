/** The review's exclusion reasons with the number key that picks each (1–9). */
export function ReasonList({ reasons, current, waiting }: { reasons: string[]; current: string; waiting: boolean }) {
  return (
    <section className="screen-reasons" aria-labelledby="screen-reasons-h">
      <h3 id="screen-reasons-h">Exclusion reasons{waiting ? ': press a number to exclude with a reason' : ''}</h3>
      {reasons.length === 0 ? (
        <p>The review lists no exclusion reasons (add them in Settings).</p>
      ) : (
        <ol className="screen-reason-list">
          {reasons.map((r, i) => (
            <li key={r} aria-current={r === current ? 'true' : undefined}>
              {i < 9 ? <kbd>{i + 1}</kbd> : <span className="screen-none">(no key)</span>} {r}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
