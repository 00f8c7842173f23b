// The framework matrix (NVivo's framework-matrix view): items × codes, or codes × items, each cell the quotes of the
// tags that put that code on that item. Filtered by a code branch and by band. Pure.
import { subtreeIndex } from './codebook.ts';
import { quoteOf, type ItemLabel, type TagFact } from './facts.ts';
import type { CodeBand, CodebookNode, Matrix } from './schemas.ts';

export interface MatrixOptions {
  orientation: 'items-codes' | 'codes-items';
  /** only the codes in this node's subtree */
  branch?: string;
  band?: CodeBand;
  reviewerId?: number;
}

/** The taggable codes a matrix or export shows, in codebook order. */
export function selectCodes(nodes: readonly CodebookNode[], branch?: string, band?: CodeBand): CodebookNode[] {
  const inBranch = branch ? subtreeIndex(nodes).get(branch) ?? new Set<string>() : undefined;
  return nodes.filter((n) => n.taggable && (!inBranch || inBranch.has(n.ref)) && (!band || n.band === band));
}

export function computeMatrix(nodes: readonly CodebookNode[], items: readonly ItemLabel[], tags: readonly TagFact[], options: MatrixOptions): Matrix {
  const codes = selectCodes(nodes, options.branch, options.band);
  const wanted = new Set(codes.map((c) => c.ref));
  const cells = new Map<string, Map<string, ReturnType<typeof quoteOf>[]>>();
  for (const t of tags) {
    if (!wanted.has(t.code) || (options.reviewerId !== undefined && t.reviewerId !== options.reviewerId)) continue;
    let byCode = cells.get(String(t.itemId));
    if (!byCode) cells.set(String(t.itemId), (byCode = new Map()));
    const list = byCode.get(t.code);
    if (list) list.push(quoteOf(t));
    else byCode.set(t.code, [quoteOf(t)]);
  }
  const itemAxis = items.map((i) => ({ key: String(i.id), label: i.reference }));
  const codeAxis = codes.map((c) => ({ key: c.ref, label: c.path.slice(1).join(' / ') }));
  const out: Matrix['cells'] = [];
  const itemsCodes = options.orientation === 'items-codes';
  // cells in reading order of the chosen orientation, so a renderer can stream them row by row
  if (itemsCodes) {
    for (const i of itemAxis) {
      const byCode = cells.get(i.key);
      if (!byCode) continue;
      for (const c of codeAxis) {
        const quotes = byCode.get(c.key);
        if (quotes) out.push({ row: i.key, column: c.key, quotes: quotes.sort((a, b) => a.tagId - b.tagId) });
      }
    }
  } else {
    for (const c of codeAxis) {
      for (const i of itemAxis) {
        const quotes = cells.get(i.key)?.get(c.key);
        if (quotes) out.push({ row: c.key, column: i.key, quotes: quotes.sort((a, b) => a.tagId - b.tagId) });
      }
    }
  }
  return {
    orientation: options.orientation,
    rows: itemsCodes ? itemAxis : codeAxis,
    columns: itemsCodes ? codeAxis : itemAxis,
    cells: out,
  };
}

/** A cell's quotes as one text: each quote with its locator, "(no quote)" for a tag without one. */
export function cellText(quotes: readonly { quote: string; locator: string }[]): string {
  return quotes.map((q) => `${q.quote ? `“${q.quote}”` : '(no quote)'}${q.locator ? ` (${q.locator})` : ''}`).join('\n');
}
