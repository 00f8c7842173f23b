// Property: whatever malformed records sit between good ones, the import's parse side never throws, counts every
// record once, and keeps every good record (the bad ones become failures with their record numbers).
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemRow } from '../../server/db/literature-repo.ts';
import { parseFile, type ParseMessage } from '../../server/services/import/pipeline.ts';

const good = (i: number): string => `TY  - JOUR\nTI  - Good record number ${i} about innovation\nAU  - Smith, Anna\nPY  - 2020\nER  - \n`;

describe('import parse side on malformed input', () => {
  it('never throws and never loses a good record next to a bad one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-prop-'));
    const junk = fc.string({ maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, ' '));
    // a bad record: a TY line, then junk that is not a tag line, or a record with a broken date and no title
    const bad = fc.oneof(
      junk.map((j) => `TY  - JOUR\n${j.replace(/^[A-Z][A-Z0-9] {1,2}-/, 'x')}\nER  - \n`),
      junk.map((j) => `TY  - ${j.slice(0, 4).replace(/\s/g, 'X')}\nPY  - ${j.slice(0, 12)}\nER  - \n`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant(null), bad), { minLength: 1, maxLength: 12 }), async (layout) => {
        let goods = 0;
        const text = layout.map((b) => (b === null ? good(goods++) : b)).join('\n');
        const file = path.join(dir, 'x.ris');
        fs.writeFileSync(file, text);
        const rows: ItemRow[] = [];
        let failed = 0;
        let end: Extract<ParseMessage, { kind: 'end' }> | undefined;
        await parseFile({ batchId: 1, reviewId: 1, file, fileName: 'x.ris', format: 'ris' }, (m) => {
          if (m.kind === 'chunk') {
            rows.push(...m.rows);
            failed += m.failed.length;
          }
          if (m.kind === 'end') end = m;
        }, () => Promise.resolve());
        expect(end?.records).toBe(layout.length);
        expect(rows.length + failed).toBe(layout.length);
        const titles = new Set(rows.map((r) => r[1]));
        for (let i = 0; i < goods; i++) expect(titles.has(`Good record number ${i} about innovation`)).toBe(true);
      }),
      { numRuns: 40 },
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
