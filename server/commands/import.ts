// workbench import FILE…: each file is one batch, parsed in a worker; progress on stderr, a report per file.
import fs from 'node:fs';
import path from 'node:path';
import { libraryOf } from '../routes/literature.ts';
import { importFormatSchema } from '../../shared/literature/library-schemas.ts';
import { CliError, choice, parseOptions, resolveReview, withWorkbenchAsync, type Command } from './common.ts';

export interface FileReport {
  file: string;
  format: string;
  records: number;
  imported: number;
  failed: { record: number; reason: string }[];
  /** the file as a whole: its content overruled its name, or it announced records that did not come out */
  notes: string[];
  /** records announced by the file's own markers beyond those read or failed */
  lost: number;
}

/** failures listed one per line on stderr; the rest are summed up by reason (all are in --json and the API) */
const LISTED_FAILURES = 20;

function failureSummary(rest: { record: number; reason: string }[]): string {
  const byReason = new Map<string, number>();
  // a CSV reason names its line; summed up, the lines would make every reason its own group
  for (const f of rest) {
    const reason = f.reason.replace(/^line \d+: /, '');
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const lines = [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([reason, n]) => `    ${n} × ${reason}\n`);
  const more = byReason.size > 10 ? `    … and ${byReason.size - 10} other reasons\n` : '';
  return `  … and ${rest.length} more failed records (see --json):\n${lines.join('')}${more}`;
}

export const importCommand: Command = {
  name: 'import',
  usage: ['workbench import FILE... [--review ID] [--format auto|ris|bibtex|csl-json|endnote-xml|medline|wos|csv|pubmed-xml] [--source NAME] [--search TEXT] [--json] [--db PATH]'],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      review: { type: 'string' },
      format: { type: 'string', default: 'auto' },
      source: { type: 'string', default: '' },
      search: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
    });
    const format = choice('--format', values.format, importFormatSchema.options);
    if (positionals.length === 0) throw new CliError('workbench import: name at least one file to import.');
    for (const file of positionals) {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`${file}: no such file.`);
    }
    const reports: FileReport[] = [];
    const errors: string[] = [];
    await withWorkbenchAsync(values.db, async (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const { lit, imports } = libraryOf(wb.db);
      for (const file of positionals) {
        const fileName = path.basename(file);
        let lastLine = 0;
        const { batchId, done } = imports.start({
          reviewId, file: path.resolve(file), fileName, format, sourceName: values.source, searchString: values.search,
          actor: process.env.USER ?? 'local',
          onProgress: (p) => {
            if (values.json || Date.now() - lastLine < 500 || p.state !== 'running') return;
            lastLine = Date.now();
            const pct = p.totalBytes ? ` ${Math.round((100 * p.bytesRead) / p.totalBytes)}%` : '';
            io.err.write(`${fileName}:${pct} ${p.records} records, ${p.recordsPerSecond} records/s\n`);
          },
        });
        const result = await done;
        if (result.state === 'failed') {
          const hint = result.needsFormat ? ' Name the format with --format if it is one.' : '';
          errors.push(`${fileName}: ${result.error ?? 'import failed'}${hint}`);
          continue;
        }
        const report: FileReport = {
          file: fileName, format: result.format, records: result.records, imported: result.imported,
          failed: lit.failures(batchId, Number.MAX_SAFE_INTEGER), notes: result.notes, lost: result.lost,
        };
        reports.push(report);
        // records announced but not read are a loss: the command fails, though what was read stays imported
        if (report.lost > 0) errors.push(`${fileName}: ${report.lost} ${report.lost === 1 ? 'record' : 'records'} the file announces did not come out (the ${report.imported} read stay imported as batch ${batchId}; undo that import on the Library screen to keep none).`);
        if (!values.json) {
          io.err.write(`${fileName}: ${report.format}, ${report.records} records, ${report.imported} imported, ${report.failed.length} failed; ${result.duplicateGroups ?? 0} duplicate groups in the library\n`);
          for (const n of report.notes) io.err.write(`  note: ${n}\n`);
          for (const f of report.failed.slice(0, LISTED_FAILURES)) io.err.write(`  record ${f.record}: ${f.reason}\n`);
          if (report.failed.length > LISTED_FAILURES) io.err.write(failureSummary(report.failed.slice(LISTED_FAILURES)));
        }
      }
    });
    if (values.json) io.out.write(`${JSON.stringify(reports, null, 2)}\n`);
    if (errors.length > 0) throw new CliError(errors.join('\n'));
    return 0;
  },
};
