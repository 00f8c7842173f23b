// Sign-in for a server that listens beyond loopback (or when AppOptions.auth says so): session routes, the guard
// that answers 401 without a session, and the hooks that keep a signed-in person to the reviews whose team they are
// on. The session decides who acts: the X-Workbench-User and X-Workbench-Reviewer headers a client sends are
// replaced by the session's reviewer, so no one can write in someone else's name.
import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Repositories } from '../db/repositories.ts';
import { createAccountRepo, type AccountRepo } from '../db/account-repo.ts';
import { HttpProblem } from './problem.ts';
import { defineRoute, type RouteDef, type RouteHooks } from './route.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { writeTransaction } from './write-transaction.ts';
import { REVIEWER_HEADER } from '../services/screening.ts';
import { sessionBodySchema, sessionSchema, type SessionInfo } from '../../shared/session.ts';

export const SESSION_COOKIE = 'workbench_session';
const SESSION_HOURS = 12;
export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

/** 127.0.0.0/8, ::1 and localhost; 0.0.0.0 and :: listen on every interface, so they are not loopback. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

interface Signed {
  reviewerId: number;
  name: string;
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

function currentSession(accounts: AccountRepo, req: Request): Signed | undefined {
  const token = cookieToken(req);
  return token ? accounts.session(tokenHash(token), new Date().toISOString()) : undefined;
}

const signedIn = (res: Response): Signed | undefined => res.locals.session as Signed | undefined;

export interface Auth {
  required: boolean;
  routes: RouteDef[];
  /** mounted on the API router before its routes when sign-in is required */
  guard?: (req: Request, res: Response, next: NextFunction) => void;
  hooks: RouteHooks;
}

