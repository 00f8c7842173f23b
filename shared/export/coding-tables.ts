// The coding exports as tables for the shared renderers (CSV, XLSX, DOCX, HTML): coded extracts, the codebook, the
// evidence map and the framework matrix. Pure; no zod (the export dialog may import it into the browser).
import type { TextTable } from '../crosswalk/tables.ts';
import type { ItemLabel } from '../coding/facts.ts';
import { cellText } from '../coding/matrix.ts';
import type { CodebookNode, EvidenceMap, Matrix, Tag } from '../coding/schemas.ts';

// code-point order, not the locale's: the same data exports the same bytes on every machine
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const EXTRACTS_HEADER = ['Item', 'Code', 'Quote', 'Locator', 'Reviewer', 'Note'];

/** Every live tag, item by item (in reference order), then by codebook order, then oldest first. */
export function extractsTable(nodes: readonly CodebookNode[], items: readonly ItemLabel[], tags: readonly Tag[], caption = 'Coded extracts'): TextTable {
  const order = new Map(nodes.map((n, i) => [n.ref, i]));
  const path = new Map(nodes.map((n) => [n.ref, n.path.join(' / ')]));
  const ref = new Map(items.map((i) => [i.id, i.reference]));
  const sorted = [...tags].sort((a, b) =>
    compareText(ref.get(a.itemId) ?? '', ref.get(b.itemId) ?? '') || a.itemId - b.itemId
    || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0) || a.id - b.id);
  return {
    caption,
    header: EXTRACTS_HEADER,
    rows: sorted.map((t) => [ref.get(t.itemId) ?? `item ${t.itemId}`, path.get(t.code) ?? t.code, t.quote, t.locator, t.reviewerName, t.note]),
  };
}

export const CODEBOOK_HEADER = ['Id', 'Path', 'Label', 'Kind', 'Band', 'Description', 'Tags'];

export function codebookTable(nodes: readonly CodebookNode[], caption = 'Codebook'): TextTable {
  return {
    caption,
    header: CODEBOOK_HEADER,
    rows: nodes.map((n) => [n.ref, n.path.join(' / '), n.label, n.kind, n.band ?? '', n.description, n.taggable ? String(n.tags) : '']),
  };
}

/** The map as a table: a count per cell, "gap" where no item has both. */
export function evidenceMapTable(map: EvidenceMap, corner: string, caption = 'Evidence map'): TextTable {
  const byKey = new Map(map.cells.map((c) => [`${c.row}|${c.column}`, c]));
  return {
    caption,
    header: [corner, ...map.columns.map((c) => c.label)],
    rows: map.rows.map((r) => [r.label, ...map.columns.map((c) => {
      const n = byKey.get(`${r.key}|${c.key}`)?.items ?? 0;
      return n === 0 ? 'gap' : String(n);
    })]),
  };
}

/** The framework matrix with every cell's quotes and locators; rows and columns as the matrix orders them. */
export function matrixTable(matrix: Matrix, caption = 'Framework matrix'): TextTable {
  const byKey = new Map(matrix.cells.map((c) => [`${c.row}|${c.column}`, c]));
  return {
    caption,
    header: [matrix.orientation === 'items-codes' ? 'Item' : 'Code', ...matrix.columns.map((c) => c.label)],
    rows: matrix.rows.map((r) => [r.label, ...matrix.columns.map((c) => cellText(byKey.get(`${r.key}|${c.key}`)?.quotes ?? []))]),
  };
}
