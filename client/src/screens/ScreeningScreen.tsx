// Screening: one record at a time, decided by keyboard alone (I, E, M, 1–9, U, J/K), each decision saved at once;
// the queue is loaded in pages ahead of the reviewer so the next record is on screen without a round trip.
import { useEffect, useMemo, useState } from 'react';
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { useReviewTeam } from '../hooks/useReviewTeam.ts';
import { useYou } from '../hooks/useYou.ts';
import { useSession } from '../hooks/useSession.ts';
import { useScreeningStages } from '../hooks/useScreeningStages.ts';
import { useScreeningStageMutations } from '../hooks/useScreeningStageMutations.ts';
import { reviewHash } from '../lib/route.ts';
import { YouArePicker, type TeamMember } from '../components/screening/YouArePicker.tsx';
import { ScreeningToolbar } from '../components/screening/ScreeningToolbar.tsx';
import { StageCreateForm } from '../components/screening/StageCreateForm.tsx';
import { StageScreening } from '../components/screening/StageScreening.tsx';
import type { ScreenProps } from './types.ts';
import type { QueueFilter, QueueOrder } from '../components/screening/types.ts';
import '../styles/screening.css';

export function ScreeningScreen({ review }: ScreenProps) {
  const { rest } = useHashRoute();
  const [chosen, setYou] = useYou(review.id);
  // signed in (a server beyond loopback), the session says who you are; the server ignores any other choice
  const { session } = useSession();
  const signedIn = session.data?.authRequired ? session.data.user : null;
  const you = signedIn ? signedIn.id : chosen;
  const team = useReviewTeam(review.id);
  const members: TeamMember[] = team.data ?? [];
  const me = members.find((m) => m.id === you);
  const stages = useScreeningStages(review.id, me ? you : null);
  const { create, unblind } = useScreeningStageMutations(review.id, me ? you : null);
  const [filter, setFilter] = useState<QueueFilter>('undecided');
  const [order, setOrder] = useState<QueueOrder>('random');
  const requested = Number(rest[0]);
  const list = useMemo(() => stages.data ?? [], [stages.data]);
  const stage = list.find((s) => s.id === requested) ?? (rest[0] ? undefined : list[0]);
  const goStage = (id: number | null) => {
    window.location.hash = id === null ? reviewHash(review.slug, 'screening', 'new') : reviewHash(review.slug, 'screening', id);
  };
  // the conflicts filter is refused until the stage is unblinded: fall back rather than show an error
  useEffect(() => {
    if (filter === 'conflicts' && stage && stage.blind && !stage.unblindedAt) setFilter('undecided');
  }, [filter, stage]);

  return (
    <>
      <h2>Screening</h2>
      <div className="screen-toolbar" role="toolbar" aria-label="Screening options">
        {team.data && (signedIn
          ? <p className="you-are">You are <strong>{signedIn.name}</strong> (signed in)</p>
          : <YouArePicker slug={review.slug} team={members} you={me ? you : null} onChoose={setYou} />)}
        {me && stages.data && (
          <ScreeningToolbar stages={list} stage={stage} onStage={goStage} filter={filter} onFilter={setFilter} order={order} onOrder={setOrder} />
        )}
      </div>
      {team.error && <p role="alert">Could not load the team: {team.error.message}</p>}
      {team.data && !me && (
        <p className="screen-choose" role="status">
          Choose who you are to screen: every decision is recorded as one team member’s.
          {members.length === 0 && <> The team is empty: <a href={reviewHash(review.slug, 'settings')}>add people in Settings</a>.</>}
        </p>
      )}
      {me && stages.error && <p role="alert">Could not load the stages: {stages.error.message}</p>}
      {me && stages.data && !stage && (
        <StageCreateForm
          hasStages={list.length > 0}
          onCreate={async (s) => {
            const made = await create.mutateAsync(s);
            goStage(made.id);
            return made;
          }}
        />
      )}
      {me && you !== null && stage && (
        <StageScreening
          key={`${stage.id}/${you}/${filter}/${order}`}
          review={review}
          you={you}
          isLead={me.role === 'lead'}
          stage={stage}
          filter={filter}
          order={order}
          onUnblind={() => unblind.mutateAsync(stage.id)}
        />
      )}
    </>
  );
}
