// Everything a browser sends is bounded (server/http/limits.ts): each refusal is a problem+json whose `limit` names
// the limit, its maximum and what was sent, a detail saying what and where, and nothing is stored.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { answerClientErrors, JSON_DEPTH, PASTE_ROUTES, STRING_CHARS, URL_CHARS } from '../../server/http/limits.ts';
import { ROOT } from '../../server/paths.ts';
import { openWorkbench, type Workbench } from '../../server/workbench.ts';
import { BIN } from '../support/cli.ts';
import { tempDbPath, testClock } from '../support/server.ts';

const MB = 1024 ** 2;
const UPLOAD_CEILING = 1 * MB;

interface Answer {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
}

let wb: Workbench;
let server: http.Server;
let base = '';
let dir = '';

/** One request through node:http, so that the body can be sent chunked (no Content-Length) and headers grow freely. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: Record<string, string> = { ...(options.method && options.method !== 'GET' ? { 'x-workbench-request': '1' } : {}), ...options.headers };
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    const req = http.request(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: parsed });
      });
    });
    // the server may answer and stop reading before the whole body is sent; the answer is what counts
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (body && options.chunked) {
      // in pieces, as a browser streams a large file
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

const json = (method: string, pathname: string, value: string | object, chunked = false): Promise<Answer> =>
  send(`${base}${pathname}`, { method, headers: { 'content-type': 'application/json' }, body: typeof value === 'string' ? value : JSON.stringify(value), chunked });

const count = (sql: string): number => (wb.db.prepare(sql).get() as { n: number }).n;
const uploadsLeft = (): string[] => fs.readdirSync(dir).filter((n) => n.startsWith('.workbench-upload-'));

function expectLimit(res: Answer, status: number, name: string, max: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), limit: { name, max } });
}

/** A RIS file of about `bytes` bytes. */
function risOf(bytes: number): Buffer {
  const record = (i: number): string => `TY  - JOUR\nTI  - Record ${i} on innovation in children's social care\nAU  - Smith, Anna\nPY  - 2020\nER  - \n\n`;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const r = record(i);
    parts.push(r);
    size += r.length;
  }
  return Buffer.from(parts.join(''));
}

beforeAll(async () => {
  const dbPath = tempDbPath('wb-limits-');
  dir = path.dirname(dbPath);
  wb = openWorkbench(dbPath, { now: testClock });
  const app = createApp({ repos: wb.repos, maxUploadBytes: UPLOAD_CEILING });
  server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  wb.close();
});

