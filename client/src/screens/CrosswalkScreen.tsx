import { RELATION_MARKS } from '../../../shared/crosswalk/crosswalk.ts';
import { BandsTable } from '../components/crosswalk/BandsTable.tsx';
import { StageLayoutTable } from '../components/crosswalk/StageLayoutTable.tsx';
import { ALIGNED_RELATIONS, RELATION_HINT } from '../components/crosswalk/relations.ts';
import { useRelationText } from '../components/crosswalk/RelationTextContext.tsx';
import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { reviewHash } from '../lib/route.ts';
import type { ScreenProps } from './types.ts';
import '../styles/crosswalk.css';

type Layout = 'bands' | 'stages';

/** The crosswalk as Table 1 prints it (models × bands) or in the stage layout (models × target stages). */
export function CrosswalkScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const relationText = useRelationText();
  const { rest } = useHashRoute();
  const layout: Layout = rest[0] === 'stages' ? 'stages' : 'bands';
  const setLayout = (next: Layout) => {
    window.location.hash = next === 'stages' ? reviewHash(review.slug, 'crosswalk', 'stages') : reviewHash(review.slug, 'crosswalk');
  };

  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!crosswalk.data) return <p role="status">Loading…</p>;
  const { crosswalk: cw, tables } = crosswalk.data;

  return (
    <section aria-labelledby="crosswalk-heading" className="crosswalk-screen">
      <h2 id="crosswalk-heading">Crosswalk</h2>
      <fieldset className="layout-switch">
        <legend>Layout</legend>
        <label>
          <input type="radio" name="crosswalk-layout" value="bands" checked={layout === 'bands'} onChange={() => setLayout('bands')} />
          Table 1: models × bands
        </label>
        <label>
          <input type="radio" name="crosswalk-layout" value="stages" checked={layout === 'stages'} onChange={() => setLayout('stages')} />
          Stage layout: models × target stages
        </label>
      </fieldset>
      <div className="crosswalk-actions">
        <button type="button" onClick={() => window.print()}>Print (A4)</button>
      </div>
      {layout === 'bands' ? (
        <BandsTable crosswalk={cw} caption={tables.bands.caption} />
      ) : (
        <>
          <ul className="sl-legend" aria-label="Legend">
            {ALIGNED_RELATIONS.map((r) => (
              <li key={r}><span aria-hidden="true" className="rel-mark">{RELATION_MARKS[r]}</span> {relationText[r]} ({RELATION_HINT[r]})</li>
            ))}
            <li><span className="sl-no-counterpart">— {relationText['no-counterpart']}</span>: every phase assessed, none aligns here</li>
            <li><span className="sl-not-assessed">not assessed</span>: some phase not yet assessed</li>
          </ul>
          <StageLayoutTable crosswalk={cw} caption={tables.stages.caption} />
        </>
      )}
    </section>
  );
}
