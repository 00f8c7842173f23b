// The URL names the review, so links and reloads keep it: #/r/<slug>/<screen>/<rest…>. Pages outside any review
// (#/reviews, #/new) have their own names; any other hash is an address from before reviews were named
// (#/align/3) and is sent on to a review by the app.
export type Route =
  | { kind: 'review'; slug: string; screen: string; rest: string[] }
  | { kind: 'page'; page: string; rest: string[] }
  | { kind: 'legacy'; screen: string; rest: string[] };

export const PAGE_IDS = ['reviews', 'new'] as const;

/** The screen a review opens on. */
export const HOME_SCREEN = 'overview';

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p, i) => p !== '' || i > 0).map(safeDecode);
  const [head = '', ...tail] = parts;
  if (head === 'r' && tail[0]) {
    const [slug = '', screen = '', ...rest] = tail;
    return { kind: 'review', slug, screen, rest };
  }
  if ((PAGE_IDS as readonly string[]).includes(head)) return { kind: 'page', page: head, rest: tail };
  return { kind: 'legacy', screen: head, rest: tail };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The hash of a screen of a review: reviewHash('my-review', 'align', 12) → "#/r/my-review/align/12". */
export function reviewHash(slug: string, screen: string, ...rest: (string | number)[]): string {
  return `#/r/${[slug, screen, ...rest.map(String)].map(encodePart).join('/')}`;
}

// commas stay readable: lists of ids (#/r/x/lanes/3,5,8) are the common case
const encodePart = (part: string): string => encodeURIComponent(part).replace(/%2C/gi, ',');

export function pageHash(page: (typeof PAGE_IDS)[number], ...rest: (string | number)[]): string {
  return `#/${[page, ...rest.map(String)].map(encodePart).join('/')}`;
}
