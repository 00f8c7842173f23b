import type { Db } from './connection.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'reorder' | 'seed';

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  reviewId: number | null;
  entity: string;
  entityId: number | null;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export class AuditLog {
  private readonly insert;
  private readonly byReview;

  constructor(db: Db, private readonly now: () => string) {
    this.insert = db.prepare(
      `INSERT INTO audit_event (at, actor, review_id, entity, entity_id, action, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byReview = db.prepare(
      `SELECT id, at, actor, review_id AS reviewId, entity, entity_id AS entityId, action,
              before_json AS beforeJson, after_json AS afterJson
       FROM audit_event WHERE review_id = ? AND id > ? ORDER BY id LIMIT ?`,
    );
  }

  record(
    actor: string,
    reviewId: number | undefined | null,
    entity: string,
    entityId: number | null,
    action: AuditAction,
    before: unknown,
    after: unknown,
  ): void {
    this.insert.run(
      this.now(),
      actor,
      reviewId ?? null,
      entity,
      entityId,
      action,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
  }

  list(reviewId: number, afterId = 0, limit = 200): AuditEvent[] {
    type Row = Omit<AuditEvent, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null };
    return (this.byReview.all(reviewId, afterId, limit) as Row[]).map(({ beforeJson, afterJson, ...rest }) => ({
      ...rest,
      before: beforeJson === null ? null : JSON.parse(beforeJson),
      after: afterJson === null ? null : JSON.parse(afterJson),
    }));
  }
}
