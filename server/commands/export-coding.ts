// workbench export extracts|codebook|evidence-map|matrix: the coding exports, rendered by the same service as the
// API's downloads (server/services/coding-export.ts).
import { codingExport, CodingExportError } from '../services/coding-export.ts';
import { HttpProblem } from '../http/problem.ts';
import { CODING_EXPORTS, type CodingExport, type CodingExportQuery } from '../../shared/coding/schemas.ts';
import { choice, CliError } from './common.ts';
import type { ExportTarget } from './export.ts';

const USAGE: Record<CodingExport, string> = {
  extracts: 'workbench export extracts [--review ID|SLUG] --format csv|xlsx|docx [-o FILE] [--db PATH]   (item reference, code path, quote, locator, reviewer)',
  codebook: 'workbench export codebook [--review ID|SLUG] --format csv|json [-o FILE] [--db PATH]',
  'evidence-map': 'workbench export evidence-map [--review ID|SLUG] --format csv|svg|html|json [--rows REF] [--columns REF] [-o FILE] [--db PATH]',
  matrix: 'workbench export matrix [--review ID|SLUG] --format xlsx|docx|csv [--orientation items-codes|codes-items] [--branch REF] [--band early|middle|latter] [-o FILE] [--db PATH]',
};

const target = (what: CodingExport): ExportTarget => ({
  name: what,
  usage: USAGE[what],
  options: {
    format: { type: 'string', default: CODING_EXPORTS[what][0] },
    ...(what === 'evidence-map' ? { rows: { type: 'string' }, columns: { type: 'string' } } : {}),
    ...(what === 'matrix' ? { orientation: { type: 'string' }, branch: { type: 'string' }, band: { type: 'string' } } : {}),
  },
  async render(wb, reviewId, values) {
    const format = choice('--format', String(values.format), CODING_EXPORTS[what]);
    const ref = (flag: string, v: unknown): string | undefined => {
      if (v === undefined) return undefined;
      const s = String(v);
      if (!/^((stage|phase|code|model):[1-9]\d*|root:(stages|models|categories))$/.test(s)) {
        throw new CliError(`--${flag} must be a codebook ref such as root:stages, stage:3 or code:7, not "${s}"`);
      }
      return s;
    };
    const query: CodingExportQuery = {
      format,
      rows: ref('rows', values.rows), columns: ref('columns', values.columns), branch: ref('branch', values.branch),
      orientation: values.orientation === undefined ? undefined : choice('--orientation', String(values.orientation), ['items-codes', 'codes-items'] as const),
      band: values.band === undefined ? undefined : choice('--band', String(values.band), ['early', 'middle', 'latter'] as const),
    };
    try {
      return (await codingExport(wb.repos, reviewId, what, query)).body;
    } catch (error) {
      if (error instanceof CodingExportError || error instanceof HttpProblem) throw new CliError(`workbench export ${what}: ${error.message}`);
      throw error;
    }
  },
});

export const codingExports: ExportTarget[] = (Object.keys(CODING_EXPORTS) as CodingExport[]).map(target);
