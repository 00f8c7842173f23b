// Reading a refused write for the user: the server's own words, and the fields its JSON pointers name.
import { ApiError } from './client.ts';

export const describeError = (error: unknown): string =>
  error instanceof ApiError ? error.problem.detail || error.problem.title : error instanceof Error ? error.message : String(error);

export const isConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409;

/**
 * The problem's field errors keyed by pointer with the request prefix taken off: "/body/settings/exclusionReasons/2"
 * → "settings/exclusionReasons/2", so a form looks its fields up by their path in the body.
 */
export function fieldErrors(error: unknown): Map<string, string> {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError)) return errors;
  for (const e of error.problem.errors ?? []) {
    const path = e.pointer.replace(/^\/(body|query|params)\//, '');
    errors.set(path, errors.has(path) ? `${errors.get(path)}; ${e.message}` : e.message);
  }
  return errors;
}

/** The field errors no field of the form shows, so that none goes unsaid. */
export function otherErrors(errors: Map<string, string>, shown: Iterable<string>): string[] {
  const known = new Set(shown);
  return [...errors].filter(([path]) => !known.has(path)).map(([path, message]) => `${path || 'request'}: ${message}`);
}
