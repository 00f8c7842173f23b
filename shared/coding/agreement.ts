// Agreement on coding between two reviewers: per code, Cohen's kappa on presence or absence of the code per item,
// over the items both reviewers have tagged at least once, with the percentage agreement and the disagreements to
// reconcile. Kappa itself is screening's (shared/screening/agreement.ts): one kappa in the project. Pure.
import { cohenKappa, percentAgreement } from '../screening/agreement.ts';
import { quoteOf, type ItemLabel, type TagFact } from './facts.ts';
import type { CodebookNode, CodingAgreement } from './schemas.ts';

export function computeCodingAgreement(
  nodes: readonly CodebookNode[],
  items: readonly ItemLabel[],
  tags: readonly TagFact[],
  a: { id: number; name: string },
  b: { id: number; name: string },
): CodingAgreement {
  const byReviewer = (rid: number) => tags.filter((t) => t.reviewerId === rid);
  const tagsA = byReviewer(a.id);
  const tagsB = byReviewer(b.id);
  const itemsB = new Set(tagsB.map((t) => t.itemId));
  const common = [...new Set(tagsA.map((t) => t.itemId))].filter((id) => itemsB.has(id)).sort((x, y) => x - y);
  const commonSet = new Set(common);
  const has = (list: TagFact[]) => {
    const set = new Set<string>();
    for (const t of list) if (commonSet.has(t.itemId)) set.add(`${t.itemId}|${t.code}`);
    return set;
  };
  const hasA = has(tagsA);
  const hasB = has(tagsB);
  const used = new Set([...tagsA, ...tagsB].filter((t) => commonSet.has(t.itemId)).map((t) => t.code));
  const reference = new Map(items.map((i) => [i.id, i.reference]));
  const codes: CodingAgreement['codes'] = [];
  const disagreements: CodingAgreement['disagreements'] = [];
  // codes in codebook order; a code neither reviewer used on the common items says nothing and is left out
  for (const node of nodes) {
    if (!node.taggable || !used.has(node.ref)) continue;
    const va = common.map((id) => hasA.has(`${id}|${node.ref}`));
    const vb = common.map((id) => hasB.has(`${id}|${node.ref}`));
    let both = 0, onlyA = 0, onlyB = 0;
    common.forEach((itemId, i) => {
      if (va[i] && vb[i]) both++;
      else if (va[i] || vb[i]) {
        if (va[i]) onlyA++;
        else onlyB++;
        const by = va[i] ? a.id : b.id;
        disagreements.push({
          itemId, reference: reference.get(itemId) ?? `item ${itemId}`, code: node.ref, label: node.path.slice(1).join(' / '),
          taggedBy: by,
          quotes: tags.filter((t) => t.itemId === itemId && t.code === node.ref && t.reviewerId === by).map(quoteOf),
        });
      }
    });
    const k = cohenKappa(va, vb, [a.name, b.name]);
    codes.push({
      code: node.ref, label: node.label, path: node.path, both, onlyA, onlyB, neither: common.length - both - onlyA - onlyB,
      percentAgreement: percentAgreement(va, vb), kappa: k.kappa, kappaCi95: k.ci95,
      note: k.note.replaceAll('said true to every item', 'used the code on every item').replaceAll('said false to every item', 'never used the code'),
    });
  }
  return { reviewers: [a, b], items: common.length, codes, disagreements };
}
