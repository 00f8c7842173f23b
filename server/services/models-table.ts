// Models from a table the researcher already has: XLSX read with exceljs into the rows the pure parser makes from
// text (shared/models-table/), the plan against the review as it is now, and the import in one transaction.
import ExcelJS from 'exceljs';
import type { Repositories } from '../db/repositories.ts';
import { HttpProblem } from '../http/problem.ts';
import { citationService } from './citations.ts';
import { parseTable, type TextTableFormat } from '../../shared/models-table/parse.ts';
import { bandKey, planModelsImport, problemPointer } from '../../shared/models-table/plan.ts';
import type {
  ColumnMapping, ModelsImportPreview, ModelsImportResult, ParsedTable, TableRow,
} from '../../shared/models-table/schemas.ts';
import type { Band, Framework } from '../../shared/schemas.ts';

export type TableSource = { kind: 'text'; text: string; format: TextTableFormat | 'auto' } | { kind: 'xlsx'; bytes: Uint8Array };

export interface ImportOptions {
  headerRow?: boolean;
  columns?: ColumnMapping[];
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // a hyperlink's text may itself be rich text
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result as ExcelJS.CellValue);
  return '';
}

/** The first worksheet's cells as text, rich text and line breaks kept; a merged range's text is in its first cell. */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new HttpProblem(422, 'Unprocessable Content', `The file is not an XLSX workbook: ${(error as Error).message}`, {
      errors: [{ pointer: '/body/xlsxBase64', message: 'is not an XLSX workbook' }],
    });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells.push(merged ? '' : valueText(cell.value).replace(/\r\n?/g, '\n'));
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}

export async function readTableSource(source: TableSource): Promise<ParsedTable> {
  if (source.kind === 'xlsx') return { format: 'xlsx', rows: await readXlsxRows(source.bytes) };
  return parseTable(source.text, source.format);
}

export function createModelsTableService(repos: Repositories) {
  const citations = citationService(repos).citations;

  /** The plan against the review's bands, models and citations as they are now. */
  const planOf = (reviewId: number, table: ParsedTable, options: ImportOptions): ModelsImportPreview => {
    const plan = planModelsImport(table.rows, {
      bands: repos.bands.list(reviewId).map((b) => ({ id: b.id, label: b.label })),
      existingModels: repos.frameworks.list(reviewId).filter((f) => f.role === 'source').map((f) => f.name),
      citations: citations.list(reviewId).map((c) => ({ id: c.id, citekey: c.citekey, csl: c.csl })),
      headerRow: options.headerRow,
      columns: options.columns,
    });
    return { format: table.format, ...plan };
  };

  return {
    async preview(reviewId: number, source: TableSource, options: ImportOptions): Promise<ModelsImportPreview> {
      repos.reviews.require(reviewId);
      return planOf(reviewId, await readTableSource(source), options);
    },

    /**
     * Creates the new bands (in column order, after the review's), the models with their citations as printed,
     * their phases band by band in band order, and the links to matched citations; any error in the plan creates
     * nothing. The workbook is read first: the transaction itself never waits.
     */
    async import(reviewId: number, source: TableSource, options: ImportOptions, actor: string): Promise<ModelsImportResult> {
      repos.reviews.require(reviewId);
      const table = await readTableSource(source);
      return repos.db.transaction((): ModelsImportResult => {
        const plan = planOf(reviewId, table, options);
        const errors = plan.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          throw new HttpProblem(
            422,
            'Unprocessable Content',
            `The table cannot be imported: ${errors.length === 1 ? 'one problem' : `${errors.length} problems`} (${errors[0]?.message ?? ''}${errors.length > 1 ? '; …' : ''}). Nothing was created.`,
            { errors: errors.map((p) => ({ pointer: problemPointer(p), message: p.message })) },
          );
        }
        const bands: Band[] = plan.newBands.map((label) => repos.bands.create({ reviewId, label }, actor));
        const bandId = new Map<string, number>();
        for (const b of repos.bands.list(reviewId)) if (!bandId.has(bandKey(b.label))) bandId.set(bandKey(b.label), b.id);
        const frameworks: Framework[] = [];
        let phases = 0;
        for (const model of plan.models) {
          const framework = repos.frameworks.create({ reviewId, role: 'source', name: model.name, citation: model.citation }, actor);
          frameworks.push(framework);
          // the plan lists phases band by band in band order already
          for (const phase of model.phases) {
            const column = plan.columns[phase.column];
            const id = column?.bandId ?? bandId.get(bandKey(phase.bandLabel)) ?? null;
            repos.phases.create({ frameworkId: framework.id, bandId: id, label: phase.label }, actor);
            phases++;
          }
          if (model.citationMatch) citations.link(model.citationMatch.citationId, 'framework', framework.id, '', '', actor);
        }
        return { plan, frameworks, bands, phases };
      })();
    },
  };
}
