import { useEffect, useRef, useState } from 'react';
import { useReviews } from './hooks/useReviews.ts';
import { useHashRoute } from './hooks/useHashRoute.ts';
import { screens } from './screens/index.ts';
import { pages } from './screens/pages.ts';
import { QuickFind } from './components/common/QuickFind.tsx';
import { SignIn } from './components/common/SignIn.tsx';
import { useSession } from './hooks/useSession.ts';
import { NotFound, ReviewNotFound } from './components/common/NotFound.tsx';
import { ReviewSwitcher } from './components/review/ReviewSwitcher.tsx';
import { ScreenNav } from './components/review/ScreenNav.tsx';
import { RelationTextProvider } from './components/crosswalk/RelationTextContext.tsx';
import { HOME_SCREEN, pageHash, reviewHash, type Route } from './lib/route.ts';
import { byLastOpened, markOpened, rememberPlace } from './lib/visits.ts';
import type { Review } from '../../shared/schemas.ts';

/** The review an address from before reviews were named (or an empty one) opens: the last opened, else the first. */
function defaultReview(reviews: Review[]): Review | undefined {
  const active = reviews.filter((r) => !r.archivedAt);
  // never-opened reviews sort after, in id order: the first of the list is then the first active review
  return byLastOpened(active)[0] ?? reviews[0];
}

function replaceHash(hash: string): void {
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Off loopback the server asks for sign-in: the form stands in for the whole app until then. */
export function App() {
  const { session, signIn, signOut } = useSession();
  if (session.isPending) return <main id="main"><p role="status">Loading…</p></main>;
  const user = session.data?.user ?? null;
  if (session.data?.authRequired && !user) {
    return <SignIn onSignIn={(body) => signIn.mutate(body)} pending={signIn.isPending} error={signIn.error} />;
  }
  return <Workbench user={user} onSignOut={() => signOut.mutate()} />;
}

function Workbench({ user, onSignOut }: { user: { name: string } | null; onSignOut: () => void }) {
  const reviews = useReviews();
  const { route } = useHashRoute();
  const review = route.kind === 'review' ? reviews.data?.find((r) => r.slug === route.slug) : undefined;

  // #/align/3 (bookmarks from before reviews were named) and an empty address open a review rather than nothing
  useEffect(() => {
    if (route.kind !== 'legacy' || !reviews.data) return;
    const target = defaultReview(reviews.data);
    if (target) replaceHash(reviewHash(target.slug, route.screen || HOME_SCREEN, ...route.rest));
    else if (route.screen === '') replaceHash(pageHash('new'));
  }, [route, reviews.data]);

  useEffect(() => {
    if (route.kind !== 'review' || !review) return;
    markOpened(review.slug);
    if (route.screen) rememberPlace(review.slug, route.screen, route.rest);
  }, [route, review]);

  const mainRef = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  // the folded menu closes once a link in it has taken you somewhere
  useEffect(() => setMenuOpen(false), [route]);
  const screen = route.kind === 'review' ? route.screen || HOME_SCREEN : '';

  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          // the address is the route, so the link moves focus instead of changing the hash
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className={`app-header${menuOpen ? ' menu-open' : ''}`}>
        <p className="app-name"><a href={pageHash('reviews')}>Synthesis Workbench</a></p>
        {/* on a phone the picker and the screens fold behind one button, so the header stays one line */}
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <div id="app-menu" className="app-menu">
          {reviews.data && <ReviewSwitcher reviews={reviews.data} current={review} screen={screen} rest={route.kind === 'review' ? route.rest : []} />}
          {review && <ScreenNav review={review} screens={screens} current={screen} />}
          {user && <button type="button" className="sign-out" onClick={onSignOut}>Sign out ({user.name})</button>}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {reviews.isPending && <p role="status">Loading reviews…</p>}
        {reviews.error && <p role="alert">Could not load reviews: {reviews.error.message}</p>}
        {reviews.data && <RouteView route={route} review={review} reviews={reviews.data} screen={screen} />}
      </main>
      <QuickFind review={review} />
    </>
  );
}

function RouteView({ route, review, reviews, screen }: { route: Route; review: Review | undefined; reviews: Review[]; screen: string }) {
  if (route.kind === 'page') {
    const Page = pages.find((p) => p.id === route.page)?.component;
    if (Page) return <Page />;
    return <NotFound title="Page not found" detail={`There is no page “${route.page}”.`} back={[{ href: pageHash('reviews'), label: 'See all reviews' }]} />;
  }
  if (route.kind === 'legacy') {
    if (reviews.length === 0) {
      return <NotFound title="No reviews yet" detail="Start a review of your own to begin." back={[{ href: pageHash('new'), label: 'Start a review' }]} />;
    }
    return <p role="status">Opening the review…</p>;
  }
  if (!review) return <ReviewNotFound slug={route.slug} />;
  const Screen = screens.find((s) => s.id === screen)?.component;
  if (!Screen) {
    return (
      <NotFound
        title="Screen not found"
        detail={`The review “${review.title}” has no screen “${screen}”.`}
        back={[{ href: reviewHash(review.slug, HOME_SCREEN), label: `Back to the overview of ${review.title}` }]}
      />
    );
  }
  return (
    <>
      {review.archivedAt && <p className="archived-note" role="note">This review is archived: it is kept as it is and hidden from the review picker.</p>}
      <h1>{review.title}</h1>
      <RelationTextProvider labels={review.settings.relationLabels}>
        <Screen key={review.id} review={review} />
      </RelationTextProvider>
    </>
  );
}
