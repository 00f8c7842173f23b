// export crosswalk|stages|coverage|wheel: one CLI target per shared export target, all rendered by the service the
// HTTP API uses.
import {
  CITATION_STYLES, exportTargetDefs, LAYOUTS, type ExportFormat, type ExportTargetDef,
} from '../../shared/export/documents.ts';
import { ExportFormatError, renderExport } from '../services/export-document.ts';
import { choice, CliError } from './common.ts';
import type { ExportTarget } from './export.ts';

function usage(def: ExportTargetDef): string {
  const layout = def.layouts ? ' [--layout bands|stages]' : def.what === 'pairwise' ? ' [--from MODEL-ID --to MODEL-ID]' : '';
  const tables = def.table ? ' [--style apa|harvard|vancouver] [--caption TEXT] [--bom]' : ' [--caption TEXT]';
  return `workbench export ${def.what} [--review ID|SLUG]${layout} [--format ${def.formats.join('|')}]${tables} [-o FILE] [--db PATH]`;
}

function pairOption(from: unknown, to: unknown): { a: number; b: number } | undefined {
  if (from === undefined && to === undefined) return undefined;
  const id = (flag: string, v: unknown): number => {
    if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new CliError(`${flag} must be a model id (a whole number), not "${String(v ?? '')}"`);
    return Number(v);
  };
  return { a: id('--from', from), b: id('--to', to) };
}

export function documentExport(def: ExportTargetDef): ExportTarget {
  return {
    name: def.what,
    usage: usage(def),
    options: {
      layout: { type: 'string', default: 'bands' },
      format: { type: 'string', default: def.formats[0] },
      style: { type: 'string', default: 'apa' },
      caption: { type: 'string' },
      bom: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    async render(wb, reviewId, values) {
      const format = choice<ExportFormat>('--format', String(values.format), def.formats);
      const layout = choice('--layout', String(values.layout), LAYOUTS);
      const style = choice('--style', String(values.style), CITATION_STYLES);
      const caption = typeof values.caption === 'string' ? values.caption : undefined;
      const pair = pairOption(values.from, values.to);
      try {
        const file = await renderExport(wb.repos, reviewId, { what: def.what, format, layout, style, caption, bom: values.bom === true, pair });
        return file.body;
      } catch (error) {
        if (error instanceof ExportFormatError) throw new CliError(error.message);
        throw error;
      }
    },
  };
}

export const documentExports: ExportTarget[] = exportTargetDefs.map(documentExport);
