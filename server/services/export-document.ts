// Assembles what an export needs from the database (snapshot, crosswalk, provenance, references) and renders it;
// the CLI and the HTTP route both call this, so a file is the same whichever way it was asked for.
import { buildCrosswalk, type ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';
import { renderBinary } from '../../shared/export/binary.ts';
import {
  exportFileName, findTarget, FORMAT_INFO, type CitationStyle, type ExportData, type ExportFormat, type Layout,
} from '../../shared/export/documents.ts';
import type { Provenance } from '../../shared/export/provenance.ts';
import { ExportFormatError, renderText } from '../../shared/export/render.ts';
import { canonicalJson, sha256Text, snapshotHash } from '../../shared/snapshot-hash.ts';
import type { Repositories } from '../db/repositories.ts';
import { APP_VERSION } from '../version.ts';
import { citationService } from './citations.ts';
import type { BibliographyScope } from '../../shared/citations/model.ts';

export interface ExportRequest {
  what: string;
  format: ExportFormat;
  layout: Layout;
  style: CitationStyle;
  caption?: string;
  bom?: boolean;
  /** framework ids of the two models of a pairwise export */
  pair?: { a: number; b: number };
  /** false: the table alone, without the reference list (default true) */
  references?: boolean;
}

export interface ExportFile {
  body: string | Uint8Array;
  mediaType: string;
  fileName: string;
}

export { ExportFormatError };

/**
 * The references below a table, formatted by the citations service in the chosen style: the source models' for the
 * crosswalk, coverage and pairwise tables, the target framework's for Table 2. Figures and SSSOM carry none.
 */
function referencesFor(repos: Repositories, reviewId: number, what: string, style: CitationStyle): string[] {
  const scope: BibliographyScope | undefined =
    what === 'stages' ? 'target' : what === 'crosswalk' || what === 'coverage' || what === 'pairwise' ? 'models' : undefined;
  if (!scope) return [];
  const service = citationService(repos);
  // citation-js takes ~20 ms an entry; the same references in the same style always format the same
  const key = `${scope}|${style}|${sha256Text(canonicalJson(service.scoped(reviewId, scope).map((c) => [c.citekey, c.csl])))}`;
  const cached = referenceCache.get(key);
  if (cached) return cached;
  const texts = service.bibliography(reviewId, scope, style).entries.map((e) => e.text);
  if (referenceCache.size >= 64) referenceCache.delete(referenceCache.keys().next().value ?? '');
  referenceCache.set(key, texts);
  return texts;
}
const referenceCache = new Map<string, string[]>();

export function provenanceOf(snapshot: ReviewSnapshot, now: () => string = () => new Date().toISOString()): Provenance {
  return {
    reviewSlug: snapshot.review.slug,
    reviewTitle: snapshot.review.title,
    snapshotHash: snapshotHash(snapshot),
    appVersion: APP_VERSION,
    generatedAt: now(),
  };
}

export async function renderExport(repos: Repositories, reviewId: number, req: ExportRequest, now?: () => string): Promise<ExportFile> {
  const def = findTarget(req.what);
  if (!def) throw new ExportFormatError(`unknown export "${req.what}"`);
  const info = FORMAT_INFO[req.format];
  const withReferences = req.references !== false && (info.binary || ['tex', 'html', 'json'].includes(req.format));
  // one read transaction: the table and its references come from the same state even while others write
  const { snapshot, references } = repos.db.transaction(() => ({
    snapshot: repos.snapshot(reviewId),
    references: withReferences ? referencesFor(repos, reviewId, def.what, req.style) : [],
  })).deferred();
  const data: ExportData = { snapshot, crosswalk: buildCrosswalk(snapshot), layout: req.layout, caption: req.caption, pair: req.pair };
  if (def.what === 'pairwise') {
    const sources = new Set(data.crosswalk.models.map((m) => m.framework.id));
    if (req.pair && (!sources.has(req.pair.a) || !sources.has(req.pair.b))) {
      throw new ExportFormatError(`pairwise: models ${req.pair.a} and ${req.pair.b} must both be source models of this review`);
    }
    if (sources.size < 2) throw new ExportFormatError('pairwise: the review needs at least two source models');
  }
  const ctx = {
    provenance: provenanceOf(snapshot, now),
    references,
    bom: req.bom,
  };
  const body = info.binary ? await renderBinary(def, req.format, data, ctx) : renderText(def, req.format, data, ctx);
  return {
    body,
    mediaType: info.mediaType,
    fileName: exportFileName(snapshot.review.slug, def.what, req.format, def.layouts ? req.layout : undefined),
  };
}
