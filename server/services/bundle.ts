// Export and restore of a whole review as one JSON bundle (shared/bundle-schema.ts).
//
// Generic over tables: each entry of BUNDLE_TABLES says which rows belong to the review; foreign keys are read from
// the database itself (PRAGMA foreign_key_list) and remapped, so a new table is one entry in the list. Rows are
// written in id order with the bundle's own ids (1…n per table); restoring inserts them in the same order, so a
// review restored into a fresh database exports to the same bytes (apart from the generated-at line).
import type { Db } from '../db/connection.ts';
import {
  BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, bundleProblems, bundleSchema, type Bundle, type BundleTable, type SqlValue,
} from '../../shared/bundle-schema.ts';
import { canonicalJson, sha256Text } from '../../shared/snapshot-hash.ts';
import { REVIEW_SLUG_PATTERN } from '../../shared/schemas.ts';
import { schemaVersion } from '../db/migrate.ts';
import { plainCslSql } from '../db/literature-repo.ts';
import { APP_VERSION } from '../version.ts';

export interface BundleTableSpec {
  table: string;
  /** rows of the review: a WHERE clause over alias t with exactly one parameter, the review id */
  where: string;
  /** ORDER BY over alias t; default t.id (the bundle's ids follow this order) */
  order?: string;
  /**
   * columns that hold ids without a declared foreign key: column → referenced table. Without the constraint the row
   * may outlive what it names (a source record whose import batch was deleted): such an id is kept as it was.
   */
  refs?: Record<string, string>;
  /** TEXT columns holding a JSON array of ids of a table */
  idLists?: Record<string, string>;
  /** an id whose table is named by another column (the audit log's entity_id) */
  polymorphic?: { column: string; by: string; tables: Record<string, string> };
  /** rows matched by this unique column are reused rather than copied (reviewers are shared between reviews) */
  mergeOn?: string;
  /** a table added by a later migration: skipped when the database does not have it */
  optional?: boolean;
  /** statements run after the review's rows are restored, with the new review id (e.g. rebuilding an index) */
  afterRestore?: string[];
  /** statements run before the review is deleted for --replace, with its id */
  beforeDelete?: string[];
}

const OF_REVIEW = 't.review_id = ?';
const OF_FRAMEWORKS = 't.framework_id IN (SELECT id FROM framework WHERE review_id = ?)';

