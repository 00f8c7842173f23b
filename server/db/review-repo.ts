// The review's own SQL beyond the generic entity repository: its settings column and its team.
import type { Db } from './connection.ts';
import type { AuditLog } from './audit-log.ts';
import type { ColumnCodec } from './entity-repo.ts';
import { HttpProblem } from '../http/problem.ts';
import {
  DEFAULT_REVIEW_SETTINGS, reviewSettingsSchema, type ReviewSettings, type ReviewTeamMember,
} from '../../shared/schemas.ts';

/**
 * settings_json ↔ ReviewSettings. Reading applies the defaults, so '{}' is the default settings; a stored value
 * that no longer parses (a bundle from another version) reads as the defaults rather than failing every request.
 */
export const settingsCodec: ColumnCodec<ReviewSettings> = {
  read(column) {
    try {
      const parsed = reviewSettingsSchema.safeParse(JSON.parse(String(column ?? '{}')));
      return parsed.success ? parsed.data : structuredClone(DEFAULT_REVIEW_SETTINGS);
    } catch {
      return structuredClone(DEFAULT_REVIEW_SETTINGS);
    }
  },
  write: (value) => JSON.stringify(value),
};

function defaultInitials(name: string): string {
  return name.split(/[\s.-]+/).filter(Boolean).map((w) => (w[0] ?? '').toUpperCase()).join('').slice(0, 4);
}

export type ReviewTeam = ReturnType<typeof createReviewTeam>;

/** The people on a review (review_reviewer), each a global reviewer row found or created by name. */
export function createReviewTeam(db: Db, audit: AuditLog, now: () => string) {
  const list = db.prepare(
    `SELECT r.id, r.name, r.email, rr.position, rr.initials, rr.role FROM review_reviewer rr JOIN reviewer r ON r.id = rr.reviewer_id
     WHERE rr.review_id = ? ORDER BY rr.position, rr.id`,
  );
  const membership = db.prepare('SELECT id, position FROM review_reviewer WHERE review_id = ? AND reviewer_id = ?');
  const reviewerByName = db.prepare('SELECT id, name, email FROM reviewer WHERE name = ?');
  const insertReviewer = db.prepare('INSERT INTO reviewer (name, email, created_at) VALUES (?, ?, ?)');
  const setEmail = db.prepare('UPDATE reviewer SET email = ? WHERE id = ? AND email IS NULL');
  const nextPosition = db.prepare('SELECT coalesce(max(position), -1) + 1 AS next FROM review_reviewer WHERE review_id = ?');
  const insertMember = db.prepare('INSERT INTO review_reviewer (review_id, reviewer_id, position, created_at) VALUES (?, ?, ?, ?)');
  const deleteMember = db.prepare('DELETE FROM review_reviewer WHERE id = ?');
  const updateMember = db.prepare('UPDATE review_reviewer SET initials = ?, role = ? WHERE id = ?');

  const members = (reviewId: number): ReviewTeamMember[] => list.all(reviewId) as ReviewTeamMember[];

  return {
    list: members,

    /** Adds the person named (creating the reviewer if the name is new); 409 when they are on the team already. */
    add(reviewId: number, name: string, email: string | null | undefined, actor: string): ReviewTeamMember {
      let reviewer = reviewerByName.get(name) as { id: number; name: string; email: string | null } | undefined;
      if (!reviewer) {
        const id = Number(insertReviewer.run(name, email ?? null, now()).lastInsertRowid);
        reviewer = { id, name, email: email ?? null };
        audit.record(actor, reviewId, 'reviewer', id, 'create', null, reviewer);
      } else if (email && reviewer.email === null) {
        setEmail.run(email, reviewer.id);
        audit.record(actor, reviewId, 'reviewer', reviewer.id, 'update', reviewer, { ...reviewer, email });
      }
      const existing = membership.get(reviewId, reviewer.id) as { id: number } | undefined;
      if (existing) {
        throw new HttpProblem(409, 'Conflict', `${name} is already on the team of review ${reviewId}.`, {
          current: members(reviewId).find((m) => m.id === reviewer.id),
        });
      }
      const { next } = nextPosition.get(reviewId) as { next: number };
      const rowId = Number(insertMember.run(reviewId, reviewer.id, next, now()).lastInsertRowid);
      // initials by default from the name ("Ann Bell" → "AB"), so decisions are attributed legibly from the start
      updateMember.run(defaultInitials(name), 'reviewer', rowId);
      const member = members(reviewId).find((m) => m.id === reviewer.id) as ReviewTeamMember;
      audit.record(actor, reviewId, 'review_reviewer', rowId, 'create', null, member);
      return member;
    },

    /** Sets a member's initials or role (reviewer or lead); 404 when not on the team. */
    update(reviewId: number, reviewerId: number, change: { initials?: string; role?: 'reviewer' | 'lead' }, actor: string): ReviewTeamMember {
      const row = membership.get(reviewId, reviewerId) as { id: number } | undefined;
      const before = members(reviewId).find((m) => m.id === reviewerId);
      if (!row || !before) throw new HttpProblem(404, 'Not Found', `Reviewer ${reviewerId} is not on the team of review ${reviewId}.`);
      updateMember.run(change.initials ?? before.initials, change.role ?? before.role, row.id);
      const after = members(reviewId).find((m) => m.id === reviewerId) as ReviewTeamMember;
      audit.record(actor, reviewId, 'review_reviewer', row.id, 'update', before, after);
      return after;
    },

    /** Takes the reviewer off the team (the person stays, with any alignments they made); 404 when not on it. */
    remove(reviewId: number, reviewerId: number, actor: string): void {
      const row = membership.get(reviewId, reviewerId) as { id: number } | undefined;
      if (!row) throw new HttpProblem(404, 'Not Found', `Reviewer ${reviewerId} is not on the team of review ${reviewId}.`);
      const before = members(reviewId).find((m) => m.id === reviewerId);
      deleteMember.run(row.id);
      audit.record(actor, reviewId, 'review_reviewer', row.id, 'delete', before, null);
    },
  };
}
