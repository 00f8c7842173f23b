// A backup killed with SIGKILL at any moment leaves nothing the workbench no longer needs once the server starts
// again or the next backup runs: beside the database and the backup's target there is only the database (its -wal
// and -shm while it is open) and complete backups, and the database passes its integrity check. Files that only
// look like a backup's leftovers (another process's, or named after a file that was never a backup target) stay.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { openWorkbench } from '../../server/workbench.ts';
import { BIN, workbench } from '../support/cli.ts';
import { integrity, until } from '../support/faults.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';

const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max default, so never a live process
const MARKER = /^\.workbench-backup-\d+-[0-9a-f-]{36}\.json$/;

const names = (dir: string): string[] => fs.readdirSync(dir).sort();
const size = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
};

describe('the start-up sweep of killed backups', () => {
  it('removes the partial files a marker beside the database names, wherever they are, and nothing else', async () => {
    const dbPath = tempDbPath();
    const dir = path.dirname(dbPath);
    const away = path.join(dir, 'elsewhere', 'copies');
    fs.mkdirSync(away, { recursive: true });
    openWorkbench(dbPath).close();
    const target = path.join(away, 'nightly.sqlite');
    const marker = `.workbench-backup-${DEAD_PID}-${crypto.randomUUID()}.json`;
    fs.writeFileSync(path.join(dir, marker), JSON.stringify({ target }));
    // a marker the kill cut short names no target; it goes, and touches nothing
    const cut = `.workbench-backup-${DEAD_PID}-${crypto.randomUUID()}.json`;
    fs.writeFileSync(path.join(dir, cut), '{"tar');
    const leftovers = ['', '-wal', '-shm', '-journal'].map((s) => `nightly.sqlite.partial-${DEAD_PID}${s}`);
    for (const n of leftovers) fs.writeFileSync(path.join(away, n), 'half a copy');
    // look-alikes: a live process's partial and marker, a file never recorded as a target, other names
    const live = `.workbench-backup-${process.pid}-${crypto.randomUUID()}.json`;
    fs.writeFileSync(path.join(dir, live), JSON.stringify({ target }));
    const keep = [`nightly.sqlite.partial-${process.pid}`, `other.sqlite.partial-${DEAD_PID}`, `nightly.sqlite.partial-${DEAD_PID}.txt`, 'nightly.sqlite'];
    for (const n of keep) fs.writeFileSync(path.join(away, n), 'not ours to remove');
    fs.writeFileSync(path.join(dir, `workbench.sqlite.partial-x${DEAD_PID}`), 'not ours either');

    const server = await startTestServer({ dbPath });
    try {
      expect(names(away)).toEqual([...keep].sort());
      expect(names(dir).filter((n) => !/^workbench\.sqlite(-wal|-shm)?$/.test(n))).toEqual(
        [live, 'elsewhere', `workbench.sqlite.partial-x${DEAD_PID}`].sort());
    } finally {
      await server.close();
    }
  }, 60_000);
});

interface Case {
  /** when to kill: once the condition holds, or after a random delay within a whole backup's time */
  point: 'marker written' | 'copy begun' | 'copy half written' | 'copy written, being checked' | 'random';
  /** the target in a folder of its own or beside the database */
  where: 'away' | 'beside';
  /** what sweeps: a server start, or the next backup (to another file) */
  sweep: 'server' | 'backup';
}

const CASES: Case[] = [
  { point: 'marker written', where: 'away', sweep: 'server' },
  { point: 'copy begun', where: 'beside', sweep: 'server' },
  { point: 'copy half written', where: 'away', sweep: 'backup' },
  { point: 'copy written, being checked', where: 'away', sweep: 'server' },
  { point: 'copy half written', where: 'beside', sweep: 'backup' },
  { point: 'random', where: 'beside', sweep: 'server' },
  { point: 'random', where: 'away', sweep: 'backup' },
];

