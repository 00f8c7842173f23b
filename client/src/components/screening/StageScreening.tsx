import { useEffect, useMemo, useState } from 'react';
import { plainOf } from '../../../../shared/literature/rich-text.ts';
import type { Review } from '../../../../shared/schemas.ts';
import { useScreeningQueue } from '../../hooks/useScreeningQueue.ts';
import { useScreeningDecision, type DecisionChange } from '../../hooks/useScreeningDecision.ts';
import { useScreeningProgress } from '../../hooks/useScreeningProgress.ts';
import { useScreeningConflicts } from '../../hooks/useScreeningConflicts.ts';
import { useScreeningAgreement } from '../../hooks/useScreeningAgreement.ts';
import { useScreeningResolve } from '../../hooks/useScreeningResolve.ts';
import { useScreeningKeys, type ScreeningKey } from '../../hooks/useScreeningKeys.ts';
import { describeError } from '../../api/problems.ts';
import { RecordCard } from './RecordCard.tsx';
import { ReasonList } from './ReasonList.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { ConflictsView } from './ConflictsView.tsx';
import { AgreementPanel } from './AgreementPanel.tsx';
import { DECISION_LABEL } from './decisionLabels.ts';
import { stageName } from './ScreeningToolbar.tsx';
import type { Decision, MyDecision, QueueFilter, QueueOrder, ScreeningStage } from './types.ts';

// Load the next page while this many records are still ahead, so moving on never waits for the network.
const PREFETCH_AHEAD = 60;

interface UndoStep { itemId: number; previous: MyDecision | null; index: number }

