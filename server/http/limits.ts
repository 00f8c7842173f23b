// Everything the server accepts from a browser is bounded: the URL, the request line and headers, a JSON body's bytes
// (per class of route), its nesting depth and the length of every string in it, and an upload's bytes. Each refusal
// is a problem whose `limit` member names the limit, its maximum and what was sent, so a client can say what to change.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Problem } from '../../shared/schemas.ts';
import { HttpProblem } from './problem.ts';

const MB = 1024 ** 2;

/** A JSON body of an ordinary route: a form's worth of fields, or a citation's CSL-JSON. */
export const JSON_BODY_BYTES = 1 * MB;
/** A JSON body that carries pasted text: references, a table of models, a CSV of screening decisions (50 MB). */
export const PASTE_JSON_BODY_BYTES = 64 * MB;
/** Deeper than this is refused before validation (CSL-JSON is about 4 levels). */
export const JSON_DEPTH = 64;
/** Any string (or key) in a JSON body of an ordinary route whose schema gives that field no maximum of its own. */
export const STRING_CHARS = 100_000;
/** The path and query of a request. */
export const URL_CHARS = 8 * 1024;
/** An upload (a library file, a bundle) streamed to disk; `workbench serve --max-upload-mb N` or WORKBENCH_MAX_UPLOAD_MB. */
export const UPLOAD_MB = 512;

/** The routes that take pasted text as JSON, as `METHOD path` exactly as defined (tests check each one exists). */
export const PASTE_ROUTES: ReadonlySet<string> = new Set([
  'POST /reviews/:reviewId/citations/import',
  'POST /reviews/:reviewId/models/import/preview',
  'POST /reviews/:reviewId/models/import',
  'POST /reviews/:reviewId/screening/decisions/import',
]);

export interface RequestLimits {
  jsonBodyBytes: number;
  pasteJsonBodyBytes: number;
  jsonDepth: number;
  stringChars: number;
  urlChars: number;
  uploadBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  jsonBodyBytes: JSON_BODY_BYTES, pasteJsonBodyBytes: PASTE_JSON_BODY_BYTES, jsonDepth: JSON_DEPTH,
  stringChars: STRING_CHARS, urlChars: URL_CHARS, uploadBytes: UPLOAD_MB * MB,
};

/** What a refusal says about the limit it hit; `actual` is left out where only "more than max" is known. */
export interface LimitInfo {
  name: string;
  max: number;
  unit: 'bytes' | 'characters' | 'levels';
  actual?: number;
}

export class LimitProblem extends HttpProblem {
  readonly limit: LimitInfo;

  constructor(status: number, title: string, detail: string, limit: LimitInfo, pointer?: string, message?: string) {
    super(status, title, detail, pointer ? { errors: [{ pointer, message: message ?? detail }] } : {});
    this.limit = limit;
  }

  override toJSON(instance?: string): Problem & { limit: LimitInfo } {
    return { ...super.toJSON(instance), limit: this.limit };
  }
}

/** 3.2 MB, 512 MB, 900 bytes: binary megabytes, as the limits are set. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < MB) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${Number((n / MB).toFixed(1))} MB`;
}

const sizeOf = (actual: number | undefined, max: number): string =>
  actual === undefined ? `more than ${formatBytes(max)}` : formatBytes(actual);

export function bodyTooLarge(max: number, actual: number | undefined, paste: boolean): LimitProblem {
  return new LimitProblem(413, 'Content Too Large',
    `The request body is ${sizeOf(actual, max)}; this route takes at most ${formatBytes(max)} of JSON.`,
    { name: paste ? 'pasteJsonBodyBytes' : 'jsonBodyBytes', max, unit: 'bytes', ...(actual === undefined ? {} : { actual }) });
}

export function uploadTooLarge(max: number, actual: number | undefined, what = 'file'): LimitProblem {
  return new LimitProblem(413, 'Content Too Large',
    `The ${what} is ${sizeOf(actual, max)}; uploads take at most ${formatBytes(max)} (workbench serve --max-upload-mb N raises it).`,
    { name: 'uploadBytes', max, unit: 'bytes', ...(actual === undefined ? {} : { actual }) });
}

export const isPasteRoute = (method: string, path: string): boolean => PASTE_ROUTES.has(`${method.toUpperCase()} ${path}`);

/** express.json with the route's byte limit (ordinary JSON or pasted text), its refusal told as a LimitProblem. */
export function jsonBody(limits: RequestLimits, method: string, path: string): RequestHandler {
  const paste = isPasteRoute(method, path);
  const max = paste ? limits.pasteJsonBodyBytes : limits.jsonBodyBytes;
  const parse = express.json({ limit: max, strict: false, type: 'application/json' });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      const e = error as { type?: string; length?: number } | undefined;
      if (e?.type === 'entity.too.large') return next(bodyTooLarge(max, e.length, paste));
      return next(error);
    });
  };
}

