// Nothing left behind: a backup under steady edits finishes and leaves no .partial-*, -wal or -shm; partial files of
// a killed backup are swept; a restore that fails into a new path leaves no database; a restored slug is checked; an
// upload killed with its server leaves its temp file beside the database, and the next start sweeps it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { canonicalJson, sha256Text } from '../../shared/snapshot-hash.ts';
import { BIN, workbench } from '../support/cli.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';

const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max default, so never a live process

describe('backups leave nothing behind', () => {
  it('finish under an edit every 10 ms, with no partial, -wal or -shm file beside the copy', async () => {
    const s = await startTestServer();
    try {
      const dir = path.dirname(s.dbPath);
      const target = path.join(dir, 'copies', 'backup.sqlite');
      fs.mkdirSync(path.dirname(target));
      // a leftover of a backup that was killed mid-copy
      fs.writeFileSync(`${target}.partial-${DEAD_PID}`, 'half a copy');
      fs.writeFileSync(`${target}.partial-${DEAD_PID}-wal`, 'x');
      let writes = 0;
      let stop = false;
      const editing = (async () => {
        while (!stop) {
          const r = await s.request('POST', '/api/reviews/1/bands', { label: `during backup ${writes}` });
          expect(r.status).toBe(201);
          writes++;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      const started = Date.now();
      const res = await workbench(['backup', '-o', target, '--db', s.dbPath]);
      const ms = Date.now() - started;
      stop = true;
      await editing;
      expect(res.code, res.stderr).toBe(0);
      console.log(`backup took ${ms} ms beside ${writes} edits`);
      expect(fs.readdirSync(path.dirname(target))).toEqual(['backup.sqlite']);
      const copy = new Database(target, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect((copy.prepare('SELECT count(*) AS n FROM review').get() as { n: number }).n).toBe(1);
      } finally {
        copy.close();
      }
      expect(fs.readdirSync(path.dirname(target))).toEqual(['backup.sqlite']);
    } finally {
      await s.close();
    }
  }, 120_000);
});

describe('restores leave nothing behind', () => {
  it('a restore that fails into a new path leaves no database, and a slug with CR/LF is refused', async () => {
    const dir = path.dirname(tempDbPath());
    const bundleFile = path.join(dir, 'seed.bundle.json');
    const source = path.join(dir, 'source.sqlite');
    expect((await workbench(['export', 'bundle', '--db', source, '-o', bundleFile])).code).toBe(0);
    const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as {
      review: { slug: string }; contentHash: string; tables: { name: string; columns: string[]; rows: unknown[][] }[];
    };
    const review = bundle.tables[0];
    if (!review) throw new Error('no review table');
    const bad = 'evil\r\nSet-Cookie: x=1';
    (review.rows[0] as unknown[])[review.columns.indexOf('slug')] = bad;
    bundle.review.slug = bad;
    bundle.contentHash = sha256Text(canonicalJson(bundle.tables));
    const badFile = path.join(dir, 'bad.bundle.json');
    fs.writeFileSync(badFile, JSON.stringify(bundle));

    const target = path.join(dir, 'new', 'restored.sqlite');
    const res = await workbench(['restore', badFile, '--db', target]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/review slug "evil\\r\\nSet-Cookie: x=1" is not valid/);
    expect(fs.existsSync(path.dirname(target)) ? fs.readdirSync(path.dirname(target)) : []).toEqual([]);
  }, 120_000);
});

describe('uploads leave nothing behind', () => {
  it('keeps the temp file of an upload beside the database, and the next start sweeps what a killed server left', async () => {
    const dbPath = tempDbPath();
    const dir = path.dirname(dbPath);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/\S+?)\/\s/.exec(out);
        if (m?.[1]) resolve(new URL(m[1]));
      });
      server.on('exit', () => reject(new Error(out)));
    });
    // an upload that sends its first megabyte and then hangs
    const req = http.request({
      host: url.hostname, port: url.port, method: 'POST', path: '/api/reviews/1/literature/imports?fileName=big.ris',
      headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1', 'content-length': String(100 * 2 ** 20) },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(2 ** 20, 'TY  - JOUR\nTI  - x\nER  - \n'));
    const uploads = (): string[] => fs.readdirSync(dir).filter((n) => n.startsWith('.workbench-upload-'));
    for (let i = 0; i < 400 && uploads().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(uploads()).toHaveLength(1);
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    req.destroy();
    expect(uploads()).toHaveLength(1);

    const again = await startTestServer({ dbPath });
    try {
      expect(uploads()).toEqual([]);
      expect(fs.readdirSync(dir).filter((n) => !/^workbench\.sqlite(-wal|-shm)?$/.test(n))).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);
});
