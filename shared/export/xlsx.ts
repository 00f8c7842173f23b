// Excel workbook: the table on the first sheet (bold shaded header, wrapped text, set column widths, frozen header,
// cells neutralised against formula injection) and the provenance on a second sheet.
import ExcelJS from 'exceljs';
import type { TextTable } from '../crosswalk/tables.ts';
import { neutraliseFormula } from './csv.ts';
import { GENERATOR, type Provenance } from './provenance.ts';

export interface XlsxOptions {
  provenance: Provenance;
  references?: string[];
}

/** Sheet names: at most 31 characters and none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Table';
}

export function columnWidth(cells: string[]): number {
  const longest = Math.max(...cells.map((c) => Math.max(...c.split('\n').map((l) => l.length))), 8);
  // wrapped text: wide enough for a short phrase, never so wide that a long cell makes one endless line
  return Math.min(60, Math.max(12, Math.ceil(longest * 0.6)));
}

export async function renderXlsx(table: TextTable, options: XlsxOptions): Promise<Uint8Array> {
  const p = options.provenance;
  const wb = new ExcelJS.Workbook();
  wb.creator = `${GENERATOR} ${p.appVersion}`;
  wb.title = table.caption;
  wb.subject = p.reviewTitle;
  wb.description = `review ${p.reviewSlug}; data snapshot sha-256 ${p.snapshotHash}`;
  // the workbook's dates are the export time, so two exports of the same data differ only there
  wb.created = new Date(p.generatedAt);
  wb.modified = new Date(p.generatedAt);

  const ws = wb.addWorksheet(sheetName(table.caption), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.header.map((h, i) => ({ header: neutraliseFormula(h), width: columnWidth([h, ...table.rows.map((r) => r[i] ?? '')]) }));
  for (const row of table.rows) ws.addRow(row.map(neutraliseFormula));
  ws.eachRow((row, n) => {
    row.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (n === 1) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
        cell.border = { bottom: { style: 'thin' } };
      }
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };

  const about = wb.addWorksheet('About');
  about.columns = [{ header: 'Field', width: 22 }, { header: 'Value', width: 80 }];
  about.getRow(1).font = { bold: true };
  const aboutRows: [string, string][] = [
    ['Caption', table.caption],
    ['Review', `${p.reviewTitle} (${p.reviewSlug})`],
    ['Data snapshot sha-256', p.snapshotHash],
    ['Made with', `${GENERATOR} ${p.appVersion}`],
    ['Generated at', p.generatedAt],
    ...(options.references ?? []).map((r, i): [string, string] => [i === 0 ? 'References' : '', r]),
  ];
  for (const [k, v] of aboutRows) about.addRow([k, neutraliseFormula(v)]).alignment = { wrapText: true, vertical: 'top' };

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
