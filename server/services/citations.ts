// Citations of a review: adding (paste, form, DOI), keys, formatting, links and bibliographies. Parsing and
// formatting are pure (shared/citations/); this module holds the I/O: the style files, doi.org and the database.
import fs from 'node:fs';
import path from 'node:path';
import type { Repositories } from '../db/repositories.ts';
import { createCitationRepo, type CitationRepo } from '../db/citation-repo.ts';
import { HttpProblem, notFound, unprocessable } from '../http/problem.ts';
import { ROOT } from '../paths.ts';
import type { CslItem } from '../../shared/csl.ts';
import { isFailure, type ParsedRecord, type RecordFailure } from '../../shared/literature/types.ts';
import { baseCitekey, uniqueCitekey } from '../../shared/citations/citekey.ts';
import { createFormatter, type Formatter } from '../../shared/citations/format.ts';
import type {
  Bibliography, BibliographyFormat, BibliographyScope, Citation, CitationLink, CitationStyle, DoiResult, Formatted,
  ImportResult, LinkTarget, LinkedCitation, PasteFormat,
} from '../../shared/citations/model.ts';
import { citekeySchema } from '../../shared/citations/model.ts';
import { normalizeCsl, normalizeDoi } from '../../shared/citations/normalize.ts';
import { createRecordParser, detectPasteFormat, splitMixedPaste, splitRecords, writeBibtex, writeRis, type CitationRecordParser, type PastePiece } from '../../shared/citations/parse-adapter.ts';
import { lookupDoi, trimDoiRecord, type DoiLookup } from './citations-doi.ts';

export const CSL_DIR = path.join(ROOT, 'fixtures', 'csl');

let formatter: Formatter | undefined;
export function citationFormatter(): Formatter {
  formatter ??= createFormatter({
    styles: {
      apa: fs.readFileSync(path.join(CSL_DIR, 'apa.csl'), 'utf8'),
      harvard: fs.readFileSync(path.join(CSL_DIR, 'harvard-cite-them-right.csl'), 'utf8'),
      vancouver: fs.readFileSync(path.join(CSL_DIR, 'vancouver.csl'), 'utf8'),
    },
    locales: { 'en-GB': fs.readFileSync(path.join(CSL_DIR, 'locales-en-GB.xml'), 'utf8') },
  });
  return formatter;
}

export type Lookup = (doi: string) => Promise<DoiLookup>;

const FORMATTED_CACHE_SIZE = 2000;

const services = new WeakMap<Repositories, CitationService>();

/** One service per set of repositories, so its statements are prepared once. */
export function citationService(repos: Repositories, now: () => string = () => new Date().toISOString()): CitationService {
  let service = services.get(repos);
  if (!service) {
    service = new CitationService(repos, createCitationRepo(repos, now));
    services.set(repos, service);
  }
  return service;
}

export interface ExportFile {
  content: string;
  contentType: string;
  extension: string;
}

export class CitationService {
  constructor(readonly repos: Repositories, readonly citations: CitationRepo) {}

  private requireReview(reviewId: number): void {
    this.repos.reviews.require(reviewId);
  }

  list(reviewId: number): Citation[] {
    this.requireReview(reviewId);
    return this.citations.list(reviewId);
  }

  require(reviewId: number, id: number): Citation {
    this.requireReview(reviewId);
    return this.citations.require(id, reviewId);
  }

  /** Stores a reference under the given key (409 if taken) or a new stable one (murray2010, murray2010a, …). */
  create(reviewId: number, csl: CslItem, citekey: string | undefined, actor: string): Citation {
    this.requireReview(reviewId);
    const item = normalizeCsl(csl);
    if (citekey !== undefined && this.citations.keyTaken(reviewId, citekey)) {
      throw new HttpProblem(409, 'Conflict', `The citation key "${citekey}" is already used in this review; choose another or leave it empty.`, {
        errors: [{ pointer: '/body/citekey', message: 'is already used in this review' }],
      });
    }
    const taken = (k: string): boolean => this.citations.keyTaken(reviewId, k);
    // A key the source already used (a BibTeX key) is kept when it is free, so manuscripts citing it still work.
    const sourceKey = item['citation-key'];
    const reusable = sourceKey !== undefined && citekeySchema.safeParse(sourceKey).success && !taken(sourceKey);
    const key = citekey ?? (reusable ? sourceKey : uniqueCitekey(baseCitekey(item), taken));
    delete item['citation-key'];
    return this.citations.create(reviewId, key, item, actor);
  }