const escapeKey = (k: string): string => k.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The first value of a parsed JSON body beyond a limit: nested deeper than `depth`, or a string or key longer than
 * `stringChars`; found without recursion, so 20,000 levels are fine. Pointers are relative to the body.
 */
export function overLimit(value: unknown, depth: number, stringChars: number): { kind: 'depth' | 'string'; pointer: string; length: number } | null {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, level, pointer] = stack.pop() as [unknown, number, string];
    if (typeof v === 'string') {
      if (v.length > stringChars) return { kind: 'string', pointer, length: v.length };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (level >= depth) return { kind: 'depth', pointer, length: level };
    for (const [k, child] of Object.entries(v)) {
      const at = `${pointer}/${escapeKey(k)}`;
      if (k.length > stringChars) return { kind: 'string', pointer: at, length: k.length };
      stack.push([child, level + 1, at]);
    }
  }
  return null;
}

/** Refuses a parsed body nested too deep (422, as before this module) or with a string too long (400). */
export function checkBody(body: unknown, limits: RequestLimits, paste: boolean): void {
  // pasted text is one long field whose schema sets its own maximum; the body limit bounds the rest
  const stringChars = paste ? limits.pasteJsonBodyBytes : limits.stringChars;
  const hit = overLimit(body, limits.jsonDepth, stringChars);
  if (!hit) return;
  if (hit.kind === 'depth') {
    // the pointer is cut to its first levels: 20,000 of them would make the problem itself a large body
    const pointer = `/body${hit.pointer.split('/').slice(0, 4).join('/')}`;
    const message = `is nested more than ${limits.jsonDepth} levels deep`;
    throw new LimitProblem(422, 'Unprocessable Content', `${pointer}: ${message}; JSON bodies nest at most ${limits.jsonDepth} levels.`,
      { name: 'jsonDepth', max: limits.jsonDepth, unit: 'levels' }, pointer, message);
  }
  const pointer = `/body${hit.pointer}`;
  const message = `is ${hit.length.toLocaleString('en')} characters long; at most ${stringChars.toLocaleString('en')}`;
  throw new LimitProblem(400, 'Bad Request',
    `${pointer} is ${hit.length.toLocaleString('en')} characters long; a field of this route takes at most ${stringChars.toLocaleString('en')}.`,
    { name: 'stringChars', max: stringChars, unit: 'characters', actual: hit.length }, pointer, message);
}

/** 414 for a path and query longer than the limit, before anything else reads them. */
export function urlGuard(limits: RequestLimits): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const length = req.originalUrl.length;
    if (length <= limits.urlChars) return next();
    const max = limits.urlChars;
    next(new LimitProblem(414, 'URI Too Long',
      `The request's path and query are ${length.toLocaleString('en')} characters; this server takes at most ${max.toLocaleString('en')}.`,
      { name: 'urlChars', max, unit: 'characters', actual: length }, '/query'));
  };
}

/**
 * Node refuses a request line and headers over http.maxHeaderSize (16 KB) before Express sees them, with a bare 431;
 * this answers it as a problem too. A request that is not HTTP at all is only closed, as Node does.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code !== 'HPE_HEADER_OVERFLOW' || !socket.writable) {
      socket.destroy();
      return;
    }
    const max = http.maxHeaderSize;
    const problem = new LimitProblem(431, 'Request Header Fields Too Large',
      `The request line and headers are more than ${formatBytes(max)}; this server takes at most ${formatBytes(max)}.`,
      { name: 'headerBytes', max, unit: 'bytes' });
    const body = JSON.stringify(problem.toJSON());
    socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: MB, gb: 1024 * MB };

/** 1048576, '10kb' or '1mb' as bytes (the forms express.json took before limits were per route). */
export function byteSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!m) throw new Error(`Not a size in bytes: "${value}"`);
  return Math.round(Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1));
}

/** --max-upload-mb or WORKBENCH_MAX_UPLOAD_MB as bytes; null when it is not a positive number. */
export function uploadBytesFromMb(value: string): number | null {
  const mb = Number(value);
  return value.trim() !== '' && Number.isFinite(mb) && mb > 0 ? Math.round(mb * MB) : null;
}
