import { useCrosswalk } from '../hooks/useCrosswalk.ts';
import { BandsTable } from '../components/crosswalk/BandsTable.tsx';
import { TargetTable } from '../components/framework/TargetTable.tsx';
import { CitationChips } from '../components/citations/CitationChips.tsx';
import { FlowList } from '../components/review/FlowList.tsx';
import { ExportButton } from '../components/export/ExportDialogButton.tsx';
import { useFlow } from '../hooks/useFlow.ts';
import { PrismaSection } from '../components/screening/PrismaSection.tsx';
import '../styles/screening.css';
import type { ScreenProps } from './types.ts';

/** The first screen: the review's models, Table 1 as printed and Table 2. */
export function OverviewScreen({ review }: ScreenProps) {
  const crosswalk = useCrosswalk(review.id);
  const flow = useFlow(review.id);
  if (crosswalk.error) return <p role="alert">Could not load the crosswalk: {crosswalk.error.message}</p>;
  if (!crosswalk.data) return <p role="status">Loading…</p>;
  const { crosswalk: cw, tables } = crosswalk.data;
  return (
    <>
      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Source models ({cw.models.length})</h2>
        <ol className="model-list">
          {cw.models.map((m) => (
            <li key={m.framework.id}>
              {m.framework.name}{' '}
              {/* the linked reference when there is one, else the citation as printed: once, not twice */}
              <CitationChips
                reviewId={review.id} targetType="framework" targetId={m.framework.id} targetLabel={`model ${m.framework.name}`} readOnly
                fallback={m.framework.citation ? <span className="citation">({m.framework.citation})</span> : null}
              />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="table1-heading">
        <h2 id="table1-heading">Table 1</h2>
        <ExportButton reviewId={review.id} what="crosswalk" title="Table 1" label="Export Table 1…" />
        <BandsTable crosswalk={cw} caption={tables.bands.caption} />
      </section>
      <section aria-labelledby="table2-heading">
        <h2 id="table2-heading">Table 2</h2>
        <ExportButton reviewId={review.id} what="stages" title="Table 2" label="Export Table 2…" />{' '}
        <ExportButton reviewId={review.id} what="wheel" title="the stages wheel" label="Export the wheel figure…" />
        <TargetTable stages={cw.stages} caption={tables.target.caption} />
      </section>
      {flow.data && flow.data.length > 0 && (
        <section aria-labelledby="flow-heading">
          <h2 id="flow-heading">Review flow</h2>
          <FlowList flow={flow.data} />
        </section>
      )}
      <PrismaSection reviewId={review.id} slug={review.slug} />
    </>
  );
}
