import { useMemo } from 'react';
import { deriveModelCrosswalk } from '../../../shared/crosswalk/compose.ts';
import { PairwiseTable } from '../components/coverage/PairwiseTable.tsx';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { reviewHash } from '../lib/route.ts';
import { MissingInAddress } from '../components/common/MissingInAddress.tsx';
import { useMissingOnArrival } from '../hooks/useMissingOnArrival.ts';
import type { ScreenProps } from './types.ts';
import '../styles/pairwise.css';

/** Model-to-model crosswalk, derived through the shared target stages; computed on the fly, never stored. */
export function PairwiseScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const cw = crosswalk.data?.crosswalk;
  // the pair lives in the URL (#/pairwise/A/B), so a comparison can be bookmarked and shared
  const { rest } = useHashRoute();
  const models = cw?.models ?? [];
  const known = (raw: string | undefined): number | undefined => {
    const n = Number(raw);
    return models.some((m) => m.framework.id === n) ? n : undefined;
  };
  const aId = known(rest[0]) ?? models[0]?.framework.id;
  const bId = known(rest[1]) ?? models[1]?.framework.id ?? models[0]?.framework.id;
  const pick = (a: number | undefined, b: number | undefined) => {
    window.location.hash = reviewHash(review.slug, 'pairwise', a ?? '', b ?? '');
  };
  const rows = useMemo(
    () => (cw && aId !== undefined && bId !== undefined ? deriveModelCrosswalk(cw, aId, bId) : []),
    [cw, aId, bId],
  );

  const unknownPair = rest.slice(0, 2).filter((p) => p !== '' && known(p) === undefined);
  const pairMissing = useMissingOnArrival(rest.join('/'), cw ? unknownPair.length > 0 : undefined);
  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!cw) return <p role="status">Loading…</p>;
  if (pairMissing) {
    return <MissingInAddress review={review} what={unknownPair.length > 1 ? 'models' : 'model'} ids={unknownPair} screen="pairwise" screenLabel="Model to model" />;
  }
  if (models.length < 2) return <p>Model-to-model crosswalks need at least two source models.</p>;

  const a = models.find((m) => m.framework.id === aId);
  const b = models.find((m) => m.framework.id === bId);
  const matchedA = new Set(rows.map((r) => r.aPhaseId));
  const matchedB = new Set(rows.map((r) => r.bPhaseId));
  const unmatchedA = a?.phases.filter((p) => !matchedA.has(p.id)) ?? [];
  const unmatchedB = b?.phases.filter((p) => !matchedB.has(p.id)) ?? [];

  return (
    <section aria-labelledby="pairwise-heading" className="pairwise-screen">
      <h2 id="pairwise-heading">Model-to-model crosswalk</h2>
      <p className="pw-notice" role="note">
        Every correspondence here is <strong>derived through the target framework, not a reviewer&apos;s judgement</strong>:
        a phase of one model and a phase of the other that are aligned to the same stage are compared by set algebra
        (A → stage composed with the inverse of B → stage). Nothing on this screen is saved.
      </p>
      <div className="pw-pickers">
        <label>
          Model A{' '}
          <select value={aId} onChange={(e) => pick(Number(e.target.value), bId)}>
            {models.map((m) => <option key={m.framework.id} value={m.framework.id}>{m.label}</option>)}
          </select>
        </label>
        <label>
          Model B{' '}
          <select value={bId} onChange={(e) => pick(aId, Number(e.target.value))}>
            {models.map((m) => <option key={m.framework.id} value={m.framework.id}>{m.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => pick(bId, aId)}>Swap A and B</button>
      </div>
      <details className="pw-key">
        <summary>How to read the relations</summary>
        <ul>
          <li>≡ equivalent, ⊂ part of, ⊃ spans more than: certain by set algebra.</li>
          <li>∩ overlaps: the two phases certainly share something; which contains which, if either, is unknown.</li>
          <li>? undetermined: both are linked to the same stage, but they may not overlap at all (disjoint is still possible, e.g. both part of one stage).</li>
          <li>When several stages are shared, only relations possible through every one of them are kept.</li>
        </ul>
      </details>
      {a && b && rows.length === 0 && (
        <p role="status">No phase of {a.framework.name} shares a stage with a phase of {b.framework.name} yet.</p>
      )}
      {a && b && rows.length > 0 && <PairwiseTable rows={rows} aName={a.framework.name} bName={b.framework.name} />}
      {a && b && (unmatchedA.length > 0 || unmatchedB.length > 0) && (
        <div className="pw-unmatched">
          <h3>Phases with no derived counterpart</h3>
          {unmatchedA.length > 0 && <p>{a.framework.name}: {unmatchedA.map((p) => p.label).join('; ')}</p>}
          {unmatchedB.length > 0 && <p>{b.framework.name}: {unmatchedB.map((p) => p.label).join('; ')}</p>}
        </div>
      )}
    </section>
  );
}