  update(reviewId: number, id: number, patch: { csl?: CslItem; citekey?: string }, version: number, actor: string): Citation {
    const current = this.require(reviewId, id);
    if (patch.citekey !== undefined && patch.citekey !== current.citekey && this.citations.keyTaken(reviewId, patch.citekey)) {
      throw new HttpProblem(409, 'Conflict', `The citation key "${patch.citekey}" is already used in this review.`, {
        errors: [{ pointer: '/body/citekey', message: 'is already used in this review' }],
      });
    }
    return this.citations.update(id, { citekey: patch.citekey, csl: patch.csl ? normalizeCsl(patch.csl) : undefined }, version, actor);
  }

  remove(reviewId: number, id: number, version: number | undefined, actor: string): void {
    this.require(reviewId, id);
    this.citations.remove(id, version, actor);
  }

  /**
   * Parses each pasted record on its own, looks DOIs up (outside any transaction: it waits on the network), then
   * stores every good record in one transaction. Failures carry the record's position and the reason.
   */
  async importText(reviewId: number, text: string, requested: PasteFormat | 'auto', actor: string, lookup: Lookup = (d) => lookupDoi(d)): Promise<ImportResult> {
    this.requireReview(reviewId);
    // a paste of several formats, or with text between the records, is read part by part, each reported on its own
    const mixed = requested === 'auto' ? splitMixedPaste(text) : undefined;
    const format = mixed?.format ?? (requested === 'auto' ? detectPasteFormat(text) : requested);
    if (!format) {
      throw unprocessable('/body/text', 'is not BibTeX, RIS, CSL-JSON, EndNote XML, MEDLINE, Web of Science, CSV or a list of DOIs (BibTeX starts with @type{, RIS with "TY  - ", CSL-JSON with [ or {)');
    }
    const pieces: PastePiece[] = mixed?.pieces ?? splitRecords(text, format).map((record): PastePiece =>
      format === 'doi' ? { kind: 'doi', record } : { kind: 'record', format, record });
    if (pieces.length === 0) throw unprocessable('/body/text', `holds no ${format} record`);
    const parsers = new Map<PasteFormat, CitationRecordParser>();
    const parserFor = (f: PasteFormat): CitationRecordParser => {
      const made = parsers.get(f) ?? createRecordParser(f);
      parsers.set(f, made);
      return made;
    };
    const good: { position: number; item: CslItem; messages: string[] }[] = [];
    const failures: ImportResult['failures'] = [];
    const take = (parsed: ParsedRecord | RecordFailure): void => {
      if (isFailure(parsed)) failures.push({ position: parsed.recordNumber, reason: parsed.reason, raw: parsed.raw.slice(0, 2000) });
      else good.push({ position: parsed.recordNumber, item: parsed.item, messages: parsed.warnings });
    };
    let unreachable: string | undefined;
    for (const piece of pieces) {
      const { record } = piece;
      if (piece.kind === 'failure') {
        failures.push({ position: record.recordNumber, reason: piece.reason, raw: record.raw.slice(0, 2000) });
        continue;
      }
      if (piece.kind === 'doi') {
        const doi = normalizeDoi(record.raw);
        if (!doi) {
          failures.push({ position: record.recordNumber, reason: `"${record.raw}" is not a DOI (10.prefix/suffix)`, raw: record.raw });
          continue;
        }
        // once doi.org is unreachable, the other DOIs are kept without waiting on it again
        const found: DoiLookup = unreachable ? { ok: false, message: unreachable } : await lookup(doi);
        if (!found.ok && /^(Could not reach|doi\.org did not answer)/.test(found.message)) unreachable = found.message;
        good.push(found.ok
          ? { position: record.recordNumber, item: normalizeCsl({ ...trimDoiRecord(found.item), DOI: doi }, { markupToText: true }), messages: [] }
          : { position: record.recordNumber, item: normalizeCsl({ type: 'article-journal', DOI: doi }), messages: [found.message] });
        continue;
      }
      const parsed = parserFor(piece.format).parse(record);
      if (parsed !== null) take(parsed);
    }
    for (const parser of parsers.values()) for (const late of parser.end()) take(late);
    good.sort((a, b) => a.position - b.position);
    failures.sort((a, b) => a.position - b.position);
    return this.repos.db.transaction(() => {
      const created: Citation[] = [];
      const warnings: ImportResult['warnings'] = [];
      for (const g of good) {
        const citation = this.create(reviewId, g.item, undefined, actor);
        created.push(citation);
        if (g.messages.length) warnings.push({ position: g.position, citekey: citation.citekey, messages: g.messages });
      }
      return { format, created, failures, warnings };
    })();
  }

