// The review's PRISMA 2020 flow from its records: sources from the import batches, duplicates from merges, the
// screening stages' final decisions split by branch (databases and registers vs other methods), and the counts
// entered by hand. A review's reported flow (flow_count, e.g. the seed review's 3,819 / 304 / 79) serves as its
// entered counts where nothing else is entered.
import type { Repositories } from '../db/repositories.ts';
import { unprocessable } from '../http/problem.ts';
import { renderPrismaSvg } from '../../shared/export/figures-prisma.ts';
import { csvCell } from '../../shared/export/csv.ts';
import {
  PRISMA_BOXES, PRISMA_LABELS, prismaBoxes, type BranchCounts, type PrismaBoxKey, type PrismaStage,
} from '../../shared/screening/prisma.ts';
import type { PrismaFlowOut, SourceKind } from '../../shared/screening/schemas.ts';
import type { ScreeningService } from './screening.ts';

/** flow_count keys (the seed's reported flow) → PRISMA 2020 boxes. */
const FLOW_TO_PRISMA: Record<string, PrismaBoxKey> = {
  'identified-databases': 'database_results',
  'duplicates-removed': 'duplicates',
  'title-screened': 'records_screened',
  // the seed review screened titles, then assessed the abstracts of what remained for eligibility
  'after-title-screening': 'dbr_assessed',
  'after-abstract-screening': 'new_studies',
  'grey-literature': 'other_results',
};

const emptyBranch = (): BranchCounts => ({ set: 0, include: 0, exclude: 0, reasons: {} });

export function prismaService(repos: Repositories, screening: ScreeningService) {
  const db = screening.db;

  function entered(reviewId: number): Record<string, { count: number | null; note: string }> {
    const out: Record<string, { count: number | null; note: string }> = {};
    const flow = repos.flowCounts(reviewId);
    for (const f of flow) {
      const key = FLOW_TO_PRISMA[f.key];
      if (!key) continue;
      let note = [f.label, f.note].filter(Boolean).join('. ');
      // the reported breakdown of the other-methods records goes with their box
      if (key === 'other_results') {
        const parts = flow.filter((g) => g.key.startsWith('grey-') && g.key !== 'grey-literature');
        if (parts.length > 0) note += `: ${parts.map((g) => `${g.label.replace(/^Grey literature:\s*/, '')} (n = ${g.count ?? '?'})`).join('; ')}`;
      }
      out[key] = { count: f.count, note };
    }
    for (const e of db.entered(reviewId)) out[e.key] = { count: e.count, note: e.note };
    return out;
  }

  function flow(reviewId: number): PrismaFlowOut {
    repos.reviews.require(reviewId);
    const sources = db.sources(reviewId);
    const kinds = db.itemKinds(reviewId);
    const stages: PrismaStage[] = db.stages(reviewId).map((stage) => {
      const st = screening.state(reviewId, stage);
      const dbr = emptyBranch();
      const other = emptyBranch();
      for (const id of st.ids) {
        const b = kinds.get(id) === 'other' ? other : dbr;
        b.set++;
        const f = st.finals.get(id);
        if (f === 'include') b.include++;
        if (f === 'exclude') {
          b.exclude++;
          const reason = st.resolutions.get(id)?.reason || commonReason(st.byItem.get(id)?.map((d) => d.reason) ?? []);
          b.reasons[reason] = (b.reasons[reason] ?? 0) + 1;
        }
      }
      return { kind: stage.kind, label: stage.label, hidden: screening.hidden(stage), dbr, other };
    });
    const boxes = prismaBoxes({ sources, stages, entered: entered(reviewId) });
    return {
      boxes,
      sources: sources.map((s) => ({ name: s.name, kind: s.kind, records: s.records, batches: s.batches })),
    };
  }

  return {
    flow,
    enter(reviewId: number, key: string, count: number | null, note: string, actor: string) {
      repos.reviews.require(reviewId);
      if (!(PRISMA_BOXES as readonly string[]).includes(key)) throw unprocessable('/params/key', `must be one of ${PRISMA_BOXES.join(', ')}`);
      const before = db.entered(reviewId).find((e) => e.key === key) ?? null;
      const id = db.upsertEntered(reviewId, key, count, note);
      repos.audit.record(actor, reviewId, 'prisma_entered', id, before ? 'update' : 'create', before, { key, count, note });
      return flow(reviewId);
    },
    /** Takes back a count entered by hand: the box shows what the data (or the review's reported flow) give again. */
    unenter(reviewId: number, key: string, actor: string) {
      repos.reviews.require(reviewId);
      if (!(PRISMA_BOXES as readonly string[]).includes(key)) throw unprocessable('/params/key', `must be one of ${PRISMA_BOXES.join(', ')}`);
      const before = db.entered(reviewId).find((e) => e.key === key) ?? null;
      const id = db.removeEntered(reviewId, key);
      if (id !== undefined) repos.audit.record(actor, reviewId, 'prisma_entered', id, 'delete', before, null);
      return flow(reviewId);
    },
    setSourceKind(reviewId: number, batchId: number, kind: SourceKind, actor: string) {
      repos.reviews.require(reviewId);
      const before = db.batch(reviewId, batchId);
      if (!before) throw unprocessable('/params/batchId', `review ${reviewId} has no import batch ${batchId}`);
      db.setBatchKind(batchId, kind);
      repos.audit.record(actor, reviewId, 'import_batch', batchId, 'update', before, { id: batchId, sourceKind: kind });
      return { id: batchId, sourceKind: kind };
    },
    svg(reviewId: number): string {
      return renderPrismaSvg(flow(reviewId).boxes as Record<PrismaBoxKey, PrismaFlowOut['boxes'][string]>, repos.reviews.require(reviewId).title);
    },
    json(reviewId: number): string {
      return `${JSON.stringify(flow(reviewId), null, 2)}\n`;
    },
    csv(reviewId: number): string {
      const { boxes } = flow(reviewId);
      const rows = PRISMA_BOXES.map((key) => {
        const b = boxes[key];
        return [key, PRISMA_LABELS[key], b?.count === null || b?.count === undefined ? '' : String(b.count), b?.entered ? 'entered' : 'derived', b?.note ?? ''];
      });
      return `${[['box', 'label', 'count', 'source', 'note'], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    },
  };
}

/** The reason most reviewers gave (ties: the first in order of their decisions). */
function commonReason(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons.filter(Boolean)) counts.set(r, (counts.get(r) ?? 0) + 1);
  let best = '';
  let n = 0;
  for (const [r, c] of counts) if (c > n) [best, n] = [r, c];
  return best;
}
