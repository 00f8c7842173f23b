// workbench items: the library's current items (merged records, not their merged-away duplicates) as CSL-JSON,
// CSV, RIS or BibTeX.
import { plainOf } from '../../shared/literature/rich-text.ts';
import fs from 'node:fs';
import type { CslItem } from '../../shared/csl.ts';
import { csvCell } from '../../shared/export/csv.ts';
import { nameText, yearOf } from '../../shared/literature/dedupe-keys.ts';
import { writeBibtexEntry } from '../../shared/literature/write/bibtex.ts';
import { writeRisRecord } from '../../shared/literature/write/ris.ts';
import { createLiteratureRepo } from '../db/literature-repo.ts';
import { choice, parseOptions, resolveReview, withWorkbenchAsync, type Command } from './common.ts';

const FORMATS = ['csl-json', 'csv', 'ris', 'bibtex'] as const;

const CSV_COLUMNS: [string, (i: CslItem) => string][] = [
  ['id', (i) => String(i.id)],
  ['type', (i) => i.type],
  ['title', (i) => plainOf(i.title ?? '')],
  ['authors', (i) => (i.author ?? []).map(nameText).join('; ')],
  ['year', (i) => String(yearOf(i) ?? '')],
  ['container', (i) => plainOf(i['container-title'] ?? '')],
  ['volume', (i) => String(i.volume ?? '')],
  ['issue', (i) => String(i.issue ?? '')],
  ['pages', (i) => i.page ?? ''],
  ['doi', (i) => i.DOI ?? ''],
  ['abstract', (i) => plainOf(i.abstract ?? '')],
  ['keywords', (i) => i.keyword ?? ''],
  ['language', (i) => i.language ?? ''],
];

export const itemsCommand: Command = {
  name: 'items',
  usage: ['workbench items [--review ID] [--format csl-json|csv|ris|bibtex] [-o FILE] [--db PATH]'],
  async run(args, io) {
    const { values } = parseOptions(args, {
      review: { type: 'string' },
      format: { type: 'string', default: 'csl-json' },
      output: { type: 'string', short: 'o' },
    });
    const format = choice('--format', values.format, FORMATS);
    await withWorkbenchAsync(values.db, async (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const repo = createLiteratureRepo(wb.db);
      // written piece by piece: a large library is never one string in memory
      const out: NodeJS.WritableStream = values.output ? fs.createWriteStream(values.output) : io.out;
      const write = (s: string): void => {
        out.write(s);
      };
      let n = 0;
      // BibTeX keys must be unique across the file
      const usedKeys = new Set<string>();
      if (format === 'csl-json') write('[');
      if (format === 'csv') write(`${CSV_COLUMNS.map(([h]) => h).join(',')}\r\n`);
      for (const item of repo.allItems(reviewId)) {
        if (format === 'csl-json') write(`${n ? ',' : ''}\n  ${JSON.stringify(item)}`);
        else if (format === 'csv') write(`${CSV_COLUMNS.map(([, get]) => csvCell(get(item))).join(',')}\r\n`);
        else if (format === 'ris') write(`${writeRisRecord(item)}\n`);
        else write(`${writeBibtexEntry(item, usedKeys)}\n`);
        n++;
      }
      if (format === 'csl-json') write(n ? '\n]\n' : ']\n');
      if (values.output) {
        await new Promise<void>((resolve, reject) => {
          out.on('error', reject);
          out.end(resolve);
        });
      }
    });
    return 0;
  },
};