/** Parents before children: restore inserts in this order. */
export const BUNDLE_TABLES: BundleTableSpec[] = [
  { table: 'review', where: 't.id = ?' },
  // reviewers are global; those of this review are its team and the ones its alignments name
  {
    table: 'reviewer',
    where: `t.id IN (WITH q(review_id) AS (SELECT ?)
      SELECT a.reviewer_id FROM q, alignment a JOIN phase p ON p.id = a.phase_id JOIN framework f ON f.id = p.framework_id
      WHERE f.review_id = q.review_id
      UNION SELECT rr.reviewer_id FROM q, review_reviewer rr WHERE rr.review_id = q.review_id
      UNION SELECT d.reviewer_id FROM q, screening_stage s JOIN screening_decision d ON d.stage_id = s.id WHERE s.review_id = q.review_id
      UNION SELECT r.reviewer_id FROM q, screening_stage s JOIN screening_resolution r ON r.stage_id = s.id WHERE s.review_id = q.review_id
      UNION SELECT g.reviewer_id FROM q, tag g WHERE g.review_id = q.review_id)`,
    mergeOn: 'name',
  },
  { table: 'review_reviewer', where: OF_REVIEW },
  { table: 'band', where: OF_REVIEW },
  { table: 'framework', where: OF_REVIEW },
  { table: 'phase', where: OF_FRAMEWORKS },
  { table: 'stage', where: OF_FRAMEWORKS },
  { table: 'alignment', where: `t.phase_id IN (SELECT p.id FROM phase p JOIN framework f ON f.id = p.framework_id WHERE f.review_id = ?)` },
  { table: 'citation', where: OF_REVIEW },
  { table: 'citation_link', where: 't.citation_id IN (SELECT id FROM citation WHERE review_id = ?)' },
  { table: 'flow_count', where: OF_REVIEW },
  { table: 'import_batch', where: OF_REVIEW, optional: true },
  { table: 'import_failure', where: 't.batch_id IN (SELECT id FROM import_batch WHERE review_id = ?)', optional: true },
  {
    table: 'lit_item', where: OF_REVIEW, optional: true,
    afterRestore: [`INSERT INTO lit_fts (rowid, title, authors, abstract, keywords)
      SELECT id, title, authors, ${plainCslSql('abstract')}, keywords FROM lit_item WHERE review_id = ?`],
    beforeDelete: ['DELETE FROM lit_fts WHERE rowid IN (SELECT id FROM lit_item WHERE review_id = ?)'],
  },
  { table: 'item_source', where: 't.item_id IN (SELECT id FROM lit_item WHERE review_id = ?)', optional: true, refs: { batch_id: 'import_batch' } },
  { table: 'dedupe_merge', where: OF_REVIEW, optional: true, refs: { kept_item_id: 'lit_item' }, idLists: { merged_item_ids: 'lit_item', previous_parents: 'lit_item' } },
  { table: 'dedupe_distinct', where: OF_REVIEW, order: 't.item_a, t.item_b', optional: true },
  { table: 'screening_stage', where: OF_REVIEW, optional: true },
  { table: 'screening_decision', where: 't.stage_id IN (SELECT id FROM screening_stage WHERE review_id = ?)', optional: true },
  { table: 'screening_resolution', where: 't.stage_id IN (SELECT id FROM screening_stage WHERE review_id = ?)', optional: true },
  { table: 'prisma_entered', where: OF_REVIEW, optional: true },
  // the codebook and the coding: a review's tags are as much its content as its alignments
  { table: 'code', where: OF_REVIEW, optional: true },
  { table: 'tag', where: OF_REVIEW, optional: true },
  {
    table: 'audit_event', where: OF_REVIEW, refs: { review_id: 'review' },
    polymorphic: {
      column: 'entity_id', by: 'entity',
      // audit entity names are the table names; those of tables outside the bundle keep their historical ids
      tables: Object.fromEntries(
        ['review', 'reviewer', 'review_reviewer', 'band', 'framework', 'phase', 'stage', 'alignment', 'citation', 'citation_link', 'flow_count',
          'import_batch', 'lit_item', 'item_source', 'dedupe_merge', 'screening_stage', 'prisma_entered', 'code', 'tag'].map((t) => [t, t]),
      ),
    },
  },
];

export class BundleError extends Error {}

interface TableShape {
  columns: string[];
  hasId: boolean;
  /** column → referenced table, declared and extra */
  refs: Map<string, string>;
  /** the extra ones, whose dangling ids are kept */
  soft: Set<string>;
}

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function shapeOf(db: Db, spec: BundleTableSpec): TableShape {
  const info = db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(spec.table) as { name: string }[];
  const fks = db.prepare('SELECT "from" AS col, "table" AS ref FROM pragma_foreign_key_list(?)').all(spec.table) as { col: string; ref: string }[];
  const refs = new Map(fks.map((f) => [f.col, f.ref]));
  const soft = new Set<string>();
  for (const [col, ref] of Object.entries(spec.refs ?? {})) {
    if (!fks.some((f) => f.col === col)) soft.add(col);
    refs.set(col, ref);
  }
  const columns = info.map((c) => c.name);
  return { columns, hasId: columns.includes('id'), refs, soft };
}

type IdMaps = Map<string, Map<number, number>>;

function mapId(maps: IdMaps, table: string, id: SqlValue, where: string): SqlValue {
  if (id === null) return null;
  const mapped = maps.get(table)?.get(Number(id));
  if (mapped === undefined) throw new BundleError(`${where}: refers to ${table} ${id}, which is not part of the review`);
  return mapped;
}

