import type { QueueFilter, QueueOrder, ScreeningStage } from './types.ts';
import { STAGE_KINDS } from './types.ts';

export const stageName = (s: ScreeningStage): string =>
  s.label || `${STAGE_KINDS.find((k) => k.kind === s.kind)?.label ?? s.kind} screening`;

const FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'undecided', label: 'Undecided by me' },
  { value: 'mine', label: 'Decided by me' },
  { value: 'maybe', label: 'My maybes' },
  { value: 'conflicts', label: 'Conflicts' },
  { value: 'all', label: 'All records' },
];

/** Stage, filter and order of the records to screen. */
export function ScreeningToolbar(props: {
  stages: ScreeningStage[];
  stage: ScreeningStage | undefined;
  onStage: (id: number | null) => void;
  filter: QueueFilter;
  onFilter: (f: QueueFilter) => void;
  order: QueueOrder;
  onOrder: (o: QueueOrder) => void;
}) {
  const { stages, stage } = props;
  const unblinded = Boolean(stage && (!stage.blind || stage.unblindedAt));
  return (
    <div className="screen-toolbar-row">
      <label>Stage
        <select id="screen-stage" value={stage ? String(stage.id) : ''} onChange={(e) => props.onStage(e.target.value ? Number(e.target.value) : null)}>
          <option value="">— new stage —</option>
          {stages.map((s) => <option key={s.id} value={s.id}>{stageName(s)} ({s.items ?? '?'} records{s.unblindedAt ? ', unblinded' : s.blind ? ', blind' : ''})</option>)}
        </select>
      </label>
      {stage && (
        <>
          <label>Show
            <select id="screen-filter" value={props.filter} onChange={(e) => props.onFilter(e.target.value as QueueFilter)}>
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value} disabled={f.value === 'conflicts' && !unblinded}>
                  {f.label}{f.value === 'conflicts' && !unblinded ? ' (after unblinding)' : ''}
                </option>
              ))}
            </select>
          </label>
          <label>Order
            <select id="screen-order" value={props.order} onChange={(e) => props.onOrder(e.target.value as QueueOrder)}>
              <option value="random">Stable random</option>
              <option value="relevance">Most likely relevant first</option>
            </select>
          </label>
        </>
      )}
    </div>
  );
}
