import type { ScreeningProgress } from './types.ts';

/** n of N per reviewer (while blind the server gives only your own row) and the final decisions once visible. */
export function ProgressPanel({ progress }: { progress: ScreeningProgress }) {
  return (
    <section className="screen-progress" aria-labelledby="screen-progress-h">
      <h3 id="screen-progress-h">Progress</h3>
      <ul>
        {progress.reviewers.map((r) => (
          <li key={r.reviewerId} data-reviewer={r.reviewerId}>
            <progress max={Math.max(1, progress.total)} value={r.decided} aria-label={`${r.name}: ${r.decided} of ${progress.total} decided`} />{' '}
            {r.name} ({r.initials}): {r.decided} of {progress.total} decided — {r.include} include, {r.exclude} exclude, {r.maybe} maybe
          </li>
        ))}
      </ul>
      {progress.final ? (
        <p>
          Final: {progress.final.include} included, {progress.final.exclude} excluded, {progress.final.conflict} in conflict, {progress.final.undecided} undecided
        </p>
      ) : (
        <p className="screen-none">Blind: the others’ decisions and counts show once the lead unblinds the stage or you have finished.</p>
      )}
    </section>
  );
}
