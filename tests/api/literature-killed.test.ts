// An import killed half-way (the process dies with SIGKILL) leaves no partial batch: the next start removes it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { writeSynthFile } from '../../fixtures/literature-bench/generate.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';

const BIN = path.join(ROOT, 'server/bin/workbench.mjs');

describe('an import killed half-way', () => {
  it('leaves no partial batch, no items and no sources once the workbench starts again', async () => {
    const dbPath = tempDbPath();
    const file = path.join(path.dirname(dbPath), 'big.ris');
    writeSynthFile(file, 60_000, 'ris');
    const child = spawn(process.execPath, [BIN, 'import', file, '--json', '--db', dbPath], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // wait until some chunks are committed while the batch is still running, then kill the process outright
    let seen = { items: 0, status: '' };
    for (let i = 0; i < 1200 && seen.items === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const db = new Database(dbPath, { readonly: true, fileMustExist: true });
        try {
          const row = db.prepare("SELECT (SELECT count(*) FROM lit_item) AS items, (SELECT status FROM import_batch LIMIT 1) AS status").get() as { items: number; status: string };
          seen = { items: row.items, status: row.status ?? '' };
        } finally {
          db.close();
        }
      } catch {
        // the database or its tables do not exist yet
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(seen.items).toBeGreaterThan(0);
    expect(seen.items).toBeLessThan(60_000);
    expect(seen.status).toBe('running');

    const server = await startTestServer({ dbPath });
    try {
      const batches = await server.request('GET', '/api/reviews/1/literature/batches');
      expect(batches.body).toEqual([]);
      const items = await server.request('GET', '/api/reviews/1/literature/items');
      expect(items.body.items).toEqual([]);
      const counts = server.wb.db.prepare('SELECT (SELECT count(*) FROM lit_item) AS items, (SELECT count(*) FROM item_source) AS sources, (SELECT count(*) FROM import_batch) AS batches').get();
      expect(counts).toEqual({ items: 0, sources: 0, batches: 0 });
    } finally {
      await server.close();
    }
  }, 180_000);
});