export function createAuth(repos: Repositories, required: boolean): Auth {
  const accounts = createAccountRepo(repos.db);
  const tag = 'session';

  const routes: RouteDef[] = [
    defineRoute({
      method: 'get', path: '/session', tag, response: sessionSchema,
      summary: 'Whether this server asks for sign-in, and who you are signed in as',
      handler: (_input, res): SessionInfo => {
        const s = required ? currentSession(accounts, res.req) : undefined;
        return { authRequired: required, user: s ? { id: s.reviewerId, name: s.name } : null };
      },
    }),
    defineRoute({
      // it runs its own transactions (stream): a failed attempt must be counted even though the request fails
      method: 'post', path: '/session', tag, body: sessionBodySchema, response: sessionSchema, stream: true,
      summary: `Sign in with a name and password (workbench users add); sets an HttpOnly session cookie. ${MAX_FAILURES} failures lock the name for ${LOCKOUT_MINUTES} minutes (429)`,
      handler: async ({ body }, res): Promise<SessionInfo> => {
        if (!required) throw new HttpProblem(404, 'Not Found', 'This server listens on loopback only: there is no sign-in.');
        const now = Date.now();
        const locked = (seconds: number): HttpProblem => new HttpProblem(429, 'Too Many Requests',
          `Too many failed sign-ins for "${body.name}": try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`, { retryAfter: seconds });
        // The attempt is counted as a failure before the password is checked, in one transaction with the lock check,
        // so a burst of parallel guesses cannot all slip past the lock while scrypt runs; a success clears the count.
        const counted = await writeTransaction(repos.db, () => {
          const failure = accounts.failure(body.name);
          const lockedFor = failure?.lockedUntil ? Math.ceil((Date.parse(failure.lockedUntil) - now) / 1000) : 0;
          if (lockedFor > 0) return { lockedFor, lockedNow: false };
          const failures = (failure && failure.lockedUntil === null ? failure.failures : 0) + 1;
          const until = failures >= MAX_FAILURES ? new Date(now + LOCKOUT_MINUTES * 60_000).toISOString() : null;
          accounts.setFailure(body.name, until ? 0 : failures, until);
          return { lockedFor: 0, lockedNow: until !== null };
        });
        if (counted.lockedFor > 0) throw locked(counted.lockedFor);
        const account = accounts.byName(body.name);
        // a name without an account is checked against a dummy hash, so the answer takes as long either way
        const matches = await verifyPassword(body.password, account?.passwordHash ?? dummyHash());
        if (!account || !matches) {
          throw new HttpProblem(401, 'Unauthorized', counted.lockedNow
            ? `The name or password is wrong. After ${MAX_FAILURES} failed attempts "${body.name}" is locked for ${LOCKOUT_MINUTES} minutes.`
            : 'The name or password is wrong.',
          { errors: [{ pointer: '/body/password', message: 'does not match the name' }] });
        }
        const token = randomBytes(32).toString('base64url');
        const expires = new Date(now + SESSION_HOURS * 3_600_000);
        await writeTransaction(repos.db, () => {
          accounts.clearFailure(body.name);
          accounts.addSession(tokenHash(token), account.reviewerId, new Date(now).toISOString(), expires.toISOString());
        });
        // Secure only when the request came over TLS (a proxy in front): a team on one LAN talks plain http, and a
        // Secure cookie would never be sent back over http, so nobody could stay signed in.
        res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: res.req.secure, path: '/', expires });
        return { authRequired: true, user: { id: account.reviewerId, name: account.name } };
      },
    }),
    defineRoute({
      method: 'delete', path: '/session', tag, status: 204,
      summary: 'Sign out: ends this session and clears its cookie',
      handler: (_input, res): undefined => {
        const token = cookieToken(res.req);
        if (token) accounts.endSession(tokenHash(token));
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: res.req.secure, path: '/' });
        return undefined;
      },
    }),
  ];
  if (!required) return { required, routes, hooks: {} };

  const open = (req: Request): boolean =>
    (req.method === 'GET' && req.path === '/health') || (req.path === '/session' && (req.method === 'GET' || req.method === 'POST'));

  const guard = (req: Request, res: Response, next: NextFunction): void => {
    delete req.headers['x-workbench-user'];
    delete req.headers[REVIEWER_HEADER];
    const session = currentSession(accounts, req);
    if (session) {
      res.locals.session = session;
      req.headers['x-workbench-user'] = session.name;
      req.headers[REVIEWER_HEADER] = String(session.reviewerId);
    } else if (!open(req)) {
      throw new HttpProblem(401, 'Unauthorized', 'Sign in first: POST /api/session with your name and password (made with `workbench users add`).');
    }
    next();
  };

  const requireMember = (req: Request, reviewId: unknown, pointer: string): void => {
    const session = signedIn(req.res as Response);
    if (!session || typeof reviewId !== 'number') return;
    if (!accounts.reviewsOf(session.reviewerId).has(reviewId)) {
      throw new HttpProblem(403, 'Forbidden', `${session.name} is not on the team of review ${reviewId}.`,
        { errors: [{ pointer, message: 'is a review you are not on the team of' }] });
    }
  };

  const hooks: RouteHooks = {
    authorize(req, params, query, body) {
      requireMember(req, (params as { reviewId?: unknown } | undefined)?.reviewId, '/params/reviewId');
      const start = (body as { start?: { fromReviewId?: unknown } } | undefined)?.start;
      requireMember(req, start?.fromReviewId, '/body/start/fromReviewId');
      if (req.route?.path === '/reviews/bundle' && (query as { replace?: boolean } | undefined)?.replace) {
        throw new HttpProblem(403, 'Forbidden', 'With sign-in on, a bundle restores as a new review; replace one with `workbench restore --replace` on the server.',
          { errors: [{ pointer: '/query/replace', message: 'is not allowed when sign-in is required' }] });
      }
    },
    afterWrite(req, result) {
      const session = signedIn(req.res as Response);
      const path = req.route?.path as string | undefined;
      if (!session || req.method !== 'POST' || (path !== '/reviews' && path !== '/reviews/bundle')) return;
      const reviewId = (result as { id?: unknown } | undefined)?.id;
      if (typeof reviewId !== 'number') return;
      // whoever creates a review leads it, so that it does not vanish from their list
      if (!repos.team.list(reviewId).some((m) => m.id === session.reviewerId)) repos.team.add(reviewId, session.name, null, session.name);
      repos.team.update(reviewId, session.reviewerId, { role: 'lead' }, session.name);
    },
    afterRead(req, result) {
      const session = signedIn(req.res as Response);
      if (!session || req.route?.path !== '/reviews' || !Array.isArray(result)) return result;
      const mine = accounts.reviewsOf(session.reviewerId);
      return result.filter((r: { id?: unknown }) => typeof r.id === 'number' && mine.has(r.id));
    },
  };
  return { required, routes, guard, hooks };
}
