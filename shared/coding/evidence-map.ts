// The evidence-and-gap map: rows = the children of one branch (default the target stages), columns = the children
// of another (default the review's top-level own codes, its categories); each cell counts the distinct items tagged
// with both (a tag on a node's descendant counts for the node). A cell with no item is a gap, said as such. Pure.
import { childrenOf, ROOTS, subtreeIndex } from './codebook.ts';
import { quoteOf, type ItemLabel, type TagFact } from './facts.ts';
import type { CodebookNode, EvidenceCell, EvidenceMap } from './schemas.ts';

export interface EvidenceMapOptions {
  rows?: string;
  columns?: string;
  reviewerId?: number;
}

/** A branch's axis: its children, or the node itself when it has none (a single code as a one-row map). */
function axis(nodes: readonly CodebookNode[], ref: string): CodebookNode[] {
  const kids = childrenOf(nodes, ref);
  if (kids.length > 0) return kids;
  const self = nodes.find((n) => n.ref === ref);
  return self && self.kind !== 'root' ? [self] : [];
}

/** For each axis entry, the items with a tag somewhere in its subtree. */
function itemsPerEntry(entries: readonly CodebookNode[], index: Map<string, Set<string>>, itemsByCode: Map<string, Set<number>>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const e of entries) {
    const items = new Set<number>();
    for (const ref of index.get(e.ref) ?? []) for (const id of itemsByCode.get(ref) ?? []) items.add(id);
    out.set(e.ref, items);
  }
  return out;
}

const label = (n: CodebookNode): string => (n.kind === 'phase' ? n.path.slice(1).join(' / ') : n.label);

export function computeEvidenceMap(nodes: readonly CodebookNode[], tags: readonly TagFact[], options: EvidenceMapOptions = {}): EvidenceMap {
  const rowBranch = options.rows ?? ROOTS.stages.ref;
  const columnBranch = options.columns ?? ROOTS.categories.ref;
  const index = subtreeIndex(nodes);
  const itemsByCode = new Map<string, Set<number>>();
  for (const t of tags) {
    if (options.reviewerId !== undefined && t.reviewerId !== options.reviewerId) continue;
    let set = itemsByCode.get(t.code);
    if (!set) itemsByCode.set(t.code, (set = new Set()));
    set.add(t.itemId);
  }
  const rows = axis(nodes, rowBranch);
  const columns = axis(nodes, columnBranch);
  const rowItems = itemsPerEntry(rows, index, itemsByCode);
  const columnItems = itemsPerEntry(columns, index, itemsByCode);
  const cells: EvidenceMap['cells'] = [];
  let maxItems = 0;
  for (const r of rows) {
    const ri = rowItems.get(r.ref) ?? new Set<number>();
    for (const c of columns) {
      const ci = columnItems.get(c.ref) ?? new Set<number>();
      const [small, large] = ri.size <= ci.size ? [ri, ci] : [ci, ri];
      const itemIds = [...small].filter((id) => large.has(id)).sort((a, b) => a - b);
      maxItems = Math.max(maxItems, itemIds.length);
      cells.push({ row: r.ref, column: c.ref, items: itemIds.length, itemIds, gap: itemIds.length === 0 });
    }
  }
  return {
    rowBranch, columnBranch,
    rows: rows.map((n) => ({ key: n.ref, label: label(n) })),
    columns: columns.map((n) => ({ key: n.ref, label: label(n) })),
    cells, maxItems,
  };
}

/** What a click on a map cell lists: each item in it with its quotes on the row's and the column's codes. */
export function evidenceCell(nodes: readonly CodebookNode[], items: readonly ItemLabel[], tags: readonly TagFact[], row: string, column: string): EvidenceCell {
  const index = subtreeIndex(nodes);
  const rowRefs = index.get(row) ?? new Set<string>();
  const columnRefs = index.get(column) ?? new Set<string>();
  const perItem = new Map<number, { row: TagFact[]; column: TagFact[] }>();
  for (const t of tags) {
    const inRow = rowRefs.has(t.code);
    const inColumn = columnRefs.has(t.code);
    if (!inRow && !inColumn) continue;
    let e = perItem.get(t.itemId);
    if (!e) perItem.set(t.itemId, (e = { row: [], column: [] }));
    if (inRow) e.row.push(t);
    if (inColumn) e.column.push(t);
  }
  const labelOf = new Map(items.map((i) => [i.id, i]));
  const out: EvidenceCell['items'] = [];
  for (const [itemId, e] of [...perItem].sort((a, b) => a[0] - b[0])) {
    if (e.row.length === 0 || e.column.length === 0) continue;
    const quotes = [...new Map([...e.row, ...e.column].map((t) => [t.id, t])).values()].sort((a, b) => a.id - b.id).map(quoteOf);
    const item = labelOf.get(itemId);
    out.push({ itemId, reference: item?.reference ?? `item ${itemId}`, title: item?.title ?? '', quotes });
  }
  return { row, column, items: out };
}