/** Screening one stage as one reviewer: the record, the keys, progress, and (once visible) conflicts and agreement. */
export function StageScreening({ review, you, isLead, stage, filter, order, onUnblind }: {
  review: Review;
  you: number;
  isLead: boolean;
  stage: ScreeningStage;
  filter: QueueFilter;
  order: QueueOrder;
  onUnblind: () => Promise<unknown>;
}) {
  const queue = useScreeningQueue(review.id, you, stage.id, filter, order);
  const decide = useScreeningDecision(review.id, you, stage.id);
  const progress = useScreeningProgress(review.id, you, stage.id);
  const unblinded = !stage.blind || stage.unblindedAt !== null;
  const visible = unblinded || Boolean(progress.data?.final);
  const conflicts = useScreeningConflicts(review.id, you, stage.id, visible);
  const agreement = useScreeningAgreement(review.id, you, stage.id, visible);
  const resolve = useScreeningResolve(review.id, you, stage.id);
  const reasons = review.settings.exclusionReasons;
  const needsReason = stage.kind === 'full-text' && reasons.length > 0;

  const entries = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const total = queue.data?.pages[0]?.total ?? 0;
  const expected = queue.data?.pages[queue.data.pages.length - 1]?.expectedRelevantRemaining ?? null;
  const [index, setIndex] = useState(0);
  const [undo, setUndo] = useState<UndoStep[]>([]);
  const [awaitingReason, setAwaitingReason] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const current = entries[index];
  const atEnd = index >= entries.length && !queue.hasNextPage;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = queue;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index + PREFETCH_AHEAD >= entries.length) void fetchNextPage();
  }, [index, entries.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const send = (change: DecisionChange, title: string, saved: string) => {
    setError('');
    decide.mutate(change, {
      onSuccess: () => setMessage(saved),
      onError: (err) => setError(`Not saved for “${title.slice(0, 80)}”: ${describeError(err)}. It shows what it showed before.`),
    });
  };

  const record = (decision: Decision, reason: string) => {
    if (!current) return;
    if (decision === 'exclude' && needsReason && !reason) {
      setAwaitingReason(true);
      setMessage('A full-text exclusion needs a reason: press its number.');
      return;
    }
    setAwaitingReason(false);
    const next: MyDecision = { decision, reason: decision === 'exclude' ? reason : '', note: current.mine?.note ?? '' };
    setUndo((u) => [...u.slice(-99), { itemId: current.item.id, previous: current.mine, index }]);
    // messages are text: the title's plain form (it may carry rich-text tags)
    const title = plainOf(current.item.title);
    send({ itemId: current.item.id, next }, title, `${DECISION_LABEL[decision]}${next.reason ? ` (${next.reason})` : ''}: ${title.slice(0, 80)}`);
    setIndex((i) => Math.min(i + 1, entries.length));
  };

  const onKey = (key: ScreeningKey) => {
    if (key.kind === 'move') {
      setAwaitingReason(false);
      setIndex((i) => Math.max(0, Math.min(i + key.by, entries.length)));
    } else if (key.kind === 'decide') record(key.decision, '');
    else if (key.kind === 'reason') {
      const reason = reasons[key.index];
      if (reason) record('exclude', reason);
    } else {
      const step = undo[undo.length - 1];
      if (!step) {
        setMessage('Nothing to undo.');
        return;
      }
      setUndo(undo.slice(0, -1));
      const title = plainOf(entries[step.index]?.item.title ?? '');
      send({ itemId: step.itemId, next: step.previous }, title, `Undone: ${title.slice(0, 80)}`);
      setIndex(step.index);
    }
  };
  useScreeningKeys(true, onKey);

  const showAbstract = stage.kind !== 'title';
  const resolveAndRefresh = (r: Parameters<typeof resolve.mutateAsync>[0]) => resolve.mutateAsync(r).then(() => setMessage('Conflict resolved.'));

  return (
    <div className="screen-stage">
      <div className="screen-stage-head">
        <h3 className="screen-stage-name">{stageName(stage)}</h3>
        <p>
          {stage.items === null ? 'Records not known until the stage before is unblinded' : `${stage.items} records in this stage`}; {stage.reviewersRequired} reviewers per record;{' '}
          {stage.blind ? (stage.unblindedAt ? 'unblinded' : 'blind') : 'not blind'}.
          {/* the model's estimate runs high on real sets (npm run bench -- screening), so it is said as an upper bound */}
          {expected !== null && <> The ranking expects at most about <strong>{Math.round(expected)}</strong> relevant records still to come (an upper estimate: do not stop on it alone).</>}
        </p>
        {isLead && stage.blind && !stage.unblindedAt && (
          <button type="button" onClick={() => void onUnblind().then(() => setMessage('Stage unblinded.'), (err: unknown) => setError(describeError(err)))}>
            Unblind this stage
          </button>
        )}
      </div>
      <div className="screen-live">
        <p role="status" className="screen-status">{message}</p>
        <p role="alert" className="form-error">{error}</p>
      </div>
      {queue.error && <p role="alert">Could not load the records: {queue.error.message}</p>}
      {queue.isPending && <p role="status">Loading records…</p>}
      {queue.data && (
        <div className="screen-main">
          <div className="screen-record-wrap" tabIndex={0} role="region" aria-label="Record to screen" aria-describedby="screen-keys-help">
            <p className="screen-position" data-testid="screen-position">
              {total === 0 ? 'No records in this list.' : atEnd ? `End of the list (${total} records).` : `Record ${index + 1} of ${total}`}
            </p>
            {current && <RecordCard entry={current} showAbstract={showAbstract} terms={review.settings.highlightTerms} />}
            {!current && !atEnd && total > 0 && <p role="status">Loading the next records…</p>}
          </div>
          <aside className="screen-side">
            <div className="screen-actions" role="group" aria-label="Decide">
              <button type="button" disabled={!current} onClick={() => record('include', '')}>Include <kbd>I</kbd></button>
              <button type="button" disabled={!current} onClick={() => record('exclude', '')}>Exclude <kbd>E</kbd></button>
              <button type="button" disabled={!current} onClick={() => record('maybe', '')}>Maybe <kbd>M</kbd></button>
              <button type="button" disabled={undo.length === 0} onClick={() => onKey({ kind: 'undo' })}>Undo <kbd>U</kbd></button>
              <button type="button" disabled={index === 0} onClick={() => onKey({ kind: 'move', by: -1 })}>Previous <kbd>K</kbd></button>
              <button type="button" disabled={atEnd} onClick={() => onKey({ kind: 'move', by: 1 })}>Next <kbd>J</kbd></button>
            </div>
            <p id="screen-keys-help" className="screen-help">
              Keys: I include, E exclude, M maybe, 1–9 exclude with that reason, U or Ctrl+Z undo, J or → next, K or ← previous.
            </p>
            <ReasonList reasons={reasons} current={current?.mine?.decision === 'exclude' ? current.mine.reason : ''} waiting={awaitingReason} />
          </aside>
        </div>
      )}
      {progress.data && <ProgressPanel progress={progress.data} />}
      {visible && conflicts.data && (
        <ConflictsView conflicts={conflicts.data} reasons={reasons} isLead={isLead} onResolve={resolveAndRefresh} />
      )}
      {visible && agreement.data && <AgreementPanel agreement={agreement.data} />}
      {visible && agreement.error && <p role="alert">Could not load the agreement: {agreement.error.message}</p>}
    </div>
  );
}
