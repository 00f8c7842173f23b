// Which codebook rows the type-to-filter box leaves, and which codes the number keys 1–9 name.
import type { CodebookNode } from '../../../../shared/coding/schemas.ts';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface VisibleCodes {
  /** the rows to draw, in tree order: the matching nodes and, for context, their ancestors */
  rows: CodebookNode[];
  /** the taggable rows among them, in order: key n tags the n-th */
  taggable: CodebookNode[];
}

/** Every word of the filter must be in the node's label or description (or an ancestor's label: "hartley plan"). */
export function visibleCodes(nodes: readonly CodebookNode[], filter: string): VisibleCodes {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const byRef = new Map(nodes.map((n) => [n.ref, n]));
  const keep = new Set<string>();
  for (const node of nodes) {
    if (!node.taggable) continue;
    const text = fold(`${node.path.join(' ')} ${node.description}`);
    if (!words.every((w) => text.includes(w))) continue;
    keep.add(node.ref);
    for (let p = node.parentRef; p !== null; p = byRef.get(p)?.parentRef ?? null) keep.add(p);
  }
  const rows = nodes.filter((n) => keep.has(n.ref));
  return { rows, taggable: rows.filter((n) => n.taggable) };
}

/** "Stages / Mobilising" without the root's name where it adds nothing: "Mobilising", "Hartley 2006 / Invention". */
export const codeName = (node: CodebookNode | undefined): string => (node ? node.path.slice(1).join(' / ') || node.label : 'unknown code');
