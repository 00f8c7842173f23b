// Renders an export target in a text format. The same function produces the downloaded file and the dialog's
// preview, so the two cannot drift apart.
import type { TextTable } from '../crosswalk/tables.ts';
import { renderCsv } from './csv.ts';
import { FORMAT_INFO, type ExportData, type ExportFormat, type ExportTargetDef } from './documents.ts';
import { renderHtml } from './html.ts';
import { renderLatex } from './latex.ts';
import { renderMarkdown } from './markdown.ts';
import type { Provenance } from './provenance.ts';
import { DEFAULT_LICENSE, renderSssom } from './sssom.ts';

export interface RenderContext {
  provenance: Provenance;
  /** formatted references in the chosen citation style, listed below the table where the format allows */
  references: string[];
  /** prefix the CSV with a byte-order mark, for Excel on Windows */
  bom?: boolean;
}

export class ExportFormatError extends Error {}

export function targetFigure(def: ExportTargetDef, data: ExportData): string {
  if (!def.figure) throw new ExportFormatError(`${def.what} has no figure`);
  return def.figure(data);
}

export function targetTable(def: ExportTargetDef, data: ExportData): TextTable {
  if (!def.table) throw new ExportFormatError(`${def.what} is not a table`);
  return def.table(data);
}

/** A table as JSON: the printed cells plus where they came from. */
export function renderTableJson(table: TextTable, ctx: RenderContext): string {
  return `${JSON.stringify({ format: 'synthesis-workbench/table', formatVersion: 1, provenance: ctx.provenance, ...table, references: ctx.references }, null, 2)}\n`;
}

export function renderText(def: ExportTargetDef, format: ExportFormat, data: ExportData, ctx: RenderContext): string {
  if (!def.formats.includes(format)) {
    throw new ExportFormatError(`${def.what} cannot be exported as ${format}; choose ${def.formats.join(', ')}`);
  }
  if (FORMAT_INFO[format].binary) throw new ExportFormatError(`${format} is a binary format`);
  switch (format) {
    case 'csv':
      return renderCsv(targetTable(def, data), { bom: ctx.bom });
    case 'md':
      return renderMarkdown(targetTable(def, data));
    case 'tex':
      return renderLatex(targetTable(def, data), { provenance: ctx.provenance, references: ctx.references });
    case 'html':
      return renderHtml(targetTable(def, data), { provenance: ctx.provenance, references: ctx.references });
    case 'json':
      return renderTableJson(targetTable(def, data), ctx);
    case 'svg':
      return targetFigure(def, data);
    case 'sssom': {
      if (!def.mappings) throw new ExportFormatError(`${def.what} has no mappings`);
      const review = data.snapshot.review;
      return renderSssom({
        reviewSlug: review.slug,
        title: `${review.title}: ${def.what === 'crosswalk' ? 'alignments to the target framework' : def.label.toLowerCase()}`,
        creators: review.citation ? [review.citation] : [],
        license: DEFAULT_LICENSE,
        provenance: ctx.provenance,
        mappings: def.mappings(data),
      });
    }
    default:
      throw new ExportFormatError(`${format} is not a text format`);
  }
}
