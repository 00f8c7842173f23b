// Damaged files as `workbench import` meets them: one enormous line is refused early with a clear message and
// leaves no batch; a file of many empty records prints a summary, not one stderr line per record.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { queryDb, workbench } from '../support/cli.ts';

const batches = (dbPath: string): number => queryDb<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM import_batch')[0]?.n ?? 0;

describe('workbench import of damaged files', () => {
  it('refuses a file that is one enormous line before reading it all, and imports nothing', async () => {
    const dbPath = tempDbPath();
    const file = path.join(path.dirname(dbPath), 'one-line.ris');
    // 200 MB of RIS-looking text with no line break: a record can never end
    const fd = fs.openSync(file, 'w');
    const piece = Buffer.from(`TY  - JOUR TI  - ${'x'.repeat(1 << 20)}`);
    for (let i = 0; i < 200; i++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    const started = Date.now();
    const res = await workbench(['import', file, '--db', dbPath]);
    const seconds = (Date.now() - started) / 1000;
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/one-line\.ris: \d+ MB of text up to byte \d+ hold no complete ris record/);
    const upTo = Number(/up to byte (\d+)/.exec(res.stderr)?.[1]);
    // refused after about 32 MB of the 200 MB
    expect(upTo).toBeLessThan(64 * 2 ** 20);
    expect(seconds).toBeLessThan(60);
    expect(batches(dbPath)).toBe(0);
    fs.rmSync(file);
  }, 120_000);

  it('sums up a hundred thousand empty records instead of printing a line for each', async () => {
    const dbPath = tempDbPath();
    const file = path.join(path.dirname(dbPath), 'empty.ris');
    fs.writeFileSync(file, 'TY  - JOUR\nTI  - The one real record\nER  - \n' + 'TY  - JOUR\nER  - \n'.repeat(100_000));
    const res = await workbench(['import', file, '--db', dbPath]);
    expect(res.code).toBe(0);
    const lines = res.stderr.trim().split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(res.stderr).toMatch(/100001 records, 1 imported, 100000 failed/);
    expect(res.stderr).toMatch(/… and 99980 more failed records \(see --json\):\n {4}99980 × RIS record has no title, author, year or DOI/);
  }, 300_000);
});
