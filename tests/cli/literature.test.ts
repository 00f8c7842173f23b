// workbench import / items / dedupe as a user runs them: child processes, real files, exit codes, JSON on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { workbench } from '../support/cli.ts';



const RIS = `TY  - JOUR
TI  - Implementation of family group conferencing in children's social care
AU  - Müller, Anna
PY  - 2019
DO  - 10.1016/j.chiabu.2019.01.001
ER  - 

TY  - JOUR
TI  - Diffusion of innovations in public services
AU  - Greenhalgh, Trisha
PY  - 2004
ER  - 
`;

const BIB = `@article{greenhalgh2004,
  title = {Diffusion of Innovations in Public Services},
  author = {Greenhalgh, Trisha and Robert, Glenn},
  year = {2004},
  journal = {Milbank Quarterly}
}

@article{mueller2019,
  title = {Implementation of family group conferencing in children's social care},
  author = {M{\\"u}ller, Anna},
  year = {2019},
  doi = {https://doi.org/10.1016/J.CHIABU.2019.01.001}
}

@article{broken,
  title = {Unclosed
`;

describe('workbench import, items and dedupe', () => {
  it('imports files, reports each as JSON, finds the duplicates and merges the certain ones with --auto', async () => {
    const db = tempDbPath();
    const dir = path.dirname(db);
    fs.writeFileSync(path.join(dir, 'a.ris'), RIS);
    fs.writeFileSync(path.join(dir, 'b.bib'), BIB);
    const imp = await workbench(['import', path.join(dir, 'a.ris'), path.join(dir, 'b.bib'), '--source', 'Scopus', '--json', '--db', db]);
    expect(imp.code).toBe(0);
    const reports = JSON.parse(imp.stdout) as { file: string; format: string; records: number; imported: number; failed: { record: number; reason: string }[] }[];
    expect(reports.map((r) => [r.file, r.format, r.records, r.imported])).toEqual([['a.ris', 'ris', 2, 2], ['b.bib', 'bibtex', 3, 2]]);
    expect(reports[0]?.failed).toEqual([]);
    expect(reports[1]?.failed).toHaveLength(1);
    expect(reports[1]?.failed[0]?.record).toBe(3);
    expect(Object.keys(reports[0] ?? {})).toEqual(['file', 'format', 'records', 'imported', 'failed', 'notes', 'lost']);

    const dd = await workbench(['dedupe', '--json', '--db', db]);
    expect(dd.code).toBe(0);
    const { groups } = JSON.parse(dd.stdout) as { groups: { rule: string; score: number; members: { item: number; file: string; record: number }[] }[] };
    expect(groups).toHaveLength(2);
    const byRule = Object.fromEntries(groups.map((g) => [g.rule, g.members.map((m) => [m.file, m.record])]));
    expect(byRule.doi).toEqual([['a.ris', 1], ['b.bib', 2]]);
    expect(byRule['title-year-author']).toEqual([['a.ris', 2], ['b.bib', 1]]);

    const before = JSON.parse((await workbench(['items', '--db', db])).stdout) as { title: string }[];
    expect(before).toHaveLength(4);
    const auto = await workbench(['dedupe', '--auto', '--db', db]);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/merged 2 certain groups automatically/);
    const after = JSON.parse((await workbench(['items', '--db', db])).stdout) as { title: string; author: { family: string }[] }[];
    expect(after.map((i) => i.title)).toEqual(["Implementation of family group conferencing in children's social care", 'Diffusion of innovations in public services']);
    // the merged record takes fields the kept one lacked from its duplicates (Robert, the second author, stays out: the author list is the kept record's)
    expect(after[1]?.author.map((a) => a.family)).toEqual(['Greenhalgh']);
    const again = JSON.parse((await workbench(['dedupe', '--json', '--db', db])).stdout) as { groups: unknown[] };
    expect(again.groups).toEqual([]);

    const csvFile = path.join(dir, 'items.csv');
    const csv = await workbench(['items', '--format', 'csv', '-o', csvFile, '--db', db]);
    expect(csv.code).toBe(0);
    const lines = fs.readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,type,title,authors,year,container,volume,issue,pages,doi,abstract,keywords,language');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Müller, Anna"');

    const risFile = path.join(dir, 'items.ris');
    expect((await workbench(['items', '--format', 'ris', '-o', risFile, '--db', db])).code).toBe(0);
    const ris = fs.readFileSync(risFile, 'utf8');
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris).toContain('TI  - Diffusion of innovations in public services');
    const bib = await workbench(['items', '--format', 'bibtex', '--db', db]);
    expect(bib.stdout.match(/^@\w+\{/gm)).toHaveLength(2);
    // what the library writes, it reads back
    const back = await workbench(['import', risFile, '--json', '--db', db]);
    expect(JSON.parse(back.stdout)[0]).toMatchObject({ records: 2, imported: 2, failed: [] });
  }, 180_000);

  it('prints progress on stderr without --json, and fails clearly on bad input', async () => {
    const db = tempDbPath();
    const file = path.join(path.dirname(db), 'a.ris');
    fs.writeFileSync(file, RIS);
    const plain = await workbench(['import', file, '--db', db]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/a\.ris: ris, 2 records, 2 imported, 0 failed/);
    const missing = await workbench(['import', path.join(path.dirname(db), 'nope.ris'), '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.ris: no such file/);
    const badFormat = await workbench(['import', file, '--format', 'docx', '--db', db]);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/--format must be auto, ris, bibtex, csl-json, endnote-xml, medline, wos, csv or pubmed-xml, not "docx"/);
    const none = await workbench(['import', '--db', db]);
    expect(none.stderr).toMatch(/name at least one file/);
    const notes = path.join(path.dirname(db), 'notes.txt');
    fs.writeFileSync(notes, 'hello\nworld\n');
    const unknown = await workbench(['import', notes, '--json', '--db', db]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/notes\.txt is not a bibliography we can read \(it looks like plain text starting "hello"\)\. Name the format with --format if it is one\./);
    const itemsBad = await workbench(['items', '--format', 'xml', '--db', db]);
    expect(itemsBad.stderr).toMatch(/--format must be csl-json, csv, ris or bibtex/);
    const items = JSON.parse((await workbench(['items', '--db', db])).stdout) as unknown[];
    expect(items).toHaveLength(2);
  }, 180_000);
});
