// The binary formats (XLSX, DOCX). Kept apart from render.ts so that the browser bundle, which only previews text
// formats and downloads binaries from the API, never pulls in exceljs or docx.
import { renderDocx } from './docx.ts';
import type { ExportData, ExportFormat, ExportTargetDef } from './documents.ts';
import { ExportFormatError, targetTable, type RenderContext } from './render.ts';
import { renderXlsx } from './xlsx.ts';

export async function renderBinary(def: ExportTargetDef, format: ExportFormat, data: ExportData, ctx: RenderContext): Promise<Uint8Array> {
  if (!def.formats.includes(format)) {
    throw new ExportFormatError(`${def.what} cannot be exported as ${format}; choose ${def.formats.join(', ')}`);
  }
  const table = targetTable(def, data);
  if (format === 'xlsx') return renderXlsx(table, { provenance: ctx.provenance, references: ctx.references });
  if (format === 'docx') {
    // "Table 1 Modellings of …" as the paper captions it, unless the user wrote a caption of their own
    const numbered = def.tableNumber !== undefined && !data.caption && !(def.layouts && data.layout !== 'bands');
    const tableLabel = numbered ? `Table ${def.tableNumber}` : undefined;
    return renderDocx(table, { provenance: ctx.provenance, tableLabel, references: ctx.references });
  }
  throw new ExportFormatError(`${format} is not a binary format`);
}
