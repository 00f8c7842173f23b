// What the browser remembers between visits, kept out of the database because it is one person's view, not the
// review's data: when each review was last opened (localStorage) and where each screen of a review was left
// (sessionStorage: the chosen model on Align, the chosen lanes), so that moving between screens loses nothing.
const OPENED_KEY = 'workbench:opened';
const PLACES_KEY = 'workbench:places';

function readJson(storage: Storage, key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function write(storage: Storage, key: string, value: Record<string, unknown>): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled (private mode): remembering is a convenience, never a reason to fail
  }
}

export function lastOpened(): Record<string, string> {
  const all = readJson(localStorage, OPENED_KEY);
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function markOpened(slug: string, at = new Date().toISOString()): void {
  write(localStorage, OPENED_KEY, { ...lastOpened(), [slug]: at });
}

/** The reviews, most recently opened here first; never-opened ones after, in the order given (by id). */
export function byLastOpened<T extends { slug: string; id: number }>(reviews: readonly T[], opened = lastOpened()): T[] {
  return [...reviews].sort((a, b) => (opened[b.slug] ?? '').localeCompare(opened[a.slug] ?? '') || a.id - b.id);
}

const placeKey = (slug: string, screen: string) => `${slug}/${screen}`;

/** The rest of the address (#/r/<slug>/<screen>/<rest…>) a screen was last left at in this tab. */
export function lastPlace(slug: string, screen: string): string[] {
  const place = readJson(sessionStorage, PLACES_KEY)[placeKey(slug, screen)];
  return Array.isArray(place) ? place.filter((p): p is string => typeof p === 'string') : [];
}

export function rememberPlace(slug: string, screen: string, rest: string[]): void {
  write(sessionStorage, PLACES_KEY, { ...readJson(sessionStorage, PLACES_KEY), [placeKey(slug, screen)]: rest });
}
