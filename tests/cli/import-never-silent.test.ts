// A non-empty file never imports as "0 records, 0 failed": a file that yields nothing fails with what it looks like,
// a file that announces more records than come out says so and the command fails, and a name the content
// contradicts is reported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { queryDb, workbench } from '../support/cli.ts';

const BIB = '@article{greenhalgh2004,\n  title = {Diffusion of Innovations in Service Organizations},\n  author = {Greenhalgh, Trisha},\n  year = {2004}\n}\n';
// The second record has lost its PT line (a hand-edited or truncated export): the splitter starts records at PT,
// so it does not come out, while its ER line still announces it.
const WOS = 'FN Clarivate Analytics Web of Science\nVR 1.0\n' +
  'PT J\nAU Smith, J\nTI Boundary spanning in integrated care\nPY 2019\nER\n\n' +
  'AU Jones, K\nTI A record without its PT line\nPY 2020\nER\n\n' +
  'PT J\nAU Brown, L\nTI Scaling up social innovation\nPY 2021\nER\n\nEF\n';

describe('workbench import: never silent', () => {
  it('fails a file that yields no record, saying what the file looks like, and keeps nothing of it', async () => {
    const db = tempDbPath();
    const dir = path.dirname(db);
    const write = (name: string, content: string | Buffer): string => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, content);
      return f;
    };
    const png = write('figure.ris', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const image = await workbench(['import', png, '--db', db]);
    expect(image.code).not.toBe(0);
    expect(image.stderr).toMatch(/figure\.ris is not a bibliography we can read \(it looks like an image \(PNG\)\)\. Name the format with --format if it is one\./);

    const bib = write('refs.txt', BIB);
    const forced = await workbench(['import', bib, '--format', 'ris', '--db', db]);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr).toMatch(/No RIS record found in refs\.txt: the file looks like BibTeX\. Name the format with --format if it is one\./);

    const headerOnly = write('screening.csv', 'Title,Authors,Year\n');
    const empty = await workbench(['import', headerOnly, '--db', db]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/No CSV record could be read from screening\.csv/);
    expect(empty.stderr).not.toMatch(/0 records, 0 imported, 0 failed/);

    expect(queryDb(db, 'SELECT count(*) AS n FROM import_batch')).toEqual([{ n: 0 }]);
  }, 120_000);

  it('reports records the file announces but that did not come out, and fails the command', async () => {
    const db = tempDbPath();
    const f = path.join(path.dirname(db), 'savedrecs.txt');
    fs.writeFileSync(f, WOS);
    const r = await workbench(['import', f, '--json', '--db', db]);
    expect(r.code).not.toBe(0);
    const [report] = JSON.parse(r.stdout) as { records: number; lost: number; notes: string[] }[];
    expect(report?.lost).toBe(1);
    expect(report?.records).toBe(2);
    expect(report?.notes).toEqual([expect.stringMatching(/^savedrecs\.txt announces 3 records \(3 PT\/ER lines\) but 2 came out: 1 may be merged into a neighbour or lost/)]);
    expect(r.stderr).toMatch(/savedrecs\.txt: 1 record the file announces did not come out/);
    // the note stays with the batch after the report is gone
    expect(JSON.parse((queryDb(db, 'SELECT notes_json FROM import_batch')[0] as { notes_json: string }).notes_json)).toEqual(report?.notes);
  }, 120_000);

  it('says when the content overrules the file name', async () => {
    const db = tempDbPath();
    const f = path.join(path.dirname(db), 'savedrecs.ris');
    fs.writeFileSync(f, BIB);
    const r = await workbench(['import', f, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/savedrecs\.ris: bibtex, 1 records, 1 imported, 0 failed/);
    expect(r.stderr).toMatch(/note: savedrecs\.ris is named like RIS but its content is BibTeX: it was read as BibTeX\./);
  }, 120_000);
});
