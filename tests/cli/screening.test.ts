// workbench screen import-decisions, workbench agreement and workbench export prisma as a user runs them: real
// files, child processes, exit codes, JSON on stdout; the team and stages are set up over HTTP first.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDbPath } from '../support/server.ts';
import { workbench } from '../support/cli.ts';

const TITLES = ['Kinship care outcomes', 'Foster care stability', 'Residential care and education', 'Adoption breakdown',
  'Care leavers and housing', 'Family group conferencing'];
const RIS = TITLES.map((t, i) => `TY  - JOUR\nTI  - ${t}\nAU  - Writer, Wil\nPY  - 2021\nDO  - 10.2000/c${i + 1}\nID  - C${i + 1}\nER  - \n`).join('\n');

// two reviewers on six items: they agree on 0, 1 (include) and 2, 3 (exclude), disagree on 4 and 5
const DECISIONS = [
  'doi,reviewer,stage,decision,reason',
  ...['include', 'include', 'exclude', 'exclude', 'include', 'exclude'].map((d, i) => `10.2000/c${i + 1},Ann Lead,title,${d},`),
  ...['include', 'include', 'exclude', 'exclude', 'exclude', 'include'].map((d, i) => `10.2000/c${i + 1},BB,title,${d},`),
  '10.2000/missing,Ann Lead,title,include,',
  '10.2000/c1,Zed,title,include,',
].join('\n');

describe('workbench screening commands', () => {
  const dbPath = tempDbPath('wb-cli-screen-');
  const dir = path.dirname(dbPath);
  const file = path.join(dir, 'decisions.csv');

  beforeAll(async () => {
    const s = await startTestServer({ dbPath });
    try {
      fs.writeFileSync(path.join(dir, 'lib.ris'), RIS);
      const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=lib.ris&source=ASSIA`, {
        method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: RIS,
      });
      const { batchId } = (await res.json()) as { batchId: number };
      for (let i = 0; i < 400; i++) {
        if ((await s.request('GET', `/api/reviews/1/literature/imports/${batchId}`)).body.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const ann = await s.request('POST', '/api/reviews/1/reviewers', { name: 'Ann Lead' });
      const bob = await s.request('POST', '/api/reviews/1/reviewers', { name: 'Bob Bell' });
      await s.request('PATCH', `/api/reviews/1/reviewers/${bob.body.id}`, { initials: 'BB' });
      const stage = await s.request('POST', '/api/reviews/1/screening/stages', { kind: 'title' }, { 'x-workbench-reviewer': String(ann.body.id) });
      expect(stage.status).toBe(201);
    } finally {
      await s.close();
    }
    fs.writeFileSync(file, DECISIONS);
  });

  it('imports decisions with a per-row report', async () => {
    const r = await workbench(['screen', 'import-decisions', file, '--stage', 'title', '--db', dbPath, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.imported).toBe(12);
    expect(report.skipped).toEqual([
      { line: 14, reason: expect.stringMatching(/no item/) },
      { line: 15, reason: expect.stringMatching(/reviewer "Zed"/) },
    ]);
    expect(r.stderr).toContain('imported 12 decisions; skipped 2 rows');
    const text = await workbench(['screen', 'import-decisions', file, '--db', dbPath]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${file}:14: skipped:`);
  });

  it('prints agreement equal to a hand computation', async () => {
    const r = await workbench(['agreement', '--stage', 'title', '--db', dbPath, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    // po = 4/6; each says include 3 times, exclude 3 times: pe = 1/2; kappa = (2/3 − 1/2) / (1/2) = 1/3
    const se = Math.sqrt(((2 / 3) * (1 / 3)) / (6 * 0.25));
    expect(a).toMatchObject({ stage: 'title', reviewers: ['Ann Lead', 'Bob Bell'], items: 6 });
    expect(a.percentAgreement).toBeCloseTo(200 / 3, 10);
    expect(a.kappa).toBeCloseTo(1 / 3, 10);
    expect(a.kappaCi95[0]).toBeCloseTo(1 / 3 - 1.96 * se, 10);
    expect(a.kappaCi95[1]).toBeCloseTo(1 / 3 + 1.96 * se, 10);
    const text = await workbench(['agreement', '--stage', 'title', '--db', dbPath]);
    expect(text.stdout).toContain('Ann Lead × Bob Bell: 6 items, agreement 66.7%, kappa 0.333');
  });

  it('fails with one line for an unknown stage', async () => {
    const r = await workbench(['agreement', '--stage', 'full-text', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('No screening stage "full-text"');
  });

  it('exports the PRISMA counts as JSON and CSV, and the diagram as SVG', async () => {
    const json = await workbench(['export', 'prisma', '--format', 'json', '--db', dbPath]);
    expect(json.code).toBe(0);
    const flow = JSON.parse(json.stdout);
    // the seed review now has records: identification is derived, screening counts wait for the blind stage
    expect(flow.boxes.database_results).toMatchObject({ count: 6, entered: false });
    expect(flow.boxes.records_screened.count).toBeNull();
    expect(flow.boxes.new_studies).toMatchObject({ count: 79, entered: true });
    const csv = await workbench(['export', 'prisma', '--format', 'csv', '--db', dbPath]);
    expect(csv.stdout.split('\r\n')[0]).toBe('box,label,count,source,note');
    expect(csv.stdout).toContain('database_results,Databases,6,derived,');
    const out = path.join(dir, 'prisma.svg');
    const svg = await workbench(['export', 'prisma', '--format', 'svg', '-o', out, '--db', dbPath]);
    expect(svg.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Identification of new studies via databases and registers');
    const bad = await workbench(['export', 'prisma', '--format', 'png', '--db', dbPath]);
    expect(bad.code).toBe(1);
  });
});
