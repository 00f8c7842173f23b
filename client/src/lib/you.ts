// "You are: …": which member of a review's team is at this browser, remembered per review in localStorage (it is one
// person's seat, not the review's data). The API client names them on every request to that review, since
// screening writes are attributed to a reviewer and blind reads depend on who asks.
const KEY = 'workbench:you';

function readAll(): Record<string, number> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

/** The reviewer chosen in this browser for the review, if any. */
export function currentReviewer(reviewId: number): number | null {
  return readAll()[String(reviewId)] ?? null;
}

export function chooseReviewer(reviewId: number, reviewerId: number | null): void {
  const all = readAll();
  if (reviewerId === null) delete all[String(reviewId)];
  else all[String(reviewId)] = reviewerId;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Fired on this window when the choice changes, so every screen showing it follows. */
export const CHANGE_EVENT = 'workbench:you-changed';

/** The header naming the chosen reviewer for a request to /api/reviews/:id/… (none for other paths or no choice). */
export function reviewerHeader(path: string): Record<string, string> {
  const match = /^\/reviews\/(\d+)(?:\/|$|\?)/.exec(path);
  const reviewer = match ? currentReviewer(Number(match[1])) : null;
  return reviewer === null ? {} : { 'X-Workbench-Reviewer': String(reviewer) };
}
