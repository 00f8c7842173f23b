// A batch left "running" by a CLI import killed while the server runs does not block its own undo: the server sees
// its owner is gone (pid and process start time) and removes what it left, without a restart.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { processStarted } from '../../server/processes.ts';
import { writeSynthFile } from '../../fixtures/literature-bench/generate.ts';
import { BIN } from '../support/cli.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const counts = (): { items: number; sources: number; batches: number; fts: number } =>
  s.wb.db.prepare(`SELECT (SELECT count(*) FROM lit_item) AS items, (SELECT count(*) FROM item_source) AS sources,
    (SELECT count(*) FROM import_batch) AS batches, (SELECT count(*) FROM lit_fts) AS fts`).get() as { items: number; sources: number; batches: number; fts: number };

const insertRunning = (pid: number, started: string | null): number =>
  Number(s.wb.db.prepare(`INSERT INTO import_batch (review_id, file_name, format, status, worker_pid, worker_started, created_by, created_at)
    VALUES (1, 'x.ris', 'ris', 'running', ?, ?, 'test', '2026-01-01')`).run(pid, started).lastInsertRowid);

describe('a batch whose import process died while the server runs', () => {
  it('is undone at once after the CLI import is killed with SIGKILL', async () => {
    const file = path.join(path.dirname(s.dbPath), 'big.ris');
    writeSynthFile(file, 60_000, 'ris');
    const child = spawn(process.execPath, [BIN, 'import', file, '--json', '--db', s.dbPath], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
    let seen = { items: 0, batches: 0, fts: 0, sources: 0 };
    for (let i = 0; i < 1200 && seen.items === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = counts();
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(seen.items).toBeGreaterThan(0);
    const batches = (await s.request('GET', '/api/reviews/1/literature/batches')).body as { id: number; status: string }[];
    expect(batches).toHaveLength(1);
    expect(batches[0]?.status).toBe('running');

    const undo = await s.request('DELETE', `/api/reviews/1/literature/batches/${batches[0]?.id}`);
    expect(undo.status).toBe(204);
    expect(counts()).toEqual({ items: 0, sources: 0, batches: 0, fts: 0 });
  }, 180_000);

  it('is still refused while its owner lives, and undone when the pid now belongs to another process', async () => {
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid as number;
      for (let i = 0; i < 100 && processStarted(pid) === null; i++) await new Promise((r) => setTimeout(r, 20));
      const live = insertRunning(pid, processStarted(pid));
      const busy = await s.request('DELETE', `/api/reviews/1/literature/batches/${live}`);
      expect(busy.status).toBe(409);
      expect(busy.body.detail).toMatch(/still running/);

      // same pid, another start time: the owner died and the pid was reused
      s.wb.db.prepare("UPDATE import_batch SET worker_started = '1' WHERE id = ?").run(live);
      const reused = await s.request('DELETE', `/api/reviews/1/literature/batches/${live}`);
      expect(reused.status).toBe(204);
      expect(counts().batches).toBe(0);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