  /** Adds a citation from a DOI: with doi.org's metadata when it answers, with only the DOI when it does not. */
  async addByDoi(reviewId: number, rawDoi: string, actor: string, lookup: Lookup = (d) => lookupDoi(d)): Promise<DoiResult> {
    this.requireReview(reviewId);
    const doi = normalizeDoi(rawDoi);
    if (!doi) throw unprocessable('/body/doi', 'is not a DOI: expected 10.<prefix>/<suffix>, optionally as https://doi.org/…');
    const found = await lookup(doi);
    const item = found.ok
      ? normalizeCsl({ ...trimDoiRecord(found.item), DOI: doi }, { markupToText: true })
      : normalizeCsl({ type: 'article-journal', DOI: doi });
    const citation = this.repos.db.transaction(() => this.create(reviewId, item, undefined, actor))();
    return {
      citation,
      resolved: found.ok,
      message: found.ok ? `Found ${doi} at doi.org.` : found.message,
    };
  }

  /** Formatted references by content: citeproc takes tens of ms an entry, and chips ask for the same ones often. */
  private readonly formattedCache = new Map<string, Formatted>();

  formatted(citation: Citation, style: CitationStyle, locator = ''): Formatted {
    const key = `${style}\u0000${locator}\u0000${JSON.stringify(citation.csl)}`;
    const hit = this.formattedCache.get(key);
    if (hit) return hit;
    const f = citationFormatter();
    const entry = f.entry(citation.csl, style);
    const out: Formatted = { style, inText: f.inText(citation.csl, style, locator || undefined), html: entry.html, text: entry.text };
    if (this.formattedCache.size >= FORMATTED_CACHE_SIZE) {
      const oldest = this.formattedCache.keys().next().value;
      if (oldest !== undefined) this.formattedCache.delete(oldest);
    }
    this.formattedCache.set(key, out);
    return out;
  }

  /** Checks that the link's target exists in this review. */
  private requireTarget(reviewId: number, target: LinkTarget, targetId: number): void {
    const repo = { framework: this.repos.frameworks, phase: this.repos.phases, stage: this.repos.stages, alignment: this.repos.alignments }[target];
    if (!repo.get(targetId) || repo.reviewIdOf(targetId) !== reviewId) {
      throw unprocessable('/body/targetId', `no ${target} ${targetId} in review ${reviewId}`);
    }
  }

  attach(reviewId: number, citationId: number, link: { targetType: LinkTarget; targetId: number; locator: string; quote: string }, actor: string): CitationLink {
    this.require(reviewId, citationId);
    this.requireTarget(reviewId, link.targetType, link.targetId);
    return this.citations.link(citationId, link.targetType, link.targetId, link.locator, link.quote, actor);
  }

  detach(reviewId: number, linkId: number, actor: string): void {
    this.requireReview(reviewId);
    const link = this.citations.getLink(linkId);
    if (!link || this.citations.get(link.citationId)?.reviewId !== reviewId) throw notFound('citation link', linkId);
    this.citations.unlink(linkId, actor);
  }

  linkedTo(reviewId: number, target: LinkTarget, targetId: number, style: CitationStyle): LinkedCitation[] {
    this.requireReview(reviewId);
    this.requireTarget(reviewId, target, targetId);
    return this.citations.linksTo(target, targetId).map((link) => {
      const citation = this.citations.get(link.citationId) as Citation;
      return { ...link, citation, formatted: this.formatted(citation, style, link.locator) };
    });
  }

