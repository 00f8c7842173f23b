// The SQL of screening: stages, decisions, resolutions, the items a stage screens, the import batches' source
// kinds and the PRISMA counts entered by hand. Returns domain objects (camelCase).
import type { Db } from './connection.ts';
import { plainCslSql } from './literature-repo.ts';
import type {
  Decision, Resolution, ScreeningDecision, ScreeningItem, SourceKind, StageKind,
} from '../../shared/screening/schemas.ts';

export interface StageRow {
  id: number;
  reviewId: number;
  position: number;
  kind: StageKind;
  label: string;
  source: 'library' | 'previous';
  reviewersRequired: number;
  blind: boolean;
  unblindedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const STAGE_COLUMNS = `id, review_id AS reviewId, position, kind, label, source, reviewers_required AS reviewersRequired,
  blind, unblinded_at AS unblindedAt, version, created_at AS createdAt, updated_at AS updatedAt`;
const DECISION_COLUMNS = `stage_id AS stageId, item_id AS itemId, reviewer_id AS reviewerId, decision, reason, note,
  created_at AS createdAt, updated_at AS updatedAt`;

type RawStage = Omit<StageRow, 'blind'> & { blind: number };
const stageOf = (r: RawStage | undefined): StageRow | undefined => (r ? { ...r, blind: r.blind === 1 } : undefined);

export interface ItemKey {
  id: number;
  doiNorm: string | null;
  sourceId: string;
  titleNorm: string;
  year: number | null;
}

export type ScreeningRepo = ReturnType<typeof createScreeningRepo>;

export function createScreeningRepo(db: Db) {
  const q = {
    stages: db.prepare(`SELECT ${STAGE_COLUMNS} FROM screening_stage WHERE review_id = ? ORDER BY position, id`),
    stage: db.prepare(`SELECT ${STAGE_COLUMNS} FROM screening_stage WHERE review_id = ? AND id = ?`),
    nextPosition: db.prepare('SELECT coalesce(max(position), -1) + 1 AS next FROM screening_stage WHERE review_id = ?'),
    insertStage: db.prepare(`INSERT INTO screening_stage (review_id, position, kind, label, source, reviewers_required, blind,
      created_at, updated_at) VALUES (@reviewId, @position, @kind, @label, @source, @reviewersRequired, @blind, @now, @now)`),
    updateStage: db.prepare(`UPDATE screening_stage SET kind = @kind, label = @label, source = @source,
      reviewers_required = @reviewersRequired, blind = @blind, version = version + 1, updated_at = @now WHERE id = @id`),
    unblind: db.prepare('UPDATE screening_stage SET unblinded_at = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    deleteStage: db.prepare('DELETE FROM screening_stage WHERE id = ?'),
    decisionCount: db.prepare('SELECT count(*) AS n FROM screening_decision WHERE stage_id = ?'),
    libraryIds: db.prepare('SELECT id FROM lit_item WHERE review_id = ? AND merged_into IS NULL ORDER BY id').pluck(),
    itemInReview: db.prepare('SELECT id FROM lit_item WHERE review_id = ? AND id = ? AND merged_into IS NULL'),
    // the rich title and abstract are shown (through the client's sanitiser); ranking reads the plain forms
    items: db.prepare(`SELECT id, coalesce(json_extract(csl, '$.title'), title) AS title, authors, year, container, doi, keywords,
      coalesce(json_extract(csl, '$.abstract'), '') AS abstract FROM lit_item WHERE id IN (SELECT value FROM json_each(?))`),
    itemTexts: db.prepare(`SELECT id, title || ' ' || ${plainCslSql('abstract')} AS text
      FROM lit_item WHERE review_id = ? AND merged_into IS NULL`),
    // raw rows: a 10k-item stage reads tens of thousands of decisions on every queue read
    decisions: db.prepare(`SELECT item_id, reviewer_id, decision, reason, note, created_at, updated_at FROM screening_decision
      WHERE stage_id = ? ORDER BY item_id, reviewer_id`).raw(),
    decision: db.prepare(`SELECT ${DECISION_COLUMNS} FROM screening_decision WHERE stage_id = ? AND item_id = ? AND reviewer_id = ?`),
    upsertDecision: db.prepare(`INSERT INTO screening_decision (stage_id, item_id, reviewer_id, decision, reason, note, created_at, updated_at)
      VALUES (@stageId, @itemId, @reviewerId, @decision, @reason, @note, @now, @now)
      ON CONFLICT (stage_id, item_id, reviewer_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason,
      note = excluded.note, updated_at = excluded.updated_at`),
    deleteDecision: db.prepare('DELETE FROM screening_decision WHERE stage_id = ? AND item_id = ? AND reviewer_id = ?'),
    resolutions: db.prepare(`SELECT stage_id AS stageId, item_id AS itemId, decision, reason, note, reviewer_id AS reviewerId,
      created_at AS createdAt FROM screening_resolution WHERE stage_id = ?`),
    resolution: db.prepare(`SELECT stage_id AS stageId, item_id AS itemId, decision, reason, note, reviewer_id AS reviewerId,
      created_at AS createdAt FROM screening_resolution WHERE stage_id = ? AND item_id = ?`),
    upsertResolution: db.prepare(`INSERT INTO screening_resolution (stage_id, item_id, decision, reason, note, reviewer_id, created_at)
      VALUES (@stageId, @itemId, @decision, @reason, @note, @reviewerId, @now)
      ON CONFLICT (stage_id, item_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, note = excluded.note,
      reviewer_id = excluded.reviewer_id, created_at = excluded.created_at`),
    deleteResolution: db.prepare('DELETE FROM screening_resolution WHERE stage_id = ? AND item_id = ?'),
    itemKeys: db.prepare(`SELECT id, doi_norm AS doiNorm, coalesce(json_extract(csl, '$.id'), '') AS sourceId, title_norm AS titleNorm, year
      FROM lit_item WHERE review_id = ? AND merged_into IS NULL`),
    itemKinds: db.prepare(`SELECT i.id, b.source_kind AS kind FROM lit_item i JOIN import_batch b ON b.id = i.batch_id
      WHERE i.review_id = ? AND i.merged_into IS NULL`),
    sources: db.prepare(`SELECT b.source_name AS name, b.source_kind AS kind, count(DISTINCT b.id) AS batches, count(i.id) AS records,
      count(i.merged_into) AS duplicates FROM import_batch b LEFT JOIN lit_item i ON i.batch_id = b.id
      WHERE b.review_id = ? AND b.status = 'complete' GROUP BY b.source_name, b.source_kind ORDER BY b.source_kind, b.source_name`),
    batch: db.prepare('SELECT id, source_kind AS sourceKind FROM import_batch WHERE review_id = ? AND id = ?'),
    setBatchKind: db.prepare('UPDATE import_batch SET source_kind = ? WHERE id = ?'),
    entered: db.prepare('SELECT key, count, note FROM prisma_entered WHERE review_id = ?'),
    upsertEntered: db.prepare(`INSERT INTO prisma_entered (review_id, key, count, note) VALUES (?, ?, ?, ?)
      ON CONFLICT (review_id, key) DO UPDATE SET count = excluded.count, note = excluded.note`),
    enteredId: db.prepare('SELECT id FROM prisma_entered WHERE review_id = ? AND key = ?'),
    deleteEntered: db.prepare('DELETE FROM prisma_entered WHERE review_id = ? AND key = ?'),
  };

  return {
    stages: (reviewId: number): StageRow[] => (q.stages.all(reviewId) as RawStage[]).map((r) => stageOf(r) as StageRow),
    stage: (reviewId: number, stageId: number): StageRow | undefined => stageOf(q.stage.get(reviewId, stageId) as RawStage | undefined),
    insertStage(reviewId: number, s: { kind: StageKind; label: string; source: string; reviewersRequired: number; blind: boolean }, now: string): number {
      const { next } = q.nextPosition.get(reviewId) as { next: number };
      return Number(q.insertStage.run({ reviewId, position: next, ...s, blind: s.blind ? 1 : 0, now }).lastInsertRowid);
    },
    updateStage(s: StageRow, now: string): void {
      q.updateStage.run({ id: s.id, kind: s.kind, label: s.label, source: s.source, reviewersRequired: s.reviewersRequired, blind: s.blind ? 1 : 0, now });
    },
    unblind: (stageId: number, now: string): void => void q.unblind.run(now, now, stageId),
    deleteStage: (stageId: number): void => void q.deleteStage.run(stageId),
    decisionCount: (stageId: number): number => (q.decisionCount.get(stageId) as { n: number }).n,
    libraryIds: (reviewId: number): number[] => q.libraryIds.all(reviewId) as number[],
    itemInReview: (reviewId: number, itemId: number): boolean => q.itemInReview.get(reviewId, itemId) !== undefined,
    items(ids: number[]): Map<number, ScreeningItem> {
      const rows = q.items.all(JSON.stringify(ids)) as { id: number; title: string; authors: string; year: number | null; container: string; doi: string; keywords: string; abstract: unknown }[];
      const split = (s: string): string[] => s.split(/\s*[;\n]\s*/).filter(Boolean);
      return new Map(rows.map((r) => [r.id, {
        id: r.id, title: r.title, authors: split(r.authors), year: r.year, container: r.container,
        abstract: typeof r.abstract === 'string' ? r.abstract : '', keywords: split(r.keywords), doi: r.doi,
      }]));
    },
    itemTexts: (reviewId: number): { id: number; text: string }[] => q.itemTexts.all(reviewId) as { id: number; text: string }[],
    decisions: (stageId: number): ScreeningDecision[] =>
      (q.decisions.all(stageId) as [number, number, Decision, string, string, string, string][]).map(([itemId, reviewerId, decision, reason, note, createdAt, updatedAt]) =>
        ({ stageId, itemId, reviewerId, decision, reason, note, createdAt, updatedAt })),
    decision: (stageId: number, itemId: number, reviewerId: number): ScreeningDecision | undefined =>
      q.decision.get(stageId, itemId, reviewerId) as ScreeningDecision | undefined,
    upsertDecision(d: { stageId: number; itemId: number; reviewerId: number; decision: Decision; reason: string; note: string }, now: string): void {
      q.upsertDecision.run({ ...d, now });
    },
    deleteDecision: (stageId: number, itemId: number, reviewerId: number): boolean => q.deleteDecision.run(stageId, itemId, reviewerId).changes > 0,
    resolutions: (stageId: number): Resolution[] => q.resolutions.all(stageId) as Resolution[],
    resolution: (stageId: number, itemId: number): Resolution | undefined => q.resolution.get(stageId, itemId) as Resolution | undefined,
    upsertResolution(r: Omit<Resolution, 'createdAt'>, now: string): void {
      q.upsertResolution.run({ ...r, now });
    },
    deleteResolution: (stageId: number, itemId: number): boolean => q.deleteResolution.run(stageId, itemId).changes > 0,
    itemKeys: (reviewId: number): ItemKey[] => (q.itemKeys.all(reviewId) as (Omit<ItemKey, 'sourceId'> & { sourceId: unknown })[])
      .map((k) => ({ ...k, sourceId: String(k.sourceId) })),
    itemKinds: (reviewId: number): Map<number, SourceKind> =>
      new Map((q.itemKinds.all(reviewId) as { id: number; kind: SourceKind }[]).map((r) => [r.id, r.kind])),
    sources: (reviewId: number) => q.sources.all(reviewId) as { name: string; kind: SourceKind; batches: number; records: number; duplicates: number }[],
    batch: (reviewId: number, batchId: number) => q.batch.get(reviewId, batchId) as { id: number; sourceKind: SourceKind } | undefined,
    setBatchKind: (batchId: number, kind: SourceKind): void => void q.setBatchKind.run(kind, batchId),
    entered: (reviewId: number) => q.entered.all(reviewId) as { key: string; count: number | null; note: string }[],
    upsertEntered(reviewId: number, key: string, count: number | null, note: string): number {
      q.upsertEntered.run(reviewId, key, count, note);
      return (q.enteredId.get(reviewId, key) as { id: number }).id;
    },
    /** The entered row's id, or undefined when nothing was entered for that box. */
    removeEntered(reviewId: number, key: string): number | undefined {
      const row = q.enteredId.get(reviewId, key) as { id: number } | undefined;
      if (row) q.deleteEntered.run(reviewId, key);
      return row?.id;
    },
  };
}
