// fetch wrapper: JSON in and out; a problem+json answer becomes an ApiError carrying the problem.
import type { Problem } from '../../../shared/schemas.ts';
import { reviewerHeader } from '../lib/you.ts';

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

// The server takes uploads only with this header: a cross-site form cannot send it (server/http/guards.ts).
const WRITE_HEADER = { 'X-Workbench-Request': '1' };

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const writes = (rest.method ?? 'GET').toUpperCase() !== 'GET';
  const response = await fetch(`/api${path}`, {
    ...rest,
    headers: {
      Accept: 'application/json',
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(writes ? WRITE_HEADER : {}),
      ...reviewerHeader(path),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (body ?? { type: 'about:blank', title: response.statusText, status: response.status, detail: '' }) as Problem;
    throw new ApiError(problem);
  }
  return body as T;
}
