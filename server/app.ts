// createApp({ repos }) → the Express app: API under /api, the built client at /.
import express, { type NextFunction, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { Repositories } from './db/repositories.ts';
import { HttpProblem } from './http/problem.ts';
import { createAuth, isLoopback } from './http/auth.ts';
import { allowedHostnames, hostGuard, securityHeaders } from './http/guards.ts';
import { byteSize, DEFAULT_LIMITS, urlGuard, type RequestLimits } from './http/limits.ts';
import { mountRoutes, type RouteDef } from './http/route.ts';
import { isBusy, writeBusy } from './http/write-transaction.ts';
import { CLIENT_DIST } from './paths.ts';
import { resourceRoutes } from './routes/index.ts';
import { systemRoutes } from './routes/system.ts';

export interface AppOptions {
  repos: Repositories;
  /** the address the server listens on; decides which Host headers are accepted */
  listenHost?: string;
  allowedHosts?: string[];
  clientDir?: string;
  /** JSON bodies of ordinary routes larger than this (bytes, or '10kb') are refused with 413; see http/limits.ts */
  bodyLimit?: string | number;
  /** the ceiling of an upload streamed to disk, in bytes (`workbench serve --max-upload-mb N`) */
  maxUploadBytes?: number;
  /** sign-in: required when listenHost is not loopback; tests force it with 'required' */
  auth?: 'required' | 'off';
}

function sendProblem(res: Response, problem: HttpProblem, instance: string): void {
  if (problem.retryAfter !== undefined) res.setHeader('Retry-After', String(problem.retryAfter));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON(instance)));
}

/** Turns what the JSON parser and SQLite throw into problems the client can act on. */
function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const e = error as { type?: string; status?: number; code?: string; message?: string; limit?: number };
  if (e.type === 'entity.parse.failed') return new HttpProblem(400, 'Bad Request', `Malformed JSON in the request body: ${e.message ?? ''}`, { errors: [{ pointer: '/body', message: 'is not valid JSON' }] });
  if (e.type === 'entity.too.large') return new HttpProblem(413, 'Content Too Large', `The request body is larger than the limit of ${e.limit ?? '?'} bytes.`);
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new HttpProblem(415, 'Unsupported Media Type', e.message ?? 'Unsupported encoding.');
  // a write outside a request transaction (an upload's batch row) that waited out busy_timeout
  if (isBusy(error)) return writeBusy(5);
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') return new HttpProblem(409, 'Conflict', `That would duplicate an existing record (${e.message ?? ''}).`);
  if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new HttpProblem(422, 'Unprocessable Content', 'The request refers to a record that does not exist.');
  if (e.code?.startsWith('SQLITE_CONSTRAINT')) return new HttpProblem(422, 'Unprocessable Content', `The request breaks a rule of the data model (${e.message ?? ''}).`);
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new HttpProblem(e.status, 'Bad Request', e.message ?? 'Bad request.');
  return new HttpProblem(500, 'Internal Server Error', 'The server failed to handle this request; nothing was changed. See the server log.');
}

export function createApp(options: AppOptions): express.Express {
  const { repos } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  const limits: RequestLimits = {
    ...DEFAULT_LIMITS,
    ...(options.bodyLimit === undefined ? {} : { jsonBodyBytes: byteSize(options.bodyLimit) }),
    ...(options.maxUploadBytes === undefined ? {} : { uploadBytes: options.maxUploadBytes }),
  };
  app.use(urlGuard(limits));
  app.use(hostGuard(allowedHostnames(options.listenHost ?? '127.0.0.1', options.allowedHosts)));

  const auth = createAuth(repos, (options.auth ?? (isLoopback(options.listenHost ?? '127.0.0.1') ? 'off' : 'required')) === 'required');
  const routes: RouteDef[] = [];
  routes.push(...systemRoutes(repos.db, () => routes), ...auth.routes, ...resourceRoutes.flatMap((make) => make(repos)));
  const api = express.Router();
  // JSON bodies are parsed per route, each with its own byte limit; uploads (a bundle too) read their own bodies
  if (auth.guard) api.use(auth.guard);
  mountRoutes(api, repos.db, routes, auth.hooks, limits);
  api.use((req: Request) => {
    throw new HttpProblem(404, 'Not Found', `No API route ${req.method} ${req.originalUrl}.`);
  });
  app.use('/api', api);

  const clientDir = options.clientDir ?? CLIENT_DIST;
  const index = path.join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.get(/.*/, (_req: Request, res: Response) => {
    if (fs.existsSync(index)) res.sendFile(index, { maxAge: 0 });
    else res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`, then reload.');
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const problem = toProblem(error);
    if (problem.status >= 500) console.error(error);
    sendProblem(res, problem, req.originalUrl);
  });
  return app;
}
