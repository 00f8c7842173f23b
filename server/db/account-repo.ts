// Accounts, sessions and failed sign-ins (0007_accounts.sql). Times are epoch-based ISO strings from the wall
// clock, never the repositories' injectable clock: a lockout or an expiry must pass in real time.
import type { Db } from './connection.ts';

export interface AccountRow {
  reviewerId: number;
  name: string;
  passwordHash: string;
  createdAt: string;
}

export type AccountRepo = ReturnType<typeof createAccountRepo>;

export function createAccountRepo(db: Db) {
  const byName = db.prepare(
    `SELECT a.reviewer_id AS reviewerId, r.name, a.password_hash AS passwordHash, a.created_at AS createdAt
       FROM account a JOIN reviewer r ON r.id = a.reviewer_id WHERE r.name = ?`);
  const all = db.prepare(
    `SELECT a.reviewer_id AS reviewerId, r.name, a.password_hash AS passwordHash, a.created_at AS createdAt
       FROM account a JOIN reviewer r ON r.id = a.reviewer_id ORDER BY r.name`);
  const upsert = db.prepare(
    `INSERT INTO account (reviewer_id, password_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (reviewer_id) DO UPDATE SET password_hash = excluded.password_hash`);
  const remove = db.prepare('DELETE FROM account WHERE reviewer_id = ?');
  const removeSessionsOf = db.prepare('DELETE FROM session WHERE reviewer_id = ?');
  const insertSession = db.prepare('INSERT INTO session (token_hash, reviewer_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const sessionByHash = db.prepare(
    `SELECT s.reviewer_id AS reviewerId, r.name FROM session s JOIN reviewer r ON r.id = s.reviewer_id
       JOIN account a ON a.reviewer_id = s.reviewer_id WHERE s.token_hash = ? AND s.expires_at > ?`);
  const deleteSession = db.prepare('DELETE FROM session WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM session WHERE expires_at <= ?');
  const failure = db.prepare('SELECT failures, locked_until AS lockedUntil FROM sign_in_failure WHERE name = ?');
  const setFailure = db.prepare(
    `INSERT INTO sign_in_failure (name, failures, locked_until) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`);
  const clearFailure = db.prepare('DELETE FROM sign_in_failure WHERE name = ?');
  const reviewerByName = db.prepare('SELECT id FROM reviewer WHERE name = ?');
  const insertReviewer = db.prepare('INSERT INTO reviewer (name, email, created_at) VALUES (?, NULL, ?)');
  const teamsOf = db.prepare(
    `SELECT v.slug, rr.role FROM review_reviewer rr JOIN review v ON v.id = rr.review_id
       WHERE rr.reviewer_id = ? AND v.deleted_at IS NULL ORDER BY v.slug`);
  const memberOf = db.prepare('SELECT review_id AS reviewId FROM review_reviewer WHERE reviewer_id = ?');

  return {
    /** The reviewer row with this name, made when there is none (names are unique). */
    ensureReviewer(name: string, now: string): number {
      const row = reviewerByName.get(name) as { id: number } | undefined;
      return row ? row.id : Number(insertReviewer.run(name, now).lastInsertRowid);
    },
    teams: (reviewerId: number): { slug: string; role: string }[] => teamsOf.all(reviewerId) as { slug: string; role: string }[],
    byName: (name: string): AccountRow | undefined => byName.get(name) as AccountRow | undefined,
    list: (): AccountRow[] => all.all() as AccountRow[],
    setPassword(reviewerId: number, passwordHash: string, now: string): void {
      upsert.run(reviewerId, passwordHash, now);
      // a new password ends every session made with the old one
      removeSessionsOf.run(reviewerId);
    },
    remove(reviewerId: number): void {
      removeSessionsOf.run(reviewerId);
      remove.run(reviewerId);
    },
    addSession(tokenHash: string, reviewerId: number, now: string, expiresAt: string): void {
      deleteExpired.run(now);
      insertSession.run(tokenHash, reviewerId, now, expiresAt);
    },
    session: (tokenHash: string, now: string): { reviewerId: number; name: string } | undefined =>
      sessionByHash.get(tokenHash, now) as { reviewerId: number; name: string } | undefined,
    endSession: (tokenHash: string): void => void deleteSession.run(tokenHash),
    failure: (name: string): { failures: number; lockedUntil: string | null } | undefined =>
      failure.get(name) as { failures: number; lockedUntil: string | null } | undefined,
    setFailure: (name: string, failures: number, lockedUntil: string | null): void => void setFailure.run(name, failures, lockedUntil),
    clearFailure: (name: string): void => void clearFailure.run(name),
    reviewsOf: (reviewerId: number): Set<number> => new Set((memberOf.all(reviewerId) as { reviewId: number }[]).map((r) => r.reviewId)),
  };
}
