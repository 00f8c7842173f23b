// The codebook as read: one tree with three roots — the target framework's stages, every model's phases under its
// model, and the review's own codes — and the ways to name a node (ref, path of labels). Pure.
import type { CodeBand, CodebookNode } from './schemas.ts';

export const ROOTS = {
  stages: { ref: 'root:stages', label: 'Stages' },
  models: { ref: 'root:models', label: 'Models' },
  categories: { ref: 'root:categories', label: 'Categories' },
} as const;

export interface CodebookSource {
  /** the review's bands in order, to read a stage's or phase's band */
  bands: { id: number; label: string; position: number }[];
  stages: { id: number; name: string; focus: string; bandId: number | null; position: number }[];
  models: { id: number; name: string; position: number }[];
  phases: { id: number; frameworkId: number; label: string; description: string; bandId: number | null; position: number }[];
  codes: { id: number; parentId: number | null; label: string; description: string; band: CodeBand | null; position: number; version: number }[];
  /** live tags per taggable ref */
  tagCounts: ReadonlyMap<string, number>;
}

/** A band's key from its label ("Early phases", "Middle", "Later stages"), else from its place among three. */
export function bandKeyOf(label: string, index: number, count: number): CodeBand | null {
  const l = label.toLowerCase();
  if (/\bearl/.test(l)) return 'early';
  if (/\bmid/.test(l)) return 'middle';
  if (/\blate/.test(l)) return 'latter';
  if (count === 3) return (['early', 'middle', 'latter'] as const)[index] ?? null;
  return null;
}

const byPosition = <T extends { position: number; id: number }>(a: T, b: T): number => a.position - b.position || a.id - b.id;

