import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { reviewKeys } from '../../api/keys.ts';
import type { Review } from '../../../../shared/schemas.ts';
import { pageHash } from '../../lib/route.ts';

/** What an address names that is not there: said plainly, with the ways back, never a different screen instead. */
export function NotFound({ title, detail, back }: { title: string; detail: string; back: { href: string; label: string }[] }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{title}</h1>
      <p>{detail}</p>
      <ul className="not-found-links">
        {back.map((b) => <li key={b.href}><a href={b.href}>{b.label}</a></li>)}
      </ul>
    </section>
  );
}

/** A review slug that no active review has: it may be in the trash, where the Reviews page can restore it. */
export function ReviewNotFound({ slug }: { slug: string }) {
  const trash = useQuery({ queryKey: reviewKeys.trash, queryFn: () => api<Review[]>('/reviews?trash=true') });
  const trashed = trash.data?.find((r) => r.slug === slug);
  return (
    <NotFound
      title={trashed ? `“${trashed.title}” is in the trash` : 'Review not found'}
      detail={trashed
        ? 'This review was deleted. Restore it from the list of reviews to open it again.'
        : `No review has the address “${slug}”. It may have been renamed or deleted permanently, or the link is mistyped.`}
      back={[{ href: pageHash('reviews'), label: trashed ? 'Go to the reviews (restore it there)' : 'See all reviews' }]}
    />
  );
}