describe('a backup killed at any point', () => {
  let dbPath = '';
  let dir = '';
  let away = '';
  let dbBytes = 0;
  let wholeMs = 0;
  const decoys: Record<'beside' | 'away', string[]> = { beside: [], away: [] };

  beforeAll(async () => {
    dbPath = tempDbPath('wb-backup-kill-');
    dir = path.dirname(dbPath);
    away = path.join(dir, 'copies');
    fs.mkdirSync(away);
    // about 300 MB, so that a backup takes a moment (about 2 s here) and has points to be killed at
    const wb = openWorkbench(dbPath);
    wb.db.exec('CREATE TABLE kill_test_filler (id INTEGER PRIMARY KEY, data BLOB)');
    wb.db.exec('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 75000) INSERT INTO kill_test_filler (data) SELECT randomblob(4000) FROM n');
    wb.close();
    dbBytes = size(dbPath);
    decoys.away = [`backup-0.sqlite.partial-${process.pid}`, `unrelated.sqlite.partial-${DEAD_PID}`, 'notes.txt'];
    decoys.beside = [`unrelated.sqlite.partial-${DEAD_PID}`];
    for (const n of decoys.away) fs.writeFileSync(path.join(away, n), 'not a leftover of ours');
    for (const n of decoys.beside) fs.writeFileSync(path.join(dir, n), 'not a leftover of ours');
    // one whole backup: it leaves nothing but the copy, and says how long a backup takes
    const started = Date.now();
    const whole = await workbench(['backup', '-o', path.join(away, 'whole.sqlite'), '--db', dbPath]);
    wholeMs = Date.now() - started;
    expect(whole.code, whole.stderr).toBe(0);
    expect(names(away)).toEqual([...decoys.away, 'whole.sqlite'].sort());
    expect(names(dir)).toEqual([...decoys.beside, 'copies', 'workbench.sqlite'].sort());
    fs.rmSync(path.join(away, 'whole.sqlite'));
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** what may stay beside the database and in the target folder, complete backups checked and then removed */
  function expectOnlyWhatIsNeeded(open: boolean): void {
    for (const [folder, kind] of [[dir, 'beside'], [away, 'away']] as const) {
      const db = kind === 'beside' ? (open ? ['workbench.sqlite', 'workbench.sqlite-shm', 'workbench.sqlite-wal'] : ['workbench.sqlite']) : [];
      const backups = names(folder).filter((n) => /^(backup|next)-\d+\.sqlite$/.test(n));
      const other = names(folder).filter((n) => !backups.includes(n) && !db.includes(n) && n !== 'copies');
      expect(other, `${kind} the database`).toEqual([...decoys[kind]].sort());
      for (const b of backups) expect(integrity(path.join(folder, b), true), b).toEqual({ check: 'ok', mode: 'delete' });
      if (!open) for (const b of backups) fs.rmSync(path.join(folder, b));
    }
  }

  it('leaves only the database and complete backups once the server starts or the next backup runs', async () => {
    const report: string[] = [];
    let killedWithLeftovers = 0;
    for (const [i, c] of CASES.entries()) {
      const target = path.join(c.where === 'away' ? away : dir, `backup-${i}.sqlite`);
      const partial = `${target}.partial-`;
      const partialSize = (): number => {
        const n = fs.readdirSync(path.dirname(target)).find((f) => /^\d+$/.test(f.slice(path.basename(partial).length)) && f.startsWith(path.basename(partial)));
        return n ? size(path.join(path.dirname(target), n)) : -1;
      };
      const marked = (): boolean => fs.readdirSync(dir).some((n) => MARKER.test(n));
      const child = spawn(process.execPath, [BIN, 'backup', '-o', target, '--db', dbPath], { cwd: ROOT, stdio: 'ignore' });
      let exited = false;
      const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => {
        exited = true;
        resolve(signal);
      }));
      const condition = {
        'marker written': marked,
        'copy begun': () => partialSize() > 0,
        'copy half written': () => partialSize() >= dbBytes / 2,
        'copy written, being checked': () => partialSize() >= dbBytes * 0.99,
        random: (() => {
          const at = Date.now() + Math.random() * wholeMs;
          return () => Date.now() >= at;
        })(),
      }[c.point];
      const reached = await until(() => exited || condition(), 60_000) && !exited;
      if (c.point !== 'random') expect(reached, `${c.point}: the backup ended before it could be killed there`).toBe(true);
      child.kill('SIGKILL');
      const signal = await exit;
      const before = [...names(dir), ...names(away)].filter((n) => MARKER.test(n) || n.includes(`backup-${i}.sqlite.partial-`));
      if (signal === 'SIGKILL' && before.length > 0) killedWithLeftovers++;
      report.push(`${c.point} (${c.where}): ${signal ?? 'finished'}, left ${before.length} file(s)`);
      if (signal === 'SIGKILL' && c.point !== 'random') expect(before.some((n) => MARKER.test(n)), c.point).toBe(true);

      if (c.sweep === 'server') {
        const server = await startTestServer({ dbPath });
        try {
          expectOnlyWhatIsNeeded(true);
          expect(server.wb.db.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          await server.close();
        }
      } else {
        const next = await workbench(['backup', '-o', path.join(away, `next-${i}.sqlite`), '--db', dbPath]);
        expect(next.code, next.stderr).toBe(0);
      }
      expect(integrity(dbPath, false)).toEqual({ check: 'ok', mode: 'wal' });
      expectOnlyWhatIsNeeded(false);
    }
    console.log(`backup of ${Math.round(dbBytes / 2 ** 20)} MB takes ${wholeMs} ms; ${report.join('; ')}`);
    // the kills must have hit a backup at work, or this test proves nothing
    expect(killedWithLeftovers).toBeGreaterThanOrEqual(4);
  }, 600_000);
});
