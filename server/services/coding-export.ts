// The coding exports (coded extracts, codebook, evidence map, framework matrix), rendered by the shared renderers
// with provenance like every other export. The CLI and the HTTP route both call codingExport, so a file is the same
// whichever way it was asked for.
import { renderCsv } from '../../shared/export/csv.ts';
import { extractsTable, codebookTable, evidenceMapTable, matrixTable } from '../../shared/export/coding-tables.ts';
import { FORMAT_INFO, type ExportFormat } from '../../shared/export/documents.ts';
import { renderDocx } from '../../shared/export/docx.ts';
import { renderEvidenceMapSvg } from '../../shared/export/figures-evidence-map.ts';
import { renderHtml } from '../../shared/export/html.ts';
import type { Provenance } from '../../shared/export/provenance.ts';
import { renderTableJson } from '../../shared/export/render.ts';
import { renderXlsx } from '../../shared/export/xlsx.ts';
import { canonicalJson, sha256Text, snapshotHash } from '../../shared/snapshot-hash.ts';
import { CODING_EXPORTS, type CodingExport, type CodingExportQuery } from '../../shared/coding/schemas.ts';
import type { Repositories } from '../db/repositories.ts';
import { APP_VERSION } from '../version.ts';
import { codingOf } from './coding.ts';

/** A format the export does not have: the caller says which ones it has. */
export class CodingExportError extends Error {}

export interface CodingExportFile {
  body: string | Uint8Array;
  mediaType: string;
  fileName: string;
}

export async function codingExport(
  repos: Repositories, reviewId: number, what: CodingExport, query: CodingExportQuery, now: () => string = () => new Date().toISOString(),
): Promise<CodingExportFile> {
  const formats: readonly string[] = CODING_EXPORTS[what];
  const format = (query.format ?? formats[0]) as ExportFormat;
  if (!formats.includes(format)) throw new CodingExportError(`${what} cannot be exported as ${format}; choose ${formats.join(', ')}`);
  const coding = codingOf(repos);
  // one read transaction: the codebook, the tags and the items come from the same state even while others write
  const data = repos.db.transaction(() => {
    const snapshot = repos.snapshot(reviewId);
    const nodes = coding.codebook(reviewId);
    const tags = coding.db.liveTags(reviewId);
    const items = coding.labels(reviewId, tags);
    return { snapshot, nodes, tags, items };
  }).deferred();
  const { snapshot, nodes, tags, items } = data;

  let table;
  let payload: unknown;
  if (what === 'extracts') table = extractsTable(nodes, items, tags);
  else if (what === 'codebook') {
    table = codebookTable(nodes);
    payload = nodes;
  } else if (what === 'evidence-map') {
    const map = coding.evidenceMap(reviewId, { rows: query.rows, columns: query.columns });
    const corner = nodes.find((n) => n.ref === map.rowBranch)?.label ?? 'Code';
    table = evidenceMapTable(map, corner, `Evidence map: ${corner} × ${nodes.find((n) => n.ref === map.columnBranch)?.label ?? 'Code'}`);
    payload = map;
  } else {
    const matrix = coding.matrix(reviewId, { orientation: query.orientation ?? 'items-codes', branch: query.branch, band: query.band });
    table = matrixTable(matrix, `Framework matrix${query.band ? ` (${query.band} band)` : ''}`);
    payload = matrix;
  }
  const provenance: Provenance = {
    reviewSlug: snapshot.review.slug,
    reviewTitle: snapshot.review.title,
    // the review's tables and the coding the file shows: a new tag or code changes the hash
    snapshotHash: sha256Text(canonicalJson({ snapshot: snapshotHash(snapshot), coding: payload ?? table })),
    appVersion: APP_VERSION,
    generatedAt: now(),
  };
  let body: string | Uint8Array;
  switch (format) {
    case 'csv': body = renderCsv(table); break;
    case 'xlsx': body = await renderXlsx(table, { provenance }); break;
    case 'docx': body = await renderDocx(table, { provenance }); break;
    case 'html': body = renderHtml(table, { provenance }); break;
    case 'svg': {
      if (what !== 'evidence-map') throw new CodingExportError(`${what} has no figure`);
      body = renderEvidenceMapSvg(coding.evidenceMap(reviewId, { rows: query.rows, columns: query.columns }), table.caption);
      break;
    }
    case 'json':
      body = what === 'codebook'
        ? `${JSON.stringify({ format: 'synthesis-workbench/codebook', formatVersion: 1, provenance, nodes }, null, 2)}\n`
        : what === 'evidence-map'
          ? `${JSON.stringify({ format: 'synthesis-workbench/evidence-map', formatVersion: 1, provenance, ...(payload as object) }, null, 2)}\n`
          : renderTableJson(table, { provenance, references: [] });
      break;
    default: throw new CodingExportError(`${format} is not a coding export format`);
  }
  return { body, mediaType: FORMAT_INFO[format].mediaType, fileName: `${snapshot.review.slug}-${what}.${FORMAT_INFO[format].extension}` };
}
