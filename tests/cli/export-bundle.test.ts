// The review bundle and backups as a user runs them: child processes, real files, exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';
import { BIN, workbench } from '../support/cli.ts';



const withoutGeneratedAt = (text: string): string => text.replace(/^ {2}"generatedAt": .*$/m, '');
const count = (db: string, sql: string): number => {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare(sql).get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

const RIS = `TY  - JOUR
AU  - Lefevre, Michelle
AU  - Hampton, Georgia
TI  - Stages of innovation in children's social care
T2  - British Journal of Social Work
PY  - 2022
DO  - 10.1093/bjsw/bcac183
AB  - A six-stage wheel of innovation.
ER  -
TY  - JOUR
AU  - Murray, Robin
TI  - The open book of social innovation
PY  - 2010
ER  -
`;

// each case starts several `workbench` processes; on two shared cores that takes a while
describe('review bundle', { timeout: 120_000 }, () => {
  let source: string;
  let bundle1: string;
  let dir: string;

  beforeAll(async () => {
    // a review with more than the seed: a reviewer, a citation linked to a model, literature, and an edit in the log
    const s = await startTestServer();
    source = s.dbPath;
    dir = path.dirname(source);
    s.wb.db.prepare("INSERT INTO reviewer (name, email, created_at) VALUES ('Ada Reviewer', NULL, '2026-01-01T00:00:00.000Z')").run();
    const reviewerId = (s.wb.db.prepare("SELECT id FROM reviewer WHERE name = 'Ada Reviewer'").get() as { id: number }).id;
    const phases = (await s.request('GET', '/api/reviews/1/frameworks/2/phases')).body as { id: number }[];
    const a = await s.request('POST', '/api/reviews/1/alignments', { phaseId: phases[0]?.id, stageId: 1, relation: 'intersects-with', confidence: 0.6, reviewerId, rationale: 'tab\tand "quotes"' });
    expect(a.status).toBe(201);
    const cit = await s.request('POST', '/api/reviews/1/citations/import', { text: '@article{murray2010, title={The Open Book of Social Innovation}, author={Murray, Robin}, year={2010}}' });
    expect(cit.status).toBe(201);
    const citationId = cit.body.created[0].id as number;
    expect((await s.request('POST', `/api/reviews/1/citations/${citationId}/links`, { targetType: 'framework', targetId: 1, locator: 'p. 3' })).status).toBe(201);
    const imp = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=two.ris&format=ris`, {
      method: 'POST', body: RIS, headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' },
    });
    expect(imp.status).toBe(202);
    const { batchId } = (await imp.json()) as { batchId: number };
    for (let i = 0; i < 100; i++) {
      const p = await s.request('GET', `/api/reviews/1/literature/imports/${batchId}`);
      if (p.body.state !== 'running' && p.body.state !== 'queued') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(count(source, 'SELECT count(*) AS n FROM lit_item')).toBe(2);
    await s.close();
    bundle1 = path.join(dir, 'bundle1.json');
    const res = await workbench(['export', 'bundle', '--db', source, '-o', bundle1]);
    expect(res.code, res.stderr).toBe(0);
  });

  it('holds every part of the review, with its own ids', () => {
    const b = JSON.parse(fs.readFileSync(bundle1, 'utf8')) as { format: string; tables: { name: string; rows: unknown[][] }[] };
    expect(b.format).toBe('synthesis-workbench/bundle');
    const rows = Object.fromEntries(b.tables.map((t) => [t.name, t.rows.length]));
    expect(rows).toMatchObject({ review: 1, reviewer: 1, band: 3, framework: 11, stage: 6, alignment: 7, flow_count: 9, lit_item: 2, item_source: 2, import_batch: 1 });
    const links = b.tables.find((t) => t.name === 'citation_link')?.rows ?? [];
    expect(links.filter((r) => r.includes('p. 3'))).toHaveLength(1);
    expect(JSON.stringify(b.tables.find((t) => t.name === 'citation')?.rows)).toContain('The Open Book of Social Innovation');
    expect(rows.phase).toBeGreaterThan(30);
    expect(rows.audit_event).toBeGreaterThan(100);
  });

  it('restored into a fresh database, exports again byte for byte (apart from the generated-at line)', async () => {
    const fresh = tempDbPath();
    const restored = await workbench(['restore', bundle1, '--db', fresh]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/restored review "stages-of-innovation" as id 1/);
    const bundle2 = path.join(dir, 'bundle2.json');
    expect((await workbench(['export', 'bundle', '--db', fresh, '-o', bundle2])).code).toBe(0);
    const [one, two] = [fs.readFileSync(bundle1, 'utf8'), fs.readFileSync(bundle2, 'utf8')];
    expect(two).not.toBe(one);
    expect(withoutGeneratedAt(two)).toBe(withoutGeneratedAt(one));
    // the restored database is complete and usable: Table 1 as printed, the library searchable again
    const csv = await workbench(['export', 'crosswalk', '--db', fresh]);
    expect(csv.stdout).toBe(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table1.csv'), 'utf8'));
    expect(count(fresh, "SELECT count(*) AS n FROM lit_fts WHERE lit_fts MATCH 'wheel'")).toBe(1);
    // and the seed is not added on top of the restored review later
    const list = await workbench(['reviews', '--json', '--db', fresh]);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('refuses a review that is already there, and replaces it with --replace even when ids differ', async () => {
    const other = tempDbPath();
    // shift every id: a second review created first
    expect((await workbench(['reviews', '--db', other])).code).toBe(0);
    const raw = new Database(other);
    raw.prepare("INSERT INTO review (slug, title, created_at, updated_at) VALUES ('x', 'X', 'now', 'now')").run();
    const x = (raw.prepare("SELECT id FROM review WHERE slug = 'x'").get() as { id: number }).id;
    for (let i = 0; i < 5; i++) raw.prepare("INSERT INTO band (review_id, position, label, created_at, updated_at) VALUES (?, ?, 'b', 'now', 'now')").run(x, i);
    raw.close();
    const refused = await workbench(['restore', bundle1, '--db', other]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/a review "stages-of-innovation" is already in this database \(id 1\); pass --replace/);
    const replaced = await workbench(['restore', bundle1, '--db', other, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/replaced review "stages-of-innovation"/);
    const again = await workbench(['export', 'bundle', '--review', 'stages-of-innovation', '--db', other]);
    expect(withoutGeneratedAt(again.stdout)).toBe(withoutGeneratedAt(fs.readFileSync(bundle1, 'utf8')));
    expect(count(other, "SELECT count(*) AS n FROM band WHERE label = 'b'")).toBe(5);
  });

  it('rejects a damaged or foreign file with a clear message and changes nothing', async () => {
    const target = tempDbPath();
    const text = fs.readFileSync(bundle1, 'utf8');
    const cases: [string, RegExp][] = [
      ['{ not json', /not a bundle: the file is not JSON/],
      [JSON.stringify({ format: 'something-else' }), /not a valid bundle: \/format: /],
      [text.replace('"Early phases"', '"Early phase"'), /the bundle was changed after export/],
    ];
    for (const [content, message] of cases) {
      const file = path.join(dir, 'bad.json');
      fs.writeFileSync(file, content);
      const res = await workbench(['restore', file, '--db', target]);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(message);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await workbench(['restore', path.join(dir, 'missing.json'), '--db', target])).stderr).toMatch(/cannot read .*missing\.json: ENOENT/);
    // refused before the database is touched: it was not even created
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('backup', { timeout: 120_000 }, () => {
  let server: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('writes a consistent snapshot while a server is writing', async () => {
    const db = tempDbPath();
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], { cwd: ROOT });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/\S+?)\/?\n/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server?.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const res = await fetch(`${url}/api/reviews/1/bands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: `band ${written}` }) });
        expect(res.status).toBe(201);
        written++;
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 20));
    const file = path.join(path.dirname(db), 'backup.sqlite');
    const res = await workbench(['backup', '--db', db, '-o', file]);
    const atBackupEnd = written;
    writing = false;
    await writer;
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/backed up \d+ pages/);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const bands = (copy.prepare("SELECT count(*) AS n FROM band WHERE label LIKE 'band %'").get() as { n: number }).n;
      expect(bands).toBeGreaterThanOrEqual(20);
      expect(bands).toBeLessThanOrEqual(atBackupEnd);
      // a snapshot: the audit log holds exactly one create event per band in the copy
      const audited = (copy.prepare("SELECT count(*) AS n FROM audit_event WHERE entity = 'band' AND action = 'create' AND actor = 'local'").get() as { n: number }).n;
      expect(audited).toBe(bands);
    } finally {
      copy.close();
    }
    const refused = await workbench(['backup', '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/name the backup file with -o FILE/);
  });
});
