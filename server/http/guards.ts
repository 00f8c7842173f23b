// DNS-rebinding and cross-site protection for a server that holds a researcher's local data: requests must name
// this machine in Host, any Origin they carry must be this server (scheme, host and port), and every write must
// carry something a cross-site form cannot send (OWASP CSRF cheat sheet: custom request header, JSON content type).
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem.ts';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

export function allowedHostnames(listenHost: string, extra: string[] = []): Set<string> {
  const names = new Set([...LOOPBACK, ...extra.map((h) => h.toLowerCase())]);
  if (!['0.0.0.0', '::', ''].includes(listenHost)) names.add(listenHost.toLowerCase());
  return names;
}

function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** scheme://host:port as the browser would write this server's origin, default ports dropped */
function ownOrigin(req: Request, host: string): string {
  try {
    return new URL(`${req.protocol}://${host}`).origin;
  } catch {
    return '';
  }
}

export function hostGuard(allowed: Set<string>) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (!host || !allowed.has(hostnameOf(host))) {
      throw new HttpProblem(403, 'Forbidden', `Host "${host ?? ''}" is not this workbench. Open it at its printed 127.0.0.1 address.`);
    }
    const origin = req.headers.origin;
    const writes = !SAFE_METHODS.has(req.method);
    // "null" is what sandboxed iframes, data: URLs and some redirects send: a foreign origin, never this server
    if (origin === 'null' && writes) {
      throw new HttpProblem(403, 'Forbidden', 'Requests from an opaque origin ("null") may not change anything.');
    }
    if (origin !== undefined && origin !== 'null') {
      let theirs = '';
      try {
        theirs = new URL(origin).origin;
      } catch {
        theirs = '';
      }
      if (theirs === '' || theirs !== ownOrigin(req, host)) {
        throw new HttpProblem(403, 'Forbidden', `Requests from origin "${origin}" are not accepted.`);
      }
    }
    // Fetch Metadata: a browser that sends it says outright when a write comes from another site
    const site = req.headers['sec-fetch-site'];
    if (writes && (site === 'cross-site' || site === 'same-site')) {
      throw new HttpProblem(403, 'Forbidden', `Requests from another site (Sec-Fetch-Site: ${site}) may not change anything.`);
    }
    next();
  };
}

/** The header the workbench's own client sends on every write; a cross-site form cannot, and fetch() only after a
 * CORS preflight this server never grants. */
export const REQUEST_HEADER = 'x-workbench-request';

/** the media type without parameters; req.is() cannot be used because it answers null for an empty body */
const mediaType = (req: Request): string | undefined => req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();

const hasBody = (req: Request): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * What a write must carry, by the kind of route: a JSON route takes JSON only as application/json (anything else,
 * including an empty form post, is 415); an upload (a streaming route that reads its own body) takes
 * application/octet-stream, or application/json where it reads JSON, and only with X-Workbench-Request: 1.
 */
export function requireWriteEncoding(req: Request, route: { upload: boolean }): void {
  if (SAFE_METHODS.has(req.method)) return;
  const type = mediaType(req);
  if (route.upload) {
    if ((type !== undefined || hasBody(req)) && type !== 'application/octet-stream' && type !== 'application/json') {
      throw new HttpProblem(415, 'Unsupported Media Type', 'Send the file as the body with Content-Type: application/octet-stream.');
    }
    if (hasBody(req) && req.get(REQUEST_HEADER) !== '1') {
      throw new HttpProblem(403, 'Forbidden', `Uploads need the header ${REQUEST_HEADER}: 1 (the workbench's own client sends it).`);
    }
    return;
  }
  if ((type !== undefined || hasBody(req)) && type !== 'application/json') {
    throw new HttpProblem(415, 'Unsupported Media Type', 'Send the request body as application/json.');
  }
}

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}
