// DNS-rebinding and cross-site protection for a server that holds a researcher's local data: requests must name
// this machine in Host, and any Origin they carry must be this server.
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

export function hostGuard(allowed: Set<string>) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (!host || !allowed.has(hostnameOf(host))) {
      throw new HttpProblem(403, 'Forbidden', `Host "${host ?? ''}" is not this workbench. Open it at its printed 127.0.0.1 address.`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      let originHost = '';
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = '';
      }
      if (originHost.toLowerCase() !== host.toLowerCase()) {
        throw new HttpProblem(403, 'Forbidden', `Requests from origin "${origin}" are not accepted.`);
      }
    }
    next();
  };
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
