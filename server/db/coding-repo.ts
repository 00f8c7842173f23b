// The SQL of coding: the review's own codes and the tags on literature items. Returns domain objects (camelCase);
// a tag's code comes back as its ref (stage:ID, phase:ID, code:ID).
import type { Db } from './connection.ts';
import type { Code, CodeBand, Tag } from '../../shared/coding/schemas.ts';

const CODE_COLUMNS = `id, review_id AS reviewId, parent_id AS parentId, label, description, band, position, version,
  created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`;
const TAG_COLUMNS = `t.id, t.review_id AS reviewId, t.item_id AS itemId,
  CASE WHEN t.code_id IS NOT NULL THEN 'code:' || t.code_id WHEN t.stage_id IS NOT NULL THEN 'stage:' || t.stage_id
       ELSE 'phase:' || t.phase_id END AS code,
  t.quote, t.locator, t.note, t.reviewer_id AS reviewerId, coalesce(r.name, '') AS reviewerName, t.version,
  t.created_at AS createdAt, t.updated_at AS updatedAt, t.deleted_at AS deletedAt`;
const TAG_FROM = 'FROM tag t LEFT JOIN reviewer r ON r.id = t.reviewer_id';

/** A ref split into the column it is stored in and the id. */
export function refColumns(ref: string): { codeId: number | null; stageId: number | null; phaseId: number | null } {
  const [kind, id] = ref.split(':');
  const n = Number(id);
  return { codeId: kind === 'code' ? n : null, stageId: kind === 'stage' ? n : null, phaseId: kind === 'phase' ? n : null };
}

export interface CodingItemRow {
  id: number;
  title: string;
  firstAuthor: string;
  authors: string;
  year: number | null;
  container: string;
  doi: string;
  keywords: string;
  abstract: unknown;
  csl: string;
}

export type ItemLabelRow = Pick<CodingItemRow, 'id' | 'title' | 'firstAuthor' | 'year'>;

export type CodingRepo = ReturnType<typeof createCodingRepo>;

