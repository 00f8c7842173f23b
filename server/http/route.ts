// Routes are data: each one names its zod schemas, so the same definitions validate requests, mount handlers
// and generate the OpenAPI document.
import type { Request, Response, Router } from 'express';
import type { z, ZodType } from 'zod';
import type { Db } from '../db/connection.ts';
import { HttpProblem, type FieldError } from './problem.ts';
import { requireWriteEncoding } from './guards.ts';
import { checkBody, DEFAULT_LIMITS, isPasteRoute, jsonBody, type RequestLimits } from './limits.ts';
import { writeTransaction } from './write-transaction.ts';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: string;
  /** the server's limits, for a route that reads its own body (an upload's ceiling) */
  limits: RequestLimits;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response?: ZodType;
  /** HTTP status on success (default 200; 201 for creation) */
  status?: number;
  /** a non-JSON response (e.g. text/csv) written by the handler itself */
  raw?: boolean;
  /** the handler reads the request body as a stream (an upload) and runs its own transactions; it may be async */
  stream?: boolean;
  handler: (input: RouteInput<P, Q, B>, res: Response) => unknown;
}

export function defineRoute<P, Q, B>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

function fieldErrors(where: 'params' | 'query' | 'body', error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    pointer: `/${where}${issue.path.map((p) => `/${String(p)}`).join('')}`,
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message,
  }));
}

function parsePart<T>(where: 'params' | 'query' | 'body', schema: ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(where, result.error);
  throw new HttpProblem(
    400,
    'Bad Request',
    `Invalid request ${where}: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`,
    { errors },
  );
}

const ACTOR_HEADER = 'x-workbench-user';

/** What sign-in adds to every route (server/http/auth.ts); on loopback there are none. */
export interface RouteHooks {
  /** after validation, before the handler: may refuse (403) a request for a review the signed-in person is not on */
  authorize?: (req: Request, params: unknown, query: unknown, body: unknown) => void;
  /** inside a write's transaction (or, for a streaming route, one of its own), with the handler's result */
  afterWrite?: (req: Request, result: unknown) => void;
  /** may narrow what a read answers */
  afterRead?: (req: Request, result: unknown) => unknown;
}

export function mountRoutes(router: Router, db: Db, routes: RouteDef[], hooks: RouteHooks = {}, limits: RequestLimits = DEFAULT_LIMITS): void {
  for (const route of routes) {
    // an upload: a streaming route without a JSON body schema, which reads the bytes itself (and bounds them)
    const upload = Boolean(route.stream) && !route.body;
    const paste = isPasteRoute(route.method, route.path);
    const parse = upload ? (_req: Request, _res: Response, next: () => void) => next() : jsonBody(limits, route.method, route.path);
    router[route.method](route.path, parse, (req: Request, res: Response) => {
      requireWriteEncoding(req, { upload });
      const params = parsePart('params', route.params, req.params);
      const query = parsePart('query', route.query, req.query);
      if (route.body && req.body === undefined) {
        throw new HttpProblem(415, 'Unsupported Media Type', 'Send the request body as application/json.');
      }
      if (route.body) checkBody(req.body, limits, paste);
      const body = parsePart('body', route.body, req.body);
      hooks.authorize?.(req, params, query, body);
      const actor = (req.get(ACTOR_HEADER) ?? 'local').slice(0, 200);
      const input = { params, query, body, actor, limits };
      if (route.stream) {
        return Promise.resolve(route.handler(input, res)).then(async (result) => {
          const { afterWrite } = hooks;
          if (afterWrite && route.method !== 'get') await writeTransaction(db, () => afterWrite(req, result));
          if (!res.headersSent) res.status(route.status ?? 200).json(result);
        });
      }
      const send = (result: unknown): void => {
        if (route.raw) return;
        if (result === undefined) res.status(204).end();
        else res.status(route.status ?? 200).json(result);
      };
      if (route.method === 'get') {
        const result: unknown = route.handler(input, res);
        return send(hooks.afterRead ? hooks.afterRead(req, result) : result);
      }
      // Every write runs in one transaction: a failure anywhere leaves the database as it was.
      return writeTransaction(db, () => {
        const result = route.handler(input, res);
        hooks.afterWrite?.(req, result);
        return result;
      }, () => !res.headersSent).then(send);
    });
  }
}