function mapIdList(maps: IdMaps, table: string, value: SqlValue, where: string): SqlValue {
  if (value === null) return null;
  const ids = JSON.parse(String(value)) as unknown;
  if (!Array.isArray(ids)) throw new BundleError(`${where}: expected a JSON array of ids`);
  // like the soft refs: an id of a row that is gone is kept as it was
  return JSON.stringify(ids.map((id) => (maps.get(table)?.has(Number(id)) ? mapId(maps, table, id as number, where) : id)));
}

/** Rewrites every id-holding value of a row through the maps (export: database → bundle; restore: the reverse). */
function remapRow(spec: BundleTableSpec, shape: TableShape, columns: string[], row: SqlValue[], maps: IdMaps, skipSelf: boolean): SqlValue[] {
  return row.map((value, i) => {
    const col = columns[i] ?? '';
    const where = `${spec.table}.${col}`;
    const ref = shape.refs.get(col);
    if (ref !== undefined) {
      if (skipSelf && ref === spec.table) return null;
      if (shape.soft.has(col) && value !== null && !maps.get(ref)?.has(Number(value))) return value;
      return mapId(maps, ref, value, where);
    }
    const list = spec.idLists?.[col];
    if (list !== undefined) return mapIdList(maps, list, value, where);
    if (spec.polymorphic && col === spec.polymorphic.column && value !== null) {
      const entity = row[columns.indexOf(spec.polymorphic.by)];
      const table = spec.polymorphic.tables[String(entity)];
      // an entity that is no longer part of the review (deleted) keeps its historical id
      return table && maps.get(table)?.has(Number(value)) ? mapId(maps, table, value, where) : value;
    }
    return value;
  });
}

export function exportBundle(db: Db, reviewId: number, now: () => string = () => new Date().toISOString()): Bundle {
  const maps: IdMaps = new Map();
  const tables: BundleTable[] = [];
  const read = db.transaction(() => {
    for (const spec of BUNDLE_TABLES) {
      if (!tableExists(db, spec.table)) {
        if (spec.optional) continue;
        throw new BundleError(`table ${spec.table} is missing from this database`);
      }
      const shape = shapeOf(db, spec);
      const raw = db.prepare(`SELECT * FROM ${spec.table} t WHERE ${spec.where} ORDER BY ${spec.order ?? 't.id'}`).raw(true).all(reviewId) as SqlValue[][];
      const idIndex = shape.columns.indexOf('id');
      const map = new Map<number, number>();
      if (shape.hasId) raw.forEach((row, i) => map.set(Number(row[idIndex]), i + 1));
      maps.set(spec.table, map);
      const rows = raw.map((row) => {
        const mapped = remapRow(spec, shape, shape.columns, row, maps, false);
        if (shape.hasId) mapped[idIndex] = map.get(Number(row[idIndex])) ?? null;
        return mapped;
      });
      tables.push({ name: spec.table, columns: shape.columns, rows });
    }
  });
  read.deferred();
  const review = tables[0]?.rows[0];
  if (!review) throw new BundleError(`No review with id ${reviewId}.`);
  const cols = tables[0]?.columns ?? [];
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(db),
    review: { slug: String(review[cols.indexOf('slug')]), title: String(review[cols.indexOf('title')]) },
    contentHash: sha256Text(canonicalJson(tables)),
    generatedAt: now(),
    tables,
  };
}

/** Stable text: fixed key order, one row per line, so bundles diff well and round-trip to the same bytes. */
export function serializeBundle(bundle: Bundle): string {
  const { tables, ...head } = bundle;
  const headLines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const tableText = tables
    .map((t) => {
      const rows = t.rows.map((r) => `      ${JSON.stringify(r)}`).join(',\n');
      return `    {\n      "name": ${JSON.stringify(t.name)},\n      "columns": ${JSON.stringify(t.columns)},\n      "rows": [${rows ? `\n${rows}\n    ` : ''}]\n    }`;
    })
    .join(',\n');
  return `{\n${headLines.join('\n')}\n  "tables": [\n${tableText}\n  ]\n}\n`;
}

