// Writes never answer 500 because another connection is writing: two server processes on one file under 50
// concurrent writers, a same-version race across the two, and edits while a large import runs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSynthFile } from '../../fixtures/literature-bench/generate.ts';
import { BIN } from '../support/cli.ts';
import { ROOT } from '../../server/paths.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';

interface Served {
  url: string;
  child: ChildProcess;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
});

/** `workbench serve` as its own process; resolves with the URL it prints. */
function serve(dbPath: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+?)\/\s/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`workbench serve exited with ${code}: ${out}`)));
  });
}

async function call(url: string, method: string, body?: unknown): Promise<{ status: number; body: { [k: string]: unknown } }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as { [k: string]: unknown }) : {} };
}

/** One writer: renames a model (read its version, send it; a 409 is a fair answer) and adds a band, `rounds` times. */
async function writer(base: string, reviewId: number, modelId: number, rounds: number, statuses: number[]): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const current = await call(`${base}/api/reviews/${reviewId}/frameworks/${modelId}`, 'GET');
    const rename = await call(`${base}/api/reviews/${reviewId}/frameworks/${modelId}`, 'PATCH', {
      name: `Model ${Math.random().toString(36).slice(2, 8)}`, version: current.body.version,
    });
    statuses.push(rename.status);
    const band = await call(`${base}/api/reviews/${reviewId}/bands`, 'POST', { label: `b${i}` });
    statuses.push(band.status);
  }
}

const tally = (statuses: number[]): Record<number, number> => {
  const t: Record<number, number> = {};
  for (const s of statuses) t[s] = (t[s] ?? 0) + 1;
  return t;
};

describe('concurrent writers', () => {
  it('two server processes on one file under 50 writers answer no 500, and a lost race is a 409 with the record', async () => {
    const dbPath = tempDbPath();
    const a = await serve(dbPath);
    const b = await serve(dbPath);
    const review = await call(`${a.url}/api/reviews`, 'POST', { slug: 'race', title: 'Race' });
    expect(review.status).toBe(201);
    const reviewId = review.body.id as number;
    const models: number[] = [];
    for (let i = 0; i < 5; i++) models.push((await call(`${a.url}/api/reviews/${reviewId}/frameworks`, 'POST', { name: `M${i}` })).body.id as number);

    const statuses: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, w) =>
      writer(w % 2 === 0 ? a.url : b.url, reviewId, models[w % models.length] as number, 6, statuses)));
    const t = tally(statuses);
    console.log('two servers, 50 writers:', JSON.stringify(t));
    expect(statuses).toHaveLength(600);
    expect(t[500] ?? 0).toBe(0);
    expect(t[503] ?? 0).toBe(0);
    expect((t[200] ?? 0) + (t[409] ?? 0)).toBe(300);
    expect(t[201]).toBe(300);
    const bands = await call(`${b.url}/api/reviews/${reviewId}/bands`, 'GET');
    expect((bands.body as unknown as unknown[]).length).toBe(300);

    // the same version sent to both processes at once: one wins, the other sees the winner's record
    for (let round = 0; round < 10; round++) {
      const cur = await call(`${a.url}/api/reviews/${reviewId}/frameworks/${models[0]}`, 'GET');
      const [ra, rb] = await Promise.all([
        call(`${a.url}/api/reviews/${reviewId}/frameworks/${models[0]}`, 'PATCH', { name: `A${round}`, version: cur.body.version }),
        call(`${b.url}/api/reviews/${reviewId}/frameworks/${models[0]}`, 'PATCH', { name: `B${round}`, version: cur.body.version }),
      ]);
      expect([ra.status, rb.status].sort()).toEqual([200, 409]);
      const [win, lose] = ra.status === 200 ? [ra, rb] : [rb, ra];
      expect((lose.body.current as { name: string }).name).toBe(win.body.name);
    }
  }, 240_000);

  it('edits during a 100k-record import answer no 500', async () => {
    const server = await startTestServer();
    try {
      const file = path.join(path.dirname(server.dbPath), 'big.ris');
      writeSynthFile(file, Number(process.env.WORKBENCH_TEST_IMPORT_RECORDS ?? 100_000), 'ris');
      const started = await fetch(`${server.url}/api/reviews/1/literature/imports?fileName=big.ris`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' },
        body: fs.readFileSync(file),
      });
      expect(started.status).toBe(202);
      const { batchId } = (await started.json()) as { batchId: number };
      const model = (await server.request('POST', '/api/reviews/1/frameworks', { name: 'Edited meanwhile' })).body as { id: number; version: number };

      const statuses: number[] = [];
      let state = 'running';
      let version = model.version;
      // bounded: the import of 100k records takes well under the loop's limit on this machine
      for (let i = 0; i < 2000 && state === 'running'; i++) {
        const edits = await Promise.all(Array.from({ length: 5 }, (_, k) =>
          server.request('POST', '/api/reviews/1/bands', { label: `during ${i}.${k}` })));
        for (const e of edits) statuses.push(e.status);
        const rename = await server.request('PATCH', `/api/reviews/1/frameworks/${model.id}`, { name: `Edited ${i}`, version });
        statuses.push(rename.status);
        if (rename.status === 200) version = (rename.body as { version: number }).version;
        state = (await server.request('GET', `/api/reviews/1/literature/imports/${batchId}`)).body.state as string;
      }
      const t = tally(statuses);
      console.log('edits during the import:', JSON.stringify(t));
      expect(state).toBe('complete');
      expect(statuses.length).toBeGreaterThan(20);
      expect(t[500] ?? 0).toBe(0);
      expect(t[503] ?? 0).toBe(0);
      expect((t[200] ?? 0) + (t[201] ?? 0)).toBe(statuses.length);
    } finally {
      await server.close();
    }
  }, 600_000);
});
