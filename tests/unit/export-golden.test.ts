// Table 1 and Table 2 of the seed paper in every text format, against golden files checked by hand against the
// paper (fixtures/expected/). Rendered from a freshly seeded database with a fixed generated-at time, and without
// the reference list, whose entries follow the seed references as they are completed (tests/api/export-files).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_AT_LINE } from '../../shared/export/provenance.ts';
import { ROOT } from '../../server/paths.ts';
import { renderExport } from '../../server/services/export-document.ts';
import { openWorkbench, type Workbench } from '../../server/workbench.ts';
import { tempDbPath } from '../support/server.ts';

const expected = (name: string): string => fs.readFileSync(path.join(ROOT, 'fixtures/expected', name), 'utf8');
const FIXED = (): string => '2026-01-01T00:00:00.000Z';

describe('golden exports of the seed review', () => {
  let wb: Workbench;
  let reviewId: number;
  beforeAll(() => {
    wb = openWorkbench(tempDbPath());
    if (wb.seedReviewId === undefined) throw new Error('no seed review');
    reviewId = wb.seedReviewId;
  });
  afterAll(() => wb.close());

  const render = async (what: string, format: 'csv' | 'md' | 'tex' | 'html' | 'json' | 'sssom', now = FIXED) =>
    String((await renderExport(wb.repos, reviewId, { what, format, layout: 'bands', style: 'apa', references: false }, now)).body);

  for (const [what, name] of [['crosswalk', 'table1'], ['stages', 'table2']] as const) {
    for (const format of ['csv', 'md', 'tex', 'html', 'json'] as const) {
      it(`${name}.${format}`, async () => {
        expect(await render(what, format)).toBe(expected(`${name}.${format}`));
      });
    }
  }

  it('the seed alignments as SSSOM/TSV', async () => {
    expect(await render('crosswalk', 'sssom')).toBe(expected('alignments.sssom.tsv'));
  });

  it('two exports of the same data differ only in the generated-at line', async () => {
    for (const format of ['tex', 'html', 'json', 'sssom'] as const) {
      const a = await render('crosswalk', format, () => '2026-01-01T00:00:00.000Z');
      const b = await render('crosswalk', format, () => '2027-06-30T12:34:56.000Z');
      expect(a).not.toBe(b);
      const strip = (s: string) => s.replace(GENERATED_AT_LINE, '').replace(/^# publication_date: .*$/m, '');
      expect(strip(a)).toBe(strip(b));
    }
  });

  it('Table 2 has the paper’s four columns and the key question after its label', () => {
    const csv = expected('table2.csv');
    expect(csv.startsWith('Stage,Focus and purpose of this stage,Key questions for innovators,Success measured by…\r\n')).toBe(true);
    expect(csv).toContain('Mobilising,"Prompting; understanding; persuading\nInitial diagnosis of need');
    expect(csv).toContain('Progressiveness: Does it affect significant and permanent change?');
  });
});