  linksOfReview(reviewId: number): CitationLink[] {
    this.requireReview(reviewId);
    return this.citations.linksOfReview(reviewId);
  }

  /**
   * The citations a bibliography covers, in order of first citation (what a numbered style like Vancouver
   * numbers by), then the uncited ones in the order they were added.
   */
  scoped(reviewId: number, scope: BibliographyScope): Citation[] {
    const all = this.list(reviewId);
    const byId = new Map(all.map((c) => [c.id, c]));
    const links = this.citations.linksOfReview(reviewId);
    let inScope: (l: CitationLink) => boolean = () => true;
    if (scope !== 'review') {
      const frameworks = this.repos.frameworks.list(reviewId);
      const role = scope === 'models' ? 'source' : 'target';
      const fw = new Set(frameworks.filter((f) => f.role === role).map((f) => f.id));
      const phases = new Set(this.repos.phasesOfReview(reviewId).filter((p) => fw.has(p.frameworkId)).map((p) => p.id));
      const stages = new Set(this.repos.stagesOfReview(reviewId).filter((s) => fw.has(s.frameworkId)).map((s) => s.id));
      const alignments = new Set(this.repos.alignmentsOfReview(reviewId).filter((a) => phases.has(a.phaseId)).map((a) => a.id));
      inScope = (l) =>
        (l.targetType === 'framework' && fw.has(l.targetId)) || (l.targetType === 'phase' && phases.has(l.targetId)) ||
        (l.targetType === 'stage' && stages.has(l.targetId)) || (l.targetType === 'alignment' && alignments.has(l.targetId));
    }
    const ordered: Citation[] = [];
    const seen = new Set<number>();
    for (const l of links) {
      if (!inScope(l) || seen.has(l.citationId)) continue;
      seen.add(l.citationId);
      ordered.push(byId.get(l.citationId) as Citation);
    }
    if (scope === 'review') for (const c of all) if (!seen.has(c.id)) ordered.push(c);
    return ordered;
  }

  bibliography(reviewId: number, scope: BibliographyScope, style: CitationStyle): Bibliography {
    const citations = this.scoped(reviewId, scope);
    const byKey = new Map(citations.map((c) => [c.citekey, c]));
    const entries = citationFormatter().bibliography(citations.map((c) => c.csl), style).map((e) => {
      const c = byKey.get(e.id) as Citation;
      return { citationId: c.id, citekey: c.citekey, html: e.html, text: e.text };
    });
    return { style, scope, entries };
  }

  exportBibliography(reviewId: number, format: BibliographyFormat, style: CitationStyle, scope: BibliographyScope): ExportFile {
    const citations = this.scoped(reviewId, scope);
    const keyed = citations.map((c) => ({ citekey: c.citekey, csl: c.csl }));
    switch (format) {
      case 'bibtex': return { content: writeBibtex(keyed), contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' };
      case 'ris': return { content: writeRis(keyed), contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' };
      case 'csl-json': return { content: `${JSON.stringify(citations.map((c) => c.csl), null, 2)}\n`, contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' };
      case 'text': {
        const bib = this.bibliography(reviewId, scope, style);
        return { content: bib.entries.map((e) => e.text).join('\n') + (bib.entries.length ? '\n' : ''), contentType: 'text/plain; charset=utf-8', extension: 'txt' };
      }
      case 'html': {
        const review = this.repos.reviews.require(reviewId);
        const bib = this.bibliography(reviewId, scope, style);
        const title = `References: ${review.title}`.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
        // citation-js escapes field text; its own markup is limited to <i>, <b>, <span>, <div> and <sup>/<sub>.
        const content = [
          '<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${title}</title>`,
          '<style>.csl-entry{margin:0 0 .6em 2em;text-indent:-2em}.csl-left-margin{display:inline;margin-right:.5em}.csl-right-inline{display:inline}</style>',
          '</head>', '<body>', `<h1>${title}</h1>`, '<div class="csl-bib-body">', ...bib.entries.map((e) => e.html), '</div>', '</body>', '</html>', '',
        ].join('\n');
        return { content, contentType: 'text/html; charset=utf-8', extension: 'html' };
      }
    }
  }
}
