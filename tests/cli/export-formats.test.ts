// `workbench export` for every target as a user runs it: files, stdout, a terminal, and mistakes.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { tempDbPath } from '../support/server.ts';
import { BIN, run, workbench } from '../support/cli.ts';



describe('workbench export', { timeout: 120_000 }, () => {
  let db: string;
  beforeAll(async () => {
    db = tempDbPath();
    expect((await workbench(['reviews', '--db', db])).code).toBe(0);
  });

  it('writes Table 2 as an XLSX file whose rows are the six stages', async () => {
    const out = path.join(path.dirname(db), 'table2.xlsx');
    const res = await workbench(['export', 'stages', '--format', 'xlsx', '-o', out, '--db', db]);
    expect(res.code, res.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, 'Stage', 'Focus and purpose of this stage', 'Key questions for innovators', 'Success measured by…']);
    expect([2, 3, 4, 5, 6, 7].map((r) => ws?.getCell(`A${r}`).value)).toEqual(['Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
    expect(ws?.getCell('C7').value).toBe('Progressiveness: Does it affect significant and permanent change?');
  });

  it('prints text formats and SVG figures to stdout', async () => {
    const tex = await workbench(['export', 'stages', '--format', 'tex', '--db', db]);
    // the table as in the golden file; the reference list below it follows the seed references
    const strip = (t: string) => t.replace(/^% generated-at: .*$/m, '').replace(/\\end\{table\}\n[\s\S]*$/, '\\end{table}\n');
    expect(tex.stdout).toMatch(/^% generated-at: \d{4}-\d\d-\d\dT/m);
    expect(strip(tex.stdout)).toBe(strip(fs.readFileSync(path.join(ROOT, 'fixtures/expected/table2.tex'), 'utf8')));
    expect(tex.stdout).toMatch(/\\noindent\\textbf\{References\}\n.*\n\\item Lefevre, M\., Hampson, M\., \\& Goldsmith, C\. \(2022\)\./);
    const wheel = await workbench(['export', 'wheel', '--db', db]);
    expect(wheel.code).toBe(0);
    expect(XMLValidator.validate(wheel.stdout)).toBe(true);
    const caption = await workbench(['export', 'crosswalk', '--format', 'md', '--caption', 'Table 1 *as printed*', '--db', db]);
    expect(caption.stdout.split('\n')[0]).toBe('**Table 1 *as printed***');
    const bom = await workbench(['export', 'crosswalk', '--bom', '--db', db]);
    expect(bom.stdout.startsWith('\uFEFFModel,Early phases,')).toBe(true);
  });

  it('refuses to write a binary format to a terminal', async () => {
    // `script` gives the command a pseudo-terminal as its stdout
    const res = await run('script', ['-qec', `${process.execPath} ${BIN} export crosswalk --format docx --db ${db}`, '/dev/null'], { cwd: ROOT }).catch((e: { stdout: string }) => e);
    expect(res.stdout).toMatch(/This format is binary: write it to a file with -o FILE\./);
    expect(res.stdout).not.toContain('PK\u0003\u0004');
  });

  it('names the allowed values when an option is wrong', async () => {
    const sssom = await workbench(['export', 'stages', '--format', 'sssom', '--db', db]);
    expect(sssom.code).not.toBe(0);
    expect(sssom.stderr).toMatch(/--format must be csv, xlsx, docx, md, tex, html or json, not "sssom"/);
    const style = await workbench(['export', 'crosswalk', '--format', 'docx', '--style', 'mla', '-o', path.join(path.dirname(db), 'x.docx'), '--db', db]);
    expect(style.stderr).toMatch(/--style must be apa, harvard or vancouver, not "mla"/);
    const from = await workbench(['export', 'pairwise', '--from', 'one', '--to', '2', '--db', db]);
    expect(from.stderr).toMatch(/--from must be a model id \(a whole number\), not "one"/);
    const unknown = await workbench(['export', 'everything', '--db', db]);
    expect(unknown.stderr).toMatch(/unknown export "everything"; expected crosswalk, stages, coverage, pairwise, wheel, .*bundle/);
  });

  it('lists the export targets, restore and backup in --help', async () => {
    const help = await workbench(['--help']);
    for (const line of ['workbench export stages', 'workbench export bundle', 'workbench restore FILE', 'workbench backup -o FILE']) {
      expect(help.stdout).toContain(line);
    }
  });
});