export function parseBundle(text: string): Bundle {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BundleError(`not a bundle: the file is not JSON (${(error as Error).message})`);
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) throw new BundleError(`not a valid bundle: ${bundleProblems(parsed.error).join('; ')}`);
  if (parsed.data.tables[0]?.name !== 'review' || parsed.data.tables[0].rows.length !== 1) {
    throw new BundleError('not a valid bundle: /tables/0 must be the review table with exactly one row');
  }
  const hash = sha256Text(canonicalJson(parsed.data.tables));
  if (hash !== parsed.data.contentHash) {
    throw new BundleError(`the bundle was changed after export: its content hash is ${hash.slice(0, 12)}…, the file says ${parsed.data.contentHash.slice(0, 12)}…`);
  }
  return parsed.data;
}

export interface RestoreResult {
  reviewId: number;
  slug: string;
  replaced: boolean;
  rows: number;
}

// Reshaping a parsed bundle before restoring it (a copy, a restore under another slug). The content hash is not
// recomputed: it is checked when a file is parsed, and these bundles never leave the process.

/** The bundle with columns of its review row set (a column an older bundle lacks is added); head follows. */
export function withReviewRow(bundle: Bundle, values: Record<string, SqlValue>): Bundle {
  const [review, ...rest] = bundle.tables;
  if (!review || review.name !== 'review') throw new BundleError('the bundle has no review table first');
  const columns = [...review.columns];
  const row = [...(review.rows[0] ?? [])];
  for (const [column, value] of Object.entries(values)) {
    const i = columns.indexOf(column);
    if (i >= 0) row[i] = value;
    else {
      columns.push(column);
      row.push(value);
    }
  }
  const text = (column: string): string => String(row[columns.indexOf(column)] ?? '');
  return {
    ...bundle,
    review: { slug: text('slug'), title: text('title') },
    tables: [{ name: 'review', columns, rows: [row] }, ...rest],
  };
}

export function withoutTables(bundle: Bundle, names: ReadonlySet<string>): Bundle {
  return { ...bundle, tables: bundle.tables.filter((t) => !names.has(t.name)) };
}

/** Keeps the rows of one table for which `keep` (given the row by column name) is true. */
export function filterRows(bundle: Bundle, table: string, keep: (row: Record<string, SqlValue>) => boolean): Bundle {
  return {
    ...bundle,
    tables: bundle.tables.map((t) => (t.name !== table ? t : {
      ...t, rows: t.rows.filter((r) => keep(Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])))),
    })),
  };
}

/** Deletes a review and everything in it, its audit log included; rows SQLite's cascades do not reach go first. */
export function deleteReviewRows(db: Db, reviewId: number): void {
  for (const spec of BUNDLE_TABLES) {
    if (!tableExists(db, spec.table)) continue;
    for (const sql of spec.beforeDelete ?? []) db.prepare(sql).run(reviewId);
  }
  db.prepare('DELETE FROM audit_event WHERE review_id = ?').run(reviewId);
  db.prepare('DELETE FROM review WHERE id = ?').run(reviewId);
}

export interface RestoreOptions {
  replace?: boolean;
  actor?: string;
  now?: () => string;
  /** records the restored review's creation instead of the default event outside its log (a copy starts its own) */
  recordCreated?: (reviewId: number) => void;
}

