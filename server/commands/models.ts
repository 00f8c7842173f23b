// workbench models import FILE: Table-1-shaped models (CSV, TSV, Markdown, HTML, XLSX) into a review, all or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { HttpProblem } from '../http/problem.ts';
import { decodeBytes } from '../services/decode.ts';
import { createModelsTableService, type TableSource } from '../services/models-table.ts';
import type { ModelsImportPreview } from '../../shared/models-table/schemas.ts';
import { CliError, choice, parseOptions, resolveReview, withWorkbenchAsync, type Command, type Io } from './common.ts';

const FORMATS = ['auto', 'csv', 'tsv', 'md', 'html', 'xlsx'] as const;
const BY_EXTENSION: Record<string, (typeof FORMATS)[number]> = {
  '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx',
};

function sourceOf(file: string, format: (typeof FORMATS)[number]): TableSource {
  const bytes = fs.readFileSync(file);
  if (format === 'xlsx') return { kind: 'xlsx', bytes };
  return { kind: 'text', text: decodeBytes(bytes).text, format: format === 'md' ? 'markdown' : format };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function reportProblems(plan: ModelsImportPreview, io: Io): void {
  for (const p of plan.problems) io.err.write(`${p.severity}: ${p.message}\n`);
}

export const modelsCommand: Command = {
  name: 'models',
  usage: ['workbench models import FILE [--review ID|SLUG] [--format auto|csv|tsv|md|html|xlsx] [--dry-run] [--json] [--db PATH]'],
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'import') throw new CliError(`workbench models: unknown subcommand "${sub ?? ''}"; expected import.`);
    const { values, positionals } = parseOptions(rest, {
      review: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliError('workbench models import: name exactly one file.');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`${file}: no such file.`);
    const format = values.format !== undefined
      ? choice('--format', values.format, FORMATS)
      : (BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'auto');

    return withWorkbenchAsync(values.db, async (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const service = createModelsTableService(wb.repos);
      const source = sourceOf(file, format);
      const actor = process.env.USER ?? 'local';
      const plan = await service.preview(reviewId, source, {});
      reportProblems(plan, io);
      const errors = plan.problems.filter((p) => p.severity === 'error').length;
      const phases = plan.models.reduce((n, m) => n + m.phases.length, 0);
      const summary = `${plural(plan.models.length, 'model')}, ${plural(phases, 'phase')}, ${plural(plan.newBands.length, 'new band')}`;
      if (errors > 0) {
        if (values.json) io.out.write(`${JSON.stringify({ plan }, null, 2)}\n`);
        throw new CliError(`${path.basename(file)}: ${plural(errors, 'problem')} to fix; nothing was imported.`);
      }
      if (values['dry-run']) {
        io.out.write(values.json ? `${JSON.stringify({ plan }, null, 2)}\n` : `Would create ${summary} (dry run: nothing was imported).\n`);
        return 0;
      }
      try {
        const result = await service.import(reviewId, source, {}, actor);
        const created = `${plural(result.frameworks.length, 'model')}, ${plural(result.phases, 'phase')}, ${plural(result.bands.length, 'new band')}`;
        io.out.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `Created ${created}.\n`);
      } catch (error) {
        // the review changed between the preview and the import (another process added a model)
        if (error instanceof HttpProblem && error.errors) {
          for (const e of error.errors) io.err.write(`error: ${e.message}\n`);
        }
        throw error;
      }
      return 0;
    });
  },
};
