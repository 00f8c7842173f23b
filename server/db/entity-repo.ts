// One repository shape for every ordered, versioned entity (bands, frameworks, phases, stages, alignments):
// all of their SQL is built here once from a column map and prepared once, so versioning, ordering and the
// audit log work the same way for each.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import type { AuditLog } from './audit-log.ts';

export interface VersionedEntity {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EntitySpec<T extends VersionedEntity> {
  entity: string;
  table: string;
  /** camelCase field → SQL column, for every field of T */
  columns: { [K in keyof T & string]: string };
  /** the field that names the parent whose children are ordered together (absent: not ordered) */
  parent?: keyof T & string;
  /** SQL selecting the review id of the row whose id is the one parameter */
  reviewIdSql: string;
  /** fields stored in another form than they are read (JSON text): every other column maps 1:1 */
  codecs?: { [K in keyof T & string]?: ColumnCodec<T[K]> };
}

export interface ColumnCodec<V> {
  read(column: unknown): V;
  write(value: V): unknown;
}

type Row = Record<string, unknown>;
export type Insert<T> = Partial<Omit<T, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'position'>>;

export class EntityRepo<T extends VersionedEntity> {
  private readonly byId;
  private readonly listByParent;
  private readonly nextPosition;
  private readonly deleteById;
  private readonly reviewIdStmt;
  private readonly setPosition;
  private readonly writeCache = new Map<string, Statement<unknown[]>>();
  private readonly fields: (keyof T & string)[];

  constructor(
    private readonly db: Db,
    readonly spec: EntitySpec<T>,
    private readonly audit: AuditLog,
    private readonly now: () => string,
  ) {
    const { table, parent, columns } = spec;
    this.fields = Object.keys(columns) as (keyof T & string)[];
    const order = 'position' in columns ? 'position, id' : 'id';
    this.byId = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    this.listByParent = parent ? db.prepare(`SELECT * FROM ${table} WHERE ${columns[parent]} = ? ORDER BY ${order}`) : null;
    this.nextPosition = parent && 'position' in columns
      ? db.prepare(`SELECT coalesce(max(position), -1) + 1 AS next FROM ${table} WHERE ${columns[parent]} = ?`)
      : null;
    this.deleteById = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    this.reviewIdStmt = db.prepare(spec.reviewIdSql);
    // A reorder does not bump versions: order belongs to the parent's list (the reorder call names all of it), and a
    // rename sent just after someone moved the row is not a conflict with that move.
    this.setPosition = 'position' in columns
      ? db.prepare(`UPDATE ${table} SET position = ?, updated_at = ? WHERE id = ? AND position <> ?`)
      : null;
  }

  private toEntity(row: Row): T {
    const out: Row = {};
    for (const field of this.fields) {
      const value = row[this.spec.columns[field]];
      const codec = this.spec.codecs?.[field];
      out[field] = codec ? codec.read(value) : value;
    }
    return out as T;
  }

  get(id: number): T | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row ? this.toEntity(row) : undefined;
  }

  /** The entity, or a 404 when it does not exist or belongs to another review. */
  require(id: number, reviewId?: number): T {
    const found = this.get(id);
    if (!found || (reviewId !== undefined && this.reviewIdOf(id) !== reviewId)) throw notFound(this.spec.entity, id);
    return found;
  }

  reviewIdOf(id: number): number | undefined {
    const row = this.reviewIdStmt.get(id) as { reviewId: number } | undefined;
    return row?.reviewId;
  }

  /** A prepared query over this entity's table (aliased `t`) returning entities: `rest` is joins/WHERE/ORDER. */
  query(rest: string): (...params: unknown[]) => T[] {
    const stmt = this.db.prepare(`SELECT t.* FROM ${this.spec.table} t ${rest}`);
    return (...params) => (stmt.all(...params) as Row[]).map((r) => this.toEntity(r));
  }

  list(parentId: number): T[] {
    if (!this.listByParent) throw new Error(`${this.spec.entity} has no parent to list by`);
    return (this.listByParent.all(parentId) as Row[]).map((r) => this.toEntity(r));
  }