export function restoreBundle(db: Db, bundle: Bundle, options: RestoreOptions = {}): RestoreResult {
  const now = options.now ?? (() => new Date().toISOString());
  const specs = new Map(BUNDLE_TABLES.map((s) => [s.table, s]));
  for (const t of bundle.tables) {
    if (!specs.has(t.name)) throw new BundleError(`the bundle has a table "${t.name}" this version of the workbench does not know; upgrade the workbench`);
    if (!tableExists(db, t.name)) throw new BundleError(`the bundle has table "${t.name}", which this database does not have yet; upgrade the workbench`);
  }
  // a slug goes into URLs and download headers: one from a file is held to the rule for one made in the app
  const reviewTable = bundle.tables.find((t) => t.name === 'review');
  const slugs = [bundle.review.slug, ...(reviewTable?.rows.map((r) => r[reviewTable.columns.indexOf('slug')]) ?? [])];
  for (const slug of slugs) {
    if (typeof slug !== 'string' || !REVIEW_SLUG_PATTERN.test(slug)) {
      throw new BundleError(`the bundle's review slug ${JSON.stringify(slug)} is not valid: use lower-case letters, digits and hyphens, at most 80`);
    }
  }
  const existing = db.prepare('SELECT id FROM review WHERE slug = ?').get(bundle.review.slug) as { id: number } | undefined;
  if (existing && !options.replace) {
    throw new BundleError(`a review "${bundle.review.slug}" is already in this database (id ${existing.id}); pass --replace to overwrite it`);
  }
  return db.transaction((): RestoreResult => {
    // the replaced review's own history goes with it, so it is not mistaken for the restored one's
    if (existing) deleteReviewRows(db, existing.id);
    const maps: IdMaps = new Map();
    let count = 0;
    for (const t of bundle.tables) {
      const spec = specs.get(t.name);
      if (!spec) continue;
      const shape = shapeOf(db, spec);
      const unknown = t.columns.filter((c) => !shape.columns.includes(c));
      if (unknown.length > 0) throw new BundleError(`table ${t.name}: this database has no column ${unknown.join(', ')}`);
      const idIndex = t.columns.indexOf('id');
      const insertCols = t.columns.filter((c) => c !== 'id');
      const insert = db.prepare(`INSERT INTO ${t.name} (${insertCols.map((c) => `"${c}"`).join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')})`);
      const mergeIndex = spec.mergeOn ? t.columns.indexOf(spec.mergeOn) : -1;
      const findMerge = spec.mergeOn ? db.prepare(`SELECT id FROM ${t.name} WHERE "${spec.mergeOn}" = ?`) : undefined;
      const selfCols = t.columns.filter((c) => shape.refs.get(c) === t.name);
      const map = new Map<number, number>();
      maps.set(t.name, map);
      const pendingSelf: { newId: number; row: SqlValue[] }[] = [];
      for (const row of t.rows) {
        if (findMerge && mergeIndex >= 0) {
          const found = findMerge.get(row[mergeIndex]) as { id: number } | undefined;
          if (found) {
            map.set(Number(row[idIndex]), found.id);
            continue;
          }
        }
        const mapped = remapRow(spec, shape, t.columns, row, maps, true);
        const values = mapped.filter((_, i) => i !== idIndex);
        const result = insert.run(...values);
        const newId = Number(result.lastInsertRowid);
        if (idIndex >= 0) map.set(Number(row[idIndex]), newId);
        if (selfCols.length > 0) pendingSelf.push({ newId, row });
        count++;
      }
      for (const col of selfCols) {
        const update = db.prepare(`UPDATE ${t.name} SET "${col}" = ? WHERE id = ?`);
        const i = t.columns.indexOf(col);
        for (const { newId, row } of pendingSelf) {
          if (row[i] !== null && row[i] !== undefined) update.run(mapId(maps, t.name, row[i] ?? null, `${t.name}.${col}`), newId);
        }
      }
    }
    const reviewId = maps.get('review')?.values().next().value;
    if (reviewId === undefined) throw new BundleError('the bundle has no review row');
    for (const t of bundle.tables) {
      for (const sql of specs.get(t.name)?.afterRestore ?? []) db.prepare(sql).run(reviewId);
    }
    if (options.recordCreated) options.recordCreated(reviewId);
    else {
      // recorded outside the review's own log (review_id NULL) so that the restored review's history stays exactly
      // what was exported
      db.prepare(`INSERT INTO audit_event (at, actor, review_id, entity, entity_id, action, before_json, after_json)
        VALUES (?, ?, NULL, 'review', ?, 'create', NULL, ?)`).run(
        now(), options.actor ?? 'restore', reviewId,
        JSON.stringify({ restoredFrom: bundle.review.slug, contentHash: bundle.contentHash, replaced: existing !== undefined }),
      );
    }
    return { reviewId, slug: bundle.review.slug, replaced: existing !== undefined, rows: count };
  })();
}
