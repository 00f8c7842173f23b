// Citations (versioned CSL-JSON with a citekey unique per review) and their links to frameworks, phases, stages
// and alignments. All citation SQL is here; callers get domain objects, never rows.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';
import type { Repositories } from './repositories.ts';
import { EntityRepo, type EntitySpec, type VersionedEntity } from './entity-repo.ts';
import type { CslItem } from '../../shared/csl.ts';
import type { Citation, CitationLink, LinkTarget } from '../../shared/citations/model.ts';
import { isFlaggedIncomplete, missingFields } from '../../shared/citations/normalize.ts';

interface CitationRow extends VersionedEntity {
  reviewId: number;
  citekey: string;
  cslJson: string;
  doi: string | null;
}

const citationSpec: EntitySpec<CitationRow> = {
  entity: 'citation',
  table: 'citation',
  columns: {
    id: 'id', reviewId: 'review_id', citekey: 'citekey', cslJson: 'csl_json', doi: 'doi',
    version: 'version', createdAt: 'created_at', updatedAt: 'updated_at',
  },
  parent: 'reviewId',
  reviewIdSql: 'SELECT review_id AS reviewId FROM citation WHERE id = ?',
};

const TARGET_COLUMN: Record<LinkTarget, string> = {
  framework: 'framework_id', phase: 'phase_id', stage: 'stage_id', alignment: 'alignment_id',
};

interface LinkRow {
  id: number;
  citation_id: number;
  framework_id: number | null;
  phase_id: number | null;
  stage_id: number | null;
  alignment_id: number | null;
  locator: string;
  quote: string;
  created_at: string;
}

function toLink(row: LinkRow): CitationLink {
  const targetType = (Object.keys(TARGET_COLUMN) as LinkTarget[]).find((t) => row[TARGET_COLUMN[t] as keyof LinkRow] !== null) as LinkTarget;
  return {
    id: row.id, citationId: row.citation_id, targetType,
    targetId: row[TARGET_COLUMN[targetType] as keyof LinkRow] as number,
    locator: row.locator, quote: row.quote, createdAt: row.created_at,
  };
}

export function toCitation(row: CitationRow): Citation {
  const csl = JSON.parse(row.cslJson) as CslItem;
  const missing = missingFields(csl);
  return {
    id: row.id, reviewId: row.reviewId, citekey: row.citekey, csl: { ...csl, id: row.citekey }, doi: row.doi,
    missing, incomplete: missing.length > 0 || isFlaggedIncomplete(csl),
    version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** The stored CSL-JSON leaves out `id`: the citekey is the item's id wherever it is formatted or exported. */
function storedJson(csl: CslItem): string {
  return JSON.stringify(Object.fromEntries(Object.entries(csl).filter(([k]) => k !== 'id')));
}

export type CitationRepo = ReturnType<typeof createCitationRepo>;

export function createCitationRepo(repos: Repositories, now: () => string) {
  const db: Db = repos.db;
  const rows = new EntityRepo<CitationRow>(db, citationSpec, repos.audit, now);
  const byKey = db.prepare('SELECT id FROM citation WHERE review_id = ? AND citekey = ?');
  const linkById = db.prepare('SELECT * FROM citation_link WHERE id = ?');
  const linksOfCitation = db.prepare('SELECT * FROM citation_link WHERE citation_id = ? ORDER BY id');
  const linksOfReview = db.prepare(
    'SELECT l.* FROM citation_link l JOIN citation c ON c.id = l.citation_id WHERE c.review_id = ? ORDER BY l.id',
  );
  const linksByTarget = Object.fromEntries(
    (Object.keys(TARGET_COLUMN) as LinkTarget[]).map((t) => [
      t,
      db.prepare<unknown[]>(`SELECT * FROM citation_link WHERE ${TARGET_COLUMN[t]} = ? ORDER BY id`),
    ]),
  ) as Record<LinkTarget, Statement<unknown[]>>;
  const insertLink = Object.fromEntries(
    (Object.keys(TARGET_COLUMN) as LinkTarget[]).map((t) => [
      t,
      db.prepare<unknown[]>(`INSERT INTO citation_link (citation_id, ${TARGET_COLUMN[t]}, locator, quote, created_at) VALUES (?, ?, ?, ?, ?)`),
    ]),
  ) as Record<LinkTarget, Statement<unknown[]>>;
  const deleteLink = db.prepare('DELETE FROM citation_link WHERE id = ?');

  const reviewOfCitation = (id: number): number | undefined => rows.reviewIdOf(id);

  return {
    get: (id: number): Citation | undefined => {
      const row = rows.get(id);
      return row ? toCitation(row) : undefined;
    },
    require: (id: number, reviewId: number): Citation => toCitation(rows.require(id, reviewId)),
    list: (reviewId: number): Citation[] => rows.list(reviewId).map(toCitation),
    keyTaken: (reviewId: number, citekey: string): boolean => byKey.get(reviewId, citekey) !== undefined,
    create(reviewId: number, citekey: string, csl: CslItem, actor: string): Citation {
      return toCitation(rows.create({ reviewId, citekey, cslJson: storedJson(csl), doi: csl.DOI ?? null }, actor));
    },
    update(id: number, patch: { citekey?: string; csl?: CslItem }, version: number, actor: string): Citation {
      const values: Partial<CitationRow> = {};
      if (patch.citekey !== undefined) values.citekey = patch.citekey;
      if (patch.csl !== undefined) {
        values.cslJson = storedJson(patch.csl);
        values.doi = patch.csl.DOI ?? null;
      }
      return toCitation(rows.update(id, values, version, actor));
    },
    remove: (id: number, version: number | undefined, actor: string): Citation => toCitation(rows.remove(id, version, actor)),

    link(citationId: number, target: LinkTarget, targetId: number, locator: string, quote: string, actor: string): CitationLink {
      const { lastInsertRowid } = insertLink[target].run(citationId, targetId, locator, quote, now());
      const link = toLink(linkById.get(Number(lastInsertRowid)) as LinkRow);
      repos.audit.record(actor, reviewOfCitation(citationId), 'citation_link', link.id, 'create', null, link);
      return link;
    },
    getLink(linkId: number): CitationLink | undefined {
      const row = linkById.get(linkId) as LinkRow | undefined;
      return row ? toLink(row) : undefined;
    },
    unlink(linkId: number, actor: string): CitationLink | undefined {
      const row = linkById.get(linkId) as LinkRow | undefined;
      if (!row) return undefined;
      const link = toLink(row);
      deleteLink.run(linkId);
      repos.audit.record(actor, reviewOfCitation(link.citationId), 'citation_link', link.id, 'delete', link, null);
      return link;
    },
    linksOf: (citationId: number): CitationLink[] => (linksOfCitation.all(citationId) as LinkRow[]).map(toLink),
    linksOfReview: (reviewId: number): CitationLink[] => (linksOfReview.all(reviewId) as LinkRow[]).map(toLink),
    linksTo: (target: LinkTarget, targetId: number): CitationLink[] =>
      (linksByTarget[target].all(targetId) as LinkRow[]).map(toLink),
  };
}