export function buildCodebook(src: CodebookSource): CodebookNode[] {
  const bands = [...src.bands].sort(byPosition);
  const bandKey = new Map(bands.map((b, i) => [b.id, bandKeyOf(b.label, i, bands.length)]));
  const bandOf = (id: number | null): CodeBand | null => (id === null ? null : bandKey.get(id) ?? null);
  const count = (ref: string): number => src.tagCounts.get(ref) ?? 0;
  const nodes: CodebookNode[] = [];
  const root = (r: { ref: string; label: string }, position: number): void => {
    nodes.push({ ref: r.ref, kind: 'root', id: null, parentRef: null, label: r.label, description: '', band: null, path: [r.label],
      depth: 0, position, readOnly: true, taggable: false, version: null, tags: 0 });
  };

  root(ROOTS.stages, 0);
  for (const s of [...src.stages].sort(byPosition)) {
    nodes.push({ ref: `stage:${s.id}`, kind: 'stage', id: s.id, parentRef: ROOTS.stages.ref, label: s.name, description: s.focus,
      band: bandOf(s.bandId), path: [ROOTS.stages.label, s.name], depth: 1, position: s.position, readOnly: true, taggable: true,
      version: null, tags: count(`stage:${s.id}`) });
  }

  root(ROOTS.models, 1);
  const phasesOf = new Map<number, CodebookSource['phases']>();
  for (const p of src.phases) phasesOf.set(p.frameworkId, [...(phasesOf.get(p.frameworkId) ?? []), p]);
  for (const m of [...src.models].sort(byPosition)) {
    nodes.push({ ref: `model:${m.id}`, kind: 'model', id: m.id, parentRef: ROOTS.models.ref, label: m.name, description: '', band: null,
      path: [ROOTS.models.label, m.name], depth: 1, position: m.position, readOnly: true, taggable: false, version: null, tags: 0 });
    // a model's phases in reading order: band by band, then by position within the model
    const bandIndex = new Map(bands.map((b, i) => [b.id, i]));
    const phases = [...(phasesOf.get(m.id) ?? [])].sort((a, b) =>
      (bandIndex.get(a.bandId ?? -1) ?? 0) - (bandIndex.get(b.bandId ?? -1) ?? 0) || byPosition(a, b));
    for (const p of phases) {
      nodes.push({ ref: `phase:${p.id}`, kind: 'phase', id: p.id, parentRef: `model:${m.id}`, label: p.label, description: p.description,
        band: bandOf(p.bandId), path: [ROOTS.models.label, m.name, p.label], depth: 2, position: p.position, readOnly: true,
        taggable: true, version: null, tags: count(`phase:${p.id}`) });
    }
  }

  root(ROOTS.categories, 2);
  const childrenOf = new Map<number | null, CodebookSource['codes']>();
  const known = new Set(src.codes.map((c) => c.id));
  for (const c of src.codes) {
    // a code whose parent is in the trash shows at the top level rather than vanishing
    const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const seen = new Set<number>();
  const walk = (parentId: number | null, parentRef: string, path: string[], depth: number): void => {
    for (const c of [...(childrenOf.get(parentId) ?? [])].sort(byPosition)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const ref = `code:${c.id}`;
      const own = [...path, c.label];
      nodes.push({ ref, kind: 'code', id: c.id, parentRef, label: c.label, description: c.description, band: c.band, path: own,
        depth, position: c.position, readOnly: false, taggable: true, version: c.version, tags: count(ref) });
      walk(c.id, ref, own, depth + 1);
    }
  };
  walk(null, ROOTS.categories.ref, [ROOTS.categories.label], 1);
  return nodes;
}

/** Each node's ref → the refs of its subtree (itself included). */
export function subtreeIndex(nodes: readonly CodebookNode[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const byRef = new Map(nodes.map((n) => [n.ref, n]));
  for (const n of nodes) {
    index.set(n.ref, new Set([n.ref]));
    for (let p = n.parentRef; p !== null; p = byRef.get(p)?.parentRef ?? null) index.get(p)?.add(n.ref);
  }
  return index;
}

export function childrenOf(nodes: readonly CodebookNode[], ref: string): CodebookNode[] {
  return nodes.filter((n) => n.parentRef === ref);
}

export const pathText = (node: Pick<CodebookNode, 'path'>): string => node.path.join(' / ');

const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export type ResolveResult = { node: CodebookNode } | { error: string };

/**
 * A code named as the CLI names it: a ref ("stage:3", "code:7"), a path of labels from a root ("Stages/Mobilising",
 * "Models/Double Diamond/Discover", "Categories/Context/Policy"), an own code's path without its root
 * ("Context/Policy"), or a unique label. Case and spacing do not matter; ambiguity is an error, never a guess.
 */
export function resolveCode(nodes: readonly CodebookNode[], text: string): ResolveResult {
  const wanted = text.trim();
  if (/^(stage|phase|code):\d+$/i.test(wanted)) {
    const node = nodes.find((n) => n.ref === wanted.toLowerCase());
    return node ? { node } : { error: `no code ${wanted} in this review's codebook` };
  }
  const parts = wanted.split('/').map(norm).filter(Boolean);
  if (parts.length === 0) return { error: 'name a code: a path such as "Stages/Mobilising" or an id such as stage:3' };
  const taggable = nodes.filter((n) => n.taggable);
  const matches = (n: CodebookNode, p: string[]): boolean => n.path.length === p.length && n.path.every((l, i) => norm(l) === p[i]);
  let found = taggable.filter((n) => matches(n, parts));
  if (found.length === 0) found = taggable.filter((n) => n.kind === 'code' && matches(n, [norm(ROOTS.categories.label), ...parts]));
  if (found.length === 0 && parts.length === 1) found = taggable.filter((n) => norm(n.label) === parts[0]);
  if (found.length === 1 && found[0]) return { node: found[0] };
  if (found.length > 1) {
    return { error: `"${text}" names ${found.length} codes: ${found.map((n) => `${n.ref} (${n.path.join('/')})`).join(', ')}; use the full path or the id` };
  }
  return { error: `no code "${text}" in this review's codebook (paths start with Stages/, Models/ or Categories/)` };
}