  private statement(kind: string, keys: string[], sql: () => string) {
    const cacheKey = `${kind}:${keys.join(',')}`;
    let stmt = this.writeCache.get(cacheKey);
    if (!stmt) {
      stmt = this.db.prepare<unknown[]>(sql());
      this.writeCache.set(cacheKey, stmt);
    }
    return stmt;
  }

  private columnValues(values: Partial<T>): { keys: (keyof T & string)[]; params: unknown[] } {
    const keys = (Object.keys(values) as (keyof T & string)[]).filter(
      (k) => values[k] !== undefined && k in this.spec.columns && !['id', 'version', 'createdAt', 'updatedAt'].includes(k),
    );
    return { keys, params: keys.map((k) => {
      const codec = this.spec.codecs?.[k];
      return codec ? codec.write(values[k] as T[typeof k]) : values[k];
    }) };
  }

  create(values: Insert<T>, actor: string): T {
    const { table, columns, parent } = this.spec;
    const withPosition: Partial<T> = { ...(values as Partial<T>) };
    if (this.nextPosition && parent) {
      const next = this.nextPosition.get(values[parent as keyof Insert<T>]) as { next: number };
      (withPosition as Row).position = next.next;
    }
    const { keys, params } = this.columnValues(withPosition);
    const now = this.now();
    const stmt = this.statement('insert', keys, () => {
      const cols = [...keys.map((k) => columns[k]), 'created_at', 'updated_at'];
      return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    });
    const { lastInsertRowid } = stmt.run(...params, now, now);
    const created = this.get(Number(lastInsertRowid)) as T;
    this.audit.record(actor, this.reviewIdOf(created.id), this.spec.entity, created.id, 'create', null, created);
    return created;
  }

  update(id: number, patch: Partial<T>, expectedVersion: number, actor: string): T {
    const before = this.get(id);
    if (!before) throw notFound(this.spec.entity, id);
    if (before.version !== expectedVersion) {
      throw conflict(this.spec.entity, id, expectedVersion, before, before.version);
    }
    const { keys, params } = this.columnValues(patch);
    const stmt = this.statement('update', keys, () => {
      const sets = [...keys.map((k) => `${this.spec.columns[k]} = ?`), 'version = version + 1', 'updated_at = ?'];
      return `UPDATE ${this.spec.table} SET ${sets.join(', ')} WHERE id = ? AND version = ?`;
    });
    stmt.run(...params, this.now(), id, expectedVersion);
    const after = this.get(id) as T;
    this.audit.record(actor, this.reviewIdOf(id), this.spec.entity, id, 'update', before, after);
    return after;
  }

  remove(id: number, expectedVersion: number | undefined, actor: string): T {
    const before = this.get(id);
    if (!before) throw notFound(this.spec.entity, id);
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw conflict(this.spec.entity, id, expectedVersion, before, before.version);
    }
    const reviewId = this.reviewIdOf(id);
    this.deleteById.run(id);
    this.audit.record(actor, reviewId, this.spec.entity, id, 'delete', before, null);
    return before;
  }

  /** Puts the parent's children in the given order; the list must name each child exactly once. */
  reorder(parentId: number, ids: number[], actor: string): T[] {
    if (!this.setPosition) throw new Error(`${this.spec.entity} is not ordered`);
    const before = this.list(parentId);
    const current = new Set(before.map((e) => e.id));
    const given = new Set(ids);
    if (given.size !== ids.length) throw unprocessable('/body/ids', 'lists an id more than once');
    const missing = [...current].filter((x) => !given.has(x));
    const foreign = ids.filter((x) => !current.has(x));
    if (missing.length || foreign.length) {
      const parts = [
        missing.length ? `missing ${missing.join(', ')}` : '',
        foreign.length ? `not children of ${parentId}: ${foreign.join(', ')}` : '',
      ].filter(Boolean);
      throw unprocessable('/body/ids', `must list every ${this.spec.entity} exactly once (${parts.join('; ')})`);
    }
    const now = this.now();
    ids.forEach((id, position) => this.setPosition?.run(position, now, id, position));
    const after = this.list(parentId);
    const reviewId = before[0] ? this.reviewIdOf(before[0].id) : undefined;
    this.audit.record(actor, reviewId, this.spec.entity, null, 'reorder', before.map((e) => e.id), ids);
    return after;
  }
}
