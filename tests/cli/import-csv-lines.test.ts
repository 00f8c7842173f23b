// `workbench import` of a CSV file with a runaway quote names the row by the line it starts on, as a spreadsheet
// or an editor shows it, and still imports the rows after it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbench } from '../support/cli.ts';
import { tempDbPath } from '../support/server.ts';

describe('workbench import of a CSV file with an unbalanced quote', () => {
  it('reports the row by its line and imports the others', async () => {
    const dbPath = tempDbPath();
    const file = path.join(path.dirname(dbPath), 'scopus.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `"Title ${i}","Smith, A",${2000 + i},"one line"`);
    rows[1] = '"Title 1","Jones, B",2001,"an abstract\nover two lines"';
    rows[5] = '"Title 5,"Brown, C",2005,"x"';
    // header on line 1, rows 0–4 on lines 2–7 (row 1 takes two), row 5 on line 8
    fs.writeFileSync(file, `Title,Authors,Year,Abstract\r\n${rows.join('\r\n')}\r\n`);
    const res = await workbench(['import', file, '--db', dbPath]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/scopus\.csv: csv, 12 records, 11 imported, 1 failed/);
    expect(res.stderr).toContain('  record 6: line 8: unbalanced quote: a quoted field opens in this row and never closes (the rows after it were read on their own)\n');
  }, 120_000);
});
