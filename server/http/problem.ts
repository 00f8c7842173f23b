// RFC 9457 problem details: every error the API returns is one of these.
import type { Problem } from '../../shared/schemas.ts';

export interface FieldError {
  /** JSON pointer into the request, e.g. "/body/title" or "/params/id" */
  pointer: string;
  message: string;
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly current?: unknown;
  /** seconds, sent as the Retry-After header (a 503 while another writer holds the database) */
  readonly retryAfter?: number;

  constructor(status: number, title: string, detail: string, extra: { errors?: FieldError[]; current?: unknown; retryAfter?: number } = {}) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = extra.errors;
    this.current = extra.current;
    this.retryAfter = extra.retryAfter;
  }

  toJSON(instance?: string): Problem {
    return {
      type: `https://synthesis-workbench.local/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

export const notFound = (entity: string, id: number | string): HttpProblem =>
  new HttpProblem(404, 'Not Found', `No ${entity} with id ${id}.`);

export const conflict = (entity: string, id: number, expected: number, current: unknown, actual: number): HttpProblem =>
  new HttpProblem(
    409,
    'Conflict',
    `The ${entity} ${id} was changed by someone else: you sent version ${expected}, the current version is ${actual}. ` +
      'Reload it, reapply your change and send the current version.',
    { current },
  );

export const unprocessable = (pointer: string, message: string): HttpProblem =>
  new HttpProblem(422, 'Unprocessable Content', `${pointer}: ${message}`, { errors: [{ pointer, message }] });