describe('JSON body size', () => {
  it('refuses an ordinary route a body over 1 MB with 413, declared or streamed, and stores nothing', async () => {
    const bands = count('SELECT count(*) AS n FROM band');
    const big = { label: 'x', pad: 'y'.repeat(1.5 * MB) };
    const declared = await json('POST', '/api/reviews/1/bands', big);
    expectLimit(declared, 413, 'jsonBodyBytes', MB);
    expect(declared.body.limit.actual).toBe(JSON.stringify(big).length);
    expect(declared.body.detail).toBe('The request body is 1.5 MB; this route takes at most 1 MB of JSON.');
    const streamed = await json('POST', '/api/reviews/1/bands', big, true);
    expectLimit(streamed, 413, 'jsonBodyBytes', MB);
    expect(streamed.body.detail).toBe('The request body is more than 1 MB; this route takes at most 1 MB of JSON.');
    expect(count('SELECT count(*) AS n FROM band')).toBe(bands);
    // just under the limit is read (and then judged by the route's schema)
    expect((await json('POST', '/api/reviews/1/bands', { label: 'Within limits' })).status).toBe(201);
  });

  it('lets the routes that take pasted text have more than 1 MB, up to their own field maximum', async () => {
    // 1.2 million characters: past the ordinary limit, and past this route's own maximum of a million for `text`
    const res = await json('POST', '/api/reviews/1/models/import/preview', { text: 'a,b\n'.repeat(300_000) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/text']);
  });

  it('names only routes that exist as taking pasted text', async () => {
    const doc = (await send(`${base}/api/openapi.json`)).body as { paths: Record<string, Record<string, unknown>> };
    const defined = new Set(Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1')}`)));
    for (const route of PASTE_ROUTES) expect(defined.has(route), route).toBe(true);
  });
});

describe('JSON depth', () => {
  it(`refuses a body nested more than ${JSON_DEPTH} levels with 422, the pointer and the limit`, async () => {
    const citations = count('SELECT count(*) AS n FROM citation');
    const nested = (depth: number): string => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    // the body, csl and note are 3 levels; 62 more reach the limit of 64 exactly, 63 more pass it
    const at = (extra: number) => `{"csl":{"id":"n","type":"book","title":"Nested","note":${nested(extra)}}}`;
    const res = await json('POST', '/api/reviews/1/citations', at(63));
    expectLimit(res, 422, 'jsonDepth', JSON_DEPTH);
    expect(res.body.errors[0].pointer).toBe('/body/csl/note/a');
    expect(res.body.detail).toContain(`JSON bodies nest at most ${JSON_DEPTH} levels`);
    expect(count('SELECT count(*) AS n FROM citation')).toBe(citations);
    // at the limit, the depth check lets it through to the schema
    const within = await json('POST', '/api/reviews/1/citations', at(62));
    expect(within.body?.limit).toBeUndefined();
  });
});

describe('string length', () => {
  it(`refuses a field with no maximum of its own over ${STRING_CHARS.toLocaleString('en')} characters, by its pointer`, async () => {
    const citations = count('SELECT count(*) AS n FROM citation');
    const csl = (abstract: string) => ({ csl: { id: 'long', type: 'article-journal', title: 'Long abstract', abstract } });
    const res = await json('POST', '/api/reviews/1/citations', csl('z'.repeat(STRING_CHARS + 1)));
    expectLimit(res, 400, 'stringChars', STRING_CHARS);
    expect(res.body.limit.actual).toBe(STRING_CHARS + 1);
    expect(res.body.errors).toEqual([{ pointer: '/body/csl/abstract', message: 'is 100,001 characters long; at most 100,000' }]);
    expect(res.body.detail).toBe('/body/csl/abstract is 100,001 characters long; a field of this route takes at most 100,000.');
    // a key is a string too
    const key = await json('POST', '/api/reviews/1/citations', { csl: { id: 'k', type: 'book', title: 'T', ['k'.repeat(STRING_CHARS + 1)]: 1 } });
    expectLimit(key, 400, 'stringChars', STRING_CHARS);
    expect(count('SELECT count(*) AS n FROM citation')).toBe(citations);
    // exactly at the limit is stored
    expect((await json('POST', '/api/reviews/1/citations', csl('z'.repeat(STRING_CHARS)))).status).toBe(201);
  });

  it('leaves a field its own (smaller) maximum, with the same pointer', async () => {
    const res = await json('POST', '/api/reviews/1/bands', { label: 'x'.repeat(STRING_CHARS + 5) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/body/label');
  });
});

describe('URL and header length', () => {
  it(`answers 414 for a path and query over ${URL_CHARS} characters`, async () => {
    const q = 'q'.repeat(URL_CHARS);
    const res = await send(`${base}/api/reviews/1/literature/items?q=${q}`);
    expectLimit(res, 414, 'urlChars', URL_CHARS);
    expect(res.body.limit.actual).toBe(`/api/reviews/1/literature/items?q=${q}`.length);
    expect(res.body.detail).toContain(`this server takes at most ${URL_CHARS.toLocaleString('en')}`);
    expect((await send(`${base}/api/reviews/1/literature/items?q=${'q'.repeat(200)}`)).status).toBe(200);
  });

  it('answers 431 as problem+json for a request line and headers over Node\'s 16 KB', async () => {
    const res = await send(`${base}/api/health`, { headers: { 'x-padding': 'p'.repeat(20 * 1024) } });
    expectLimit(res, 431, 'headerBytes', http.maxHeaderSize);
    expect((await send(`${base}/api/health`)).status).toBe(200);
  });
});

describe('upload ceiling', () => {
  it('stops an upload over the ceiling, removes the partial file and imports nothing', async () => {
    const file = risOf(3 * MB);
    const url = `${base}/api/reviews/1/literature/imports?fileName=big.ris&format=ris`;
    const headers = { 'content-type': 'application/octet-stream' };
    const declared = await send(url, { method: 'POST', headers, body: file });
    expectLimit(declared, 413, 'uploadBytes', UPLOAD_CEILING);
    expect(declared.body.limit.actual).toBe(file.length);
    expect(declared.body.detail).toBe('The file is 3 MB; uploads take at most 1 MB (workbench serve --max-upload-mb N raises it).');
    // without a Content-Length the bytes are counted as they come, and the stream is cut at the ceiling
    const streamed = await send(url, { method: 'POST', headers, body: file, chunked: true });
    expectLimit(streamed, 413, 'uploadBytes', UPLOAD_CEILING);
    expect(streamed.body.detail).toBe('The file is more than 1 MB; uploads take at most 1 MB (workbench serve --max-upload-mb N raises it).');
    expect(uploadsLeft()).toEqual([]);
    expect(count('SELECT count(*) AS n FROM import_batch')).toBe(0);
    expect(count('SELECT count(*) AS n FROM lit_item')).toBe(0);
    // the server goes on, and a file within the ceiling imports
    const small = await send(url.replace('big.ris', 'small.ris'), { method: 'POST', headers, body: risOf(20_000), chunked: true });
    expect(small.status).toBe(202);
    for (const end = Date.now() + 60_000; Date.now() < end;) {
      const p = await send(`${base}/api/reviews/1/literature/imports/${small.body.batchId}`);
      if (p.body.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(count('SELECT count(*) AS n FROM lit_item')).toBeGreaterThan(100);
    expect(uploadsLeft()).toEqual([]);
  });

  it('holds a bundle to the same ceiling', async () => {
    const reviews = count('SELECT count(*) AS n FROM review');
    const bundle = JSON.stringify({ pad: 'b'.repeat(1.2 * MB) });
    const res = await send(`${base}/api/reviews/bundle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bundle, chunked: true });
    expectLimit(res, 413, 'uploadBytes', UPLOAD_CEILING);
    expect(res.body.detail).toMatch(/^The bundle is more than 1 MB;/);
    expect(count('SELECT count(*) AS n FROM review')).toBe(reviews);
  });
});

describe('workbench serve --max-upload-mb', () => {
  it('sets the ceiling, answers 431 as a problem, and refuses a value that is not a size', async () => {
    const bad = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--max-upload-mb', 'lots', '--db', tempDbPath()], { cwd: ROOT });
    let badErr = '';
    bad.stderr.on('data', (c: Buffer) => (badErr += c.toString()));
    expect(await new Promise((resolve) => bad.on('exit', resolve))).toBe(1);
    expect(badErr).toContain('--max-upload-mb must be a number of megabytes above 0, not "lots"');

    // the flag wins over the environment
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--max-upload-mb', '9', '--db', tempDbPath()], {
      cwd: ROOT, env: { ...process.env, WORKBENCH_MAX_UPLOAD_MB: '50' },
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${out}`)));
      });
      const res = await send(`${url}/api/reviews/1/literature/imports?fileName=a.ris`, {
        method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: risOf(10 * MB),
      });
      expectLimit(res, 413, 'uploadBytes', 9 * MB);
      expectLimit(await send(`${url}/api/health`, { headers: { 'x-padding': 'p'.repeat(20 * 1024) } }), 431, 'headerBytes', http.maxHeaderSize);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