export function createCodingRepo(db: Db) {
  const q = {
    codes: db.prepare(`SELECT ${CODE_COLUMNS} FROM code WHERE review_id = ? AND deleted_at IS NULL ORDER BY parent_id, position, id`),
    code: db.prepare(`SELECT ${CODE_COLUMNS} FROM code WHERE review_id = ? AND id = ?`),
    siblings: db.prepare(`SELECT id FROM code WHERE review_id = ? AND parent_id IS ? AND deleted_at IS NULL AND id <> ?
      ORDER BY position, id`).pluck(),
    setPosition: db.prepare('UPDATE code SET position = ? WHERE id = ?'),
    insertCode: db.prepare(`INSERT INTO code (review_id, parent_id, label, description, band, position, created_at, updated_at)
      VALUES (@reviewId, @parentId, @label, @description, @band, @position, @now, @now)`),
    updateCode: db.prepare(`UPDATE code SET label = @label, description = @description, band = @band, parent_id = @parentId,
      version = version + 1, updated_at = @now WHERE id = @id`),
    trashCode: db.prepare('UPDATE code SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    untrashCode: db.prepare('UPDATE code SET deleted_at = NULL, parent_id = ?, position = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    moveChild: db.prepare('UPDATE code SET parent_id = ?, position = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    liveChildren: db.prepare(`SELECT ${CODE_COLUMNS} FROM code WHERE parent_id = ? AND deleted_at IS NULL ORDER BY position, id`),
    tagCounts: db.prepare(`SELECT CASE WHEN code_id IS NOT NULL THEN 'code:' || code_id WHEN stage_id IS NOT NULL THEN 'stage:' || stage_id
      ELSE 'phase:' || phase_id END AS ref, count(*) AS n FROM tag WHERE review_id = ? AND deleted_at IS NULL GROUP BY ref`),
    liveTags: db.prepare(`SELECT ${TAG_COLUMNS} ${TAG_FROM} WHERE t.review_id = ? AND t.deleted_at IS NULL ORDER BY t.id`),
    // raw rows for the matrix and map: 5,000 tags are read on every view
    liveFacts: db.prepare(`SELECT id, item_id, CASE WHEN code_id IS NOT NULL THEN 'code:' || code_id
      WHEN stage_id IS NOT NULL THEN 'stage:' || stage_id ELSE 'phase:' || phase_id END, quote, locator, reviewer_id
      FROM tag WHERE review_id = ? AND deleted_at IS NULL ORDER BY id`).raw(),
    tag: db.prepare(`SELECT ${TAG_COLUMNS} ${TAG_FROM} WHERE t.review_id = ? AND t.id = ?`),
    tagsOfCode: db.prepare(`SELECT ${TAG_COLUMNS} ${TAG_FROM} WHERE t.code_id = ? AND t.deleted_at IS NULL ORDER BY t.id`),
    insertTag: db.prepare(`INSERT INTO tag (review_id, item_id, code_id, stage_id, phase_id, quote, locator, note, reviewer_id, created_at, updated_at)
      VALUES (@reviewId, @itemId, @codeId, @stageId, @phaseId, @quote, @locator, @note, @reviewerId, @now, @now)`),
    updateTag: db.prepare(`UPDATE tag SET code_id = @codeId, stage_id = @stageId, phase_id = @phaseId, quote = @quote, locator = @locator,
      note = @note, version = version + 1, updated_at = @now WHERE id = @id`),
    trashTag: db.prepare('UPDATE tag SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    untrashTag: db.prepare('UPDATE tag SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE id = ?'),
    retag: db.prepare(`UPDATE tag SET code_id = @codeId, stage_id = @stageId, phase_id = @phaseId, version = version + 1,
      updated_at = @now WHERE id = @id`),
    duplicate: db.prepare(`SELECT t.id FROM tag t WHERE t.review_id = @reviewId AND t.item_id = @itemId AND t.reviewer_id = @reviewerId
      AND t.quote = @quote AND t.deleted_at IS NULL AND t.id <> @id
      AND t.code_id IS @codeId AND t.stage_id IS @stageId AND t.phase_id IS @phaseId`).pluck(),
    libraryItems: db.prepare(`SELECT id, title, first_author AS firstAuthor, authors, year, container, doi, keywords,
      json_extract(csl, '$.abstract') AS abstract, csl FROM lit_item WHERE review_id = ? AND merged_into IS NULL ORDER BY id`),
    items: db.prepare(`SELECT id, title, first_author AS firstAuthor, authors, year, container, doi, keywords,
      json_extract(csl, '$.abstract') AS abstract, csl FROM lit_item WHERE review_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`),
    // the matrix and the map label rows only: no CSL-JSON parsed, no abstracts read
    libraryLabels: db.prepare(`SELECT id, title, first_author AS firstAuthor, year FROM lit_item WHERE review_id = ? AND merged_into IS NULL
      ORDER BY id`),
    labels: db.prepare(`SELECT id, title, first_author AS firstAuthor, year FROM lit_item WHERE review_id = ?
      AND id IN (SELECT value FROM json_each(?)) ORDER BY id`),
    itemOfReview: db.prepare('SELECT id FROM lit_item WHERE review_id = ? AND id = ? AND merged_into IS NULL'),
  };

  const positionRows = (reviewId: number, parentId: number | null, exceptId: number): number[] =>
    q.siblings.all(reviewId, parentId, exceptId) as number[];

  return {
    codes: (reviewId: number): Code[] => q.codes.all(reviewId) as Code[],
    code: (reviewId: number, id: number): Code | undefined => q.code.get(reviewId, id) as Code | undefined,
    liveChildren: (codeId: number): Code[] => q.liveChildren.all(codeId) as Code[],
    /** Puts `codeId` at `position` among its siblings under `parentId` and renumbers them 0, 1, 2 … */
    place(reviewId: number, codeId: number, parentId: number | null, position: number | undefined): void {
      const ids = positionRows(reviewId, parentId, codeId);
      const at = position === undefined ? ids.length : Math.min(position, ids.length);
      ids.splice(at, 0, codeId);
      ids.forEach((id, i) => q.setPosition.run(i, id));
    },
    /** Renumbers the live siblings under `parentId` after one left. */
    closeGap(reviewId: number, parentId: number | null): void {
      positionRows(reviewId, parentId, 0).forEach((id, i) => q.setPosition.run(i, id));
    },
    insertCode(reviewId: number, c: { parentId: number | null; label: string; description: string; band: CodeBand | null }, now: string): number {
      return Number(q.insertCode.run({ reviewId, ...c, position: 1e9, now }).lastInsertRowid);
    },
    updateCode(c: Code, now: string): void {
      q.updateCode.run({ id: c.id, label: c.label, description: c.description, band: c.band, parentId: c.parentId, now });
    },
    trashCode: (id: number, now: string): void => void q.trashCode.run(now, now, id),
    untrashCode: (id: number, parentId: number | null, position: number, now: string): void => void q.untrashCode.run(parentId, position, now, id),
    moveChild: (id: number, parentId: number | null, position: number, now: string): void => void q.moveChild.run(parentId, position, now, id),

    tagCounts: (reviewId: number): Map<string, number> =>
      new Map((q.tagCounts.all(reviewId) as { ref: string; n: number }[]).map((r) => [r.ref, r.n])),
    liveTags: (reviewId: number): Tag[] => q.liveTags.all(reviewId) as Tag[],
    liveFacts: (reviewId: number) => (q.liveFacts.all(reviewId) as [number, number, string, string, string, number][])
      .map(([id, itemId, code, quote, locator, reviewerId]) => ({ id, itemId, code, quote, locator, reviewerId })),
    tag: (reviewId: number, id: number): Tag | undefined => q.tag.get(reviewId, id) as Tag | undefined,
    tagsOfCode: (codeId: number): Tag[] => q.tagsOfCode.all(codeId) as Tag[],
    insertTag(t: { reviewId: number; itemId: number; code: string; quote: string; locator: string; note: string; reviewerId: number }, now: string): number {
      const { code, ...rest } = t;
      return Number(q.insertTag.run({ ...rest, ...refColumns(code), now }).lastInsertRowid);
    },
    updateTag(t: Tag, now: string): void {
      q.updateTag.run({ id: t.id, ...refColumns(t.code), quote: t.quote, locator: t.locator, note: t.note, now });
    },
    trashTag: (id: number, now: string): void => void q.trashTag.run(now, now, id),
    untrashTag: (id: number, now: string): void => void q.untrashTag.run(now, id),
    retag: (id: number, code: string, now: string): void => void q.retag.run({ id, ...refColumns(code), now }),
    /** A live tag (other than `id`) of the same item, code, reviewer and quote. */
    duplicateOf(t: { reviewId: number; itemId: number; reviewerId: number; quote: string; code: string; id?: number }): number | undefined {
      return q.duplicate.get({ reviewId: t.reviewId, itemId: t.itemId, reviewerId: t.reviewerId, quote: t.quote, id: t.id ?? 0, ...refColumns(t.code) }) as number | undefined;
    },
    libraryItems: (reviewId: number): CodingItemRow[] => q.libraryItems.all(reviewId) as CodingItemRow[],
    items: (reviewId: number, ids: number[]): CodingItemRow[] => q.items.all(reviewId, JSON.stringify(ids)) as CodingItemRow[],
    libraryLabels: (reviewId: number): ItemLabelRow[] => q.libraryLabels.all(reviewId) as ItemLabelRow[],
    labels: (reviewId: number, ids: number[]): ItemLabelRow[] => q.labels.all(reviewId, JSON.stringify(ids)) as ItemLabelRow[],
    itemInReview: (reviewId: number, itemId: number): boolean => q.itemOfReview.get(reviewId, itemId) !== undefined,
  };
}
