// workbench tag and the coding exports as a user runs them: child processes on a temp database, exit codes, the
// JSON that --json prints, files written with -o, and clear one-line errors for bad input.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertItems, testItems } from '../support/coding-items.ts';
import { queryDb, workbench } from '../support/cli.ts';
import { startTestServer, tempDbPath } from '../support/server.ts';

describe('workbench tag and coding exports', () => {
  const dbPath = tempDbPath('wb-cli-coding-');
  const dir = path.dirname(dbPath);
  let items: number[];
  let policy: number;

  beforeAll(async () => {
    const s = await startTestServer({ dbPath });
    try {
      items = insertItems(s.wb.repos.db, 1, testItems(3));
      const ann = (await s.request('POST', '/api/reviews/1/reviewers', { name: 'Ann Coder' })).body.id;
      await s.request('POST', '/api/reviews/1/reviewers', { name: 'Bob Coder' });
      const as = { 'x-workbench-reviewer': String(ann) };
      const context = (await s.request('POST', '/api/reviews/1/coding/codes', { label: 'Context' }, as)).body;
      policy = (await s.request('POST', '/api/reviews/1/coding/codes', { label: 'Policy', parentId: context.id }, as)).body.id;
    } finally {
      await s.close();
    }
  });

  it('tags an item by code path, with a quote and locator, and prints what it did as JSON', async () => {
    const r = await workbench(['tag', String(items[0]), '--code', 'Stages/Mobilising', '--quote', 'we mobilised staff', '--locator', 'p. 3',
      '--reviewer', 'Ann Coder', '--json', '--db', dbPath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { action: string; path: string; tag: { id: number; code: string; quote: string; locator: string; reviewerName: string } };
    expect(out).toMatchObject({ action: 'tagged', path: 'Stages/Mobilising', tag: { quote: 'we mobilised staff', locator: 'p. 3', reviewerName: 'Ann Coder' } });
    expect(out.tag.code).toMatch(/^stage:\d+$/);
    const rows = queryDb<{ quote: string; reviewer_id: number }>(dbPath, 'SELECT quote, reviewer_id FROM tag WHERE id = ?', out.tag.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.quote).toBe('we mobilised staff');
  });

  it('tags by id and by an own code\'s path, and by reviewer initials', async () => {
    const byId = await workbench(['tag', String(items[1]), '--code', `code:${policy}`, '--reviewer', 'BC', '--db', dbPath]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(new RegExp(`item ${items[1]} → Categories/Context/Policy \\(code:${policy}\\) by Bob Coder`));
    const byPath = await workbench(['tag', String(items[2]), '--code', 'Context/Policy', '--reviewer', 'Ann Coder', '--db', dbPath]);
    expect(byPath.code).toBe(0);
    const n = queryDb<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM tag WHERE code_id = ? AND deleted_at IS NULL', policy);
    expect(n[0]?.n).toBe(2);
  });

  it('refuses bad input with a clear message and a non-zero exit, changing nothing', async () => {
    const before = queryDb<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM tag')[0]?.n;
    const cases: [string[], RegExp][] = [
      [['tag', String(items[0]), '--code', 'Stages/Nowhere', '--reviewer', 'Ann Coder'], /--code: no code "Stages\/Nowhere"/],
      [['tag', String(items[0]), '--code', 'Stages/Mobilising'], /Say who is tagging with --reviewer NAME; the team of review 1 is Ann Coder, Bob Coder/],
      [['tag', String(items[0]), '--code', 'Stages/Mobilising', '--reviewer', 'Zed'], /--reviewer "Zed" is not on the team/],
      [['tag', '999999', '--code', 'Stages/Mobilising', '--reviewer', 'Ann Coder'], /item 999999: no library item/],
      [['tag', 'abc', '--code', 'Stages/Mobilising'], /name one item by its id/],
      [['tag', String(items[0]), '--reviewer', 'Ann Coder'], /--code PATH\|ID/],
      [['tag', String(items[0]), '--code', 'Stages/Mobilising', '--quote', 'we mobilised staff', '--reviewer', 'Ann Coder'], /already has this tag/],
      [['export', 'codebook', '--format', 'docx'], /--format must be csv or json, not "docx"/],
      [['export', 'evidence-map', '--rows', 'nonsense'], /--rows must be a codebook ref/],
    ];
    for (const [args, message] of cases) {
      const r = await workbench([...args, '--db', dbPath]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(queryDb<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM tag')[0]?.n).toBe(before);
  }, 180_000);

  it('exports the extracts, the codebook and the evidence map in each format', async () => {
    const csv = await workbench(['export', 'extracts', '--format', 'csv', '--db', dbPath]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('Item,Code,Quote,Locator,Reviewer,Note');
    expect(lines).toContain('Author1 (2010) Coding record 1 on innovation in social care,Stages / Mobilising,we mobilised staff,p. 3,Ann Coder,');
    for (const format of ['xlsx', 'docx'] as const) {
      const file = path.join(dir, `extracts.${format}`);
      const r = await workbench(['export', 'extracts', '--format', format, '-o', file, '--db', dbPath]);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }
    const book = await workbench(['export', 'codebook', '--format', 'json', '--db', dbPath]);
    const parsed = JSON.parse(book.stdout) as { nodes: { path: string[] }[]; provenance: { reviewSlug: string } };
    expect(parsed.nodes.map((n) => n.path.join('/'))).toContain('Categories/Context/Policy');
    const bookCsv = await workbench(['export', 'codebook', '--format', 'csv', '--db', dbPath]);
    expect(bookCsv.stdout.split('\r\n')[0]).toBe('Id,Path,Label,Kind,Band,Description,Tags');

    const map = await workbench(['export', 'evidence-map', '--format', 'csv', '--db', dbPath]);
    expect(map.code).toBe(0);
    expect(map.stdout.split('\r\n')[0]).toBe('Stages,Context');
    expect(map.stdout).toContain('Mobilising,gap');
    const svg = await workbench(['export', 'evidence-map', '--format', 'svg', '--db', dbPath]);
    expect(svg.stdout.startsWith('<svg')).toBe(true);
    const html = await workbench(['export', 'evidence-map', '--format', 'html', '--db', dbPath]);
    expect(html.stdout).toContain('<table>');
    const json = await workbench(['export', 'evidence-map', '--format', 'json', '--rows', 'root:stages', '--db', dbPath]);
    expect((JSON.parse(json.stdout) as { cells: unknown[] }).cells).toHaveLength(6);
    const matrix = path.join(dir, 'matrix.docx');
    expect((await workbench(['export', 'matrix', '--format', 'docx', '-o', matrix, '--db', dbPath])).code).toBe(0);
    expect(fs.statSync(matrix).size).toBeGreaterThan(1000);
  }, 180_000);
});
