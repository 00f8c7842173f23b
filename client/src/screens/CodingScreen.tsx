// Coding: tag the review's items with stages, phases and the review's own codes (by keyboard, with quotes and
// pages), keep the codebook, and read the result as the framework matrix and the evidence-and-gap map. The views
// are addresses of this one screen: #/r/<slug>/coding[/codebook|/matrix|/map].
import { useHashRoute } from '../hooks/useHashRoute.ts';
import { useReviewTeam } from '../hooks/useReviewTeam.ts';
import { useSession } from '../hooks/useSession.ts';
import { useYou } from '../hooks/useYou.ts';
import { reviewHash } from '../lib/route.ts';
import { YouArePicker } from '../components/screening/YouArePicker.tsx';
import { CodingWorkspace } from '../components/coding/CodingWorkspace.tsx';
import { CodebookEditor } from '../components/coding/CodebookEditor.tsx';
import { FrameworkMatrix } from '../components/coding/FrameworkMatrix.tsx';
import { EvidenceMapView } from '../components/coding/EvidenceMapView.tsx';
import { CodingExports } from '../components/coding/CodingExports.tsx';
import type { ScreenProps } from './types.ts';
import '../styles/coding.css';

const VIEWS = [
  { id: '', label: 'Code items' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'matrix', label: 'Framework matrix' },
  { id: 'map', label: 'Evidence map' },
] as const;

export function CodingScreen({ review }: ScreenProps) {
  const { rest } = useHashRoute();
  const view = VIEWS.find((v) => v.id === (rest[0] ?? '')) ?? VIEWS[0];
  const [chosen, setYou] = useYou(review.id);
  // signed in (a server beyond loopback), the session says who you are; the server ignores any other choice
  const { session } = useSession();
  const signedIn = session.data?.authRequired ? session.data.user : null;
  const you = signedIn ? signedIn.id : chosen;
  const team = useReviewTeam(review.id);
  const members = team.data ?? [];
  const me = members.find((m) => m.id === you);
  const writes = view.id === '' || view.id === 'codebook';

  return (
    <>
      <h2>Coding{view.id ? ` — ${view.label}` : ''}</h2>
      <div className="coding-toolbar" role="toolbar" aria-label="Coding options">
        <nav aria-label="Coding views">
          <ul className="coding-views">
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={v.id ? reviewHash(review.slug, 'coding', v.id) : reviewHash(review.slug, 'coding')} aria-current={v.id === view.id ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {team.data && (signedIn
          ? <p className="you-are">You are <strong>{signedIn.name}</strong> (signed in)</p>
          : <YouArePicker slug={review.slug} team={members} you={me ? you : null} onChoose={setYou} />)}
      </div>
      {team.error && <p role="alert">Could not load the team: {team.error.message}</p>}
      {writes && team.data && !me && (
        <p className="coding-choose" role="status">
          Choose who you are to code: every tag is recorded as one team member’s.
          {members.length === 0 && <> The team is empty: <a href={reviewHash(review.slug, 'settings')}>add people in Settings</a>.</>}
        </p>
      )}
      {view.id === '' && me && <CodingWorkspace key={me.id} reviewId={review.id} you={me.id} youName={me.name} />}
      {view.id === 'codebook' && me && <CodebookEditor reviewId={review.id} />}
      {view.id === 'matrix' && <FrameworkMatrix reviewId={review.id} />}
      {view.id === 'map' && <EvidenceMapView reviewId={review.id} />}
      {(view.id === 'matrix' || view.id === 'map' || view.id === 'codebook') && <CodingExports reviewId={review.id} />}
    </>
  );
}
