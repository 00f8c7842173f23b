// Word document: a journal-style table (rules above and below the header and at the foot, no vertical lines) under
// its caption ("Table 1 Modellings of …"), the references in the chosen style below it, provenance in the footer.
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType, type ITableCellBorders,
} from 'docx';
import type { TextTable } from '../crosswalk/tables.ts';
import { GENERATOR, type Provenance } from './provenance.ts';

export interface DocxOptions {
  provenance: Provenance;
  /** "Table 1": put before the caption when the caption is the review's own */
  tableLabel?: string;
  references?: string[];
  referencesHeading?: string;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;

function cellParagraphs(text: string, bold: boolean): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] }));
}

function row(cells: string[], kind: 'header' | 'body' | 'last'): TableRow {
  const borders: ITableCellBorders = {
    top: kind === 'header' ? RULE : NONE,
    bottom: kind === 'body' ? NONE : RULE,
    left: NONE,
    right: NONE,
  };
  return new TableRow({
    tableHeader: kind === 'header',
    cantSplit: true,
    children: cells.map((text) => new TableCell({ borders, children: cellParagraphs(text, kind === 'header') })),
  });
}

export function docxCaption(table: TextTable, label?: string): string {
  return label ? `${label} ${table.caption}` : table.caption;
}

export async function renderDocx(table: TextTable, options: DocxOptions): Promise<Uint8Array> {
  const p = options.provenance;
  const caption = docxCaption(table, options.tableLabel);
  const [labelPart, ...rest] = options.tableLabel ? [options.tableLabel, table.caption] : ['', table.caption];
  const rows = [
    row(table.header, 'header'),
    ...table.rows.map((r, i) => row(r, i === table.rows.length - 1 ? 'last' : 'body')),
  ];
  const references = options.references ?? [];
  const doc = new Document({
    creator: `${GENERATOR} ${p.appVersion}`,
    title: caption,
    subject: p.reviewTitle,
    description: `review ${p.reviewSlug}; data snapshot sha-256 ${p.snapshotHash}; generated-at ${p.generatedAt}`,
    sections: [
      {
        properties: { page: { size: { orientation: table.header.length > 4 ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun({ text: `${GENERATOR} ${p.appVersion} · ${p.reviewSlug} · data snapshot sha-256 ${p.snapshotHash}`, size: 14, color: '666666' })] })],
          }),
        },
        children: [
          new Paragraph({
            spacing: { after: 120 },
            children: [
              ...(labelPart ? [new TextRun({ text: `${labelPart} `, bold: true })] : []),
              new TextRun({ text: rest.join(' ') }),
            ],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            // no table-level lines at all: the rules are drawn per row (header top and bottom, last row bottom)
            borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
            rows,
          }),
          ...(references.length > 0
            ? [
                new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: options.referencesHeading ?? 'References', bold: true })] }),
                ...references.map((r) => new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 360, hanging: 360 }, children: [new TextRun({ text: r, size: 20 })] })),
              ]
            : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
