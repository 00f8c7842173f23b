// Decisions made in another tool, as CSV: one row per decision (item key — DOI, the record's source id, or title +
// year — reviewer, stage, decision, reason), or Rayyan's export, where a row is a record and its notes column holds
// every reviewer's vote (RAYYAN-INCLUSION: {"Ann"=>"Included", "Bob"=>"Excluded"} | RAYYAN-EXCLUSION-REASONS: …).
// Covidence's per-reviewer export columns (Covidence #, Title, Published Year, DOI, Reviewer, Vote) are read as the
// generic form. A row that cannot be matched or checked is skipped and reported with its line number.
import type { Repositories } from '../db/repositories.ts';
import type { StageRow } from '../db/screening-repo.ts';
import { HttpProblem } from '../http/problem.ts';
import type { ReviewTeamMember } from '../../shared/schemas.ts';
import { normaliseDoi, normaliseText } from '../../shared/literature/dedupe-keys.ts';
import { parseDelimited } from '../../shared/models-table/parse-delimited.ts';
import type { Decision, DecisionImportReport } from '../../shared/screening/schemas.ts';
import type { ScreeningService } from './screening.ts';

const COLUMN_NAMES = {
  doi: ['doi'],
  sourceId: ['sourceid', 'id', 'key', 'covidence', 'covidenceno', 'covidencenumber', 'refid', 'recordid', 'accessionnumber'],
  title: ['title'],
  year: ['year', 'publishedyear', 'publicationyear', 'py'],
  reviewer: ['reviewer', 'reviewername', 'screener', 'voter', 'user'],
  stage: ['stage', 'phase'],
  decision: ['decision', 'vote', 'screeningdecision', 'status'],
  reason: ['reason', 'exclusionreason', 'exclusionreasons', 'reasonforexclusion'],
  notes: ['notes', 'note'],
} as const;
type Column = keyof typeof COLUMN_NAMES;

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function decisionOf(value: string): Decision | null {
  const v = squash(value);
  if (['include', 'included', 'yes', 'y', '1', 'relevant', 'accept', 'accepted'].includes(v)) return 'include';
  if (['exclude', 'excluded', 'no', 'n', '0', 'irrelevant', 'reject', 'rejected'].includes(v)) return 'exclude';
  if (['maybe', 'unsure', 'conflict'].includes(v)) return 'maybe';
  return null;
}

/** Rayyan's notes: the votes by reviewer name and the exclusion reasons. */
export function rayyanVotes(notes: string): { votes: { reviewer: string; decision: string }[]; reasons: string[] } | null {
  const inclusion = /RAYYAN-INCLUSION:\s*\{([^}]*)\}/.exec(notes);
  if (!inclusion) return null;
  const votes = [...(inclusion[1] ?? '').matchAll(/"([^"]+)"\s*=>\s*"([^"]+)"/g)].map((m) => ({ reviewer: m[1] ?? '', decision: m[2] ?? '' }));
  const reasonsText = /RAYYAN-EXCLUSION-REASONS:\s*([^|]*)/.exec(notes)?.[1] ?? '';
  return { votes, reasons: reasonsText.split(',').map((r) => r.trim()).filter(Boolean) };
}

export function importDecisions(
  repos: Repositories, screening: ScreeningService, reviewId: number, stage: StageRow | null, text: string,
): DecisionImportReport {
  const rows = parseDelimited(text, text.split('\n', 1)[0]?.includes('\t') ? '\t' : ',');
  const header = rows[0];
  if (!header) throw new HttpProblem(422, 'Unprocessable Content', '/body/text: no rows', { errors: [{ pointer: '/body/text', message: 'has no rows' }] });
  const index: Partial<Record<Column, number>> = {};
  header.cells.forEach((cell, i) => {
    const name = squash(cell);
    for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
      if (index[column] === undefined && names.includes(name)) index[column] = i;
    }
  });
  const rayyan = index.decision === undefined && index.notes !== undefined;
  if (index.decision === undefined && !rayyan) {
    throw new HttpProblem(422, 'Unprocessable Content', '/body/text: no decision column (decision, vote) and no Rayyan notes column', {
      errors: [{ pointer: '/body/text', message: 'the header names no decision column' }],
    });
  }
  const team = repos.team.list(reviewId);
  const memberOf = (name: string): ReviewTeamMember | undefined => {
    const n = name.trim().toLowerCase();
    return team.find((m) => m.name.toLowerCase() === n) ?? team.find((m) => m.initials !== '' && m.initials.toLowerCase() === n);
  };
  const stages = screening.db.stages(reviewId);
  const stageOf = (value: string): StageRow | undefined => {
    const v = value.trim().toLowerCase();
    return stages.find((s) => String(s.id) === v || s.kind === v || (s.label !== '' && s.label.toLowerCase() === v))
      ?? stages.find((s) => squash(s.kind) === squash(v));
  };
  const keys = screening.db.itemKeys(reviewId);
  const byDoi = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byTitleYear = new Map<string, number>();
  for (const k of keys) {
    if (k.doiNorm) byDoi.set(k.doiNorm, k.id);
    if (k.sourceId) bySource.set(k.sourceId, k.id);
    if (k.titleNorm) byTitleYear.set(`${k.titleNorm}|${k.year ?? ''}`, k.id);
  }
  const cell = (cells: string[], column: Column): string => {
    const i = index[column];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const itemOf = (cells: string[]): number | undefined => {
    const doi = normaliseDoi(cell(cells, 'doi'));
    if (doi && byDoi.has(doi)) return byDoi.get(doi);
    const source = cell(cells, 'sourceId');
    if (source && bySource.has(source)) return bySource.get(source);
    const title = normaliseText(cell(cells, 'title'));
    return title ? byTitleYear.get(`${title}|${cell(cells, 'year')}`) : undefined;
  };

  const report: DecisionImportReport = { imported: 0, skipped: [] };
  screening.beginBatch();
  for (const row of rows.slice(1)) {
    const skip = (reason: string): void => void report.skipped.push({ line: row.line, reason });
    const itemId = itemOf(row.cells);
    if (itemId === undefined) {
      skip('no item in the library matches its DOI, source id or title and year');
      continue;
    }
    const stageText = cell(row.cells, 'stage');
    let target = stage;
    if (stageText) {
      const named = stageOf(stageText);
      if (!named) {
        skip(`no screening stage "${stageText}"`);
        continue;
      }
      if (target && named.id !== target.id) {
        skip(`the row is for stage "${stageText}", not the stage being imported`);
        continue;
      }
      target = named;
    }
    if (!target) {
      skip('no stage: name one in a stage column or with --stage');
      continue;
    }
    const parsed = rayyan ? rayyanVotes(cell(row.cells, 'notes')) : null;
    // Rayyan keeps the reasons per record, not per reviewer: the first one goes with every exclusion
    const votes = rayyan
      ? parsed?.votes.map((v) => ({ ...v, reason: parsed.reasons[0] ?? '' }))
      : [{ reviewer: cell(row.cells, 'reviewer'), decision: cell(row.cells, 'decision'), reason: cell(row.cells, 'reason') }];
    if (!votes || votes.length === 0) {
      skip('no RAYYAN-INCLUSION votes in its notes');
      continue;
    }
    for (const vote of votes) {
      const member = memberOf(vote.reviewer);
      const decision = decisionOf(vote.decision);
      if (!member) {
        skip(vote.reviewer ? `reviewer "${vote.reviewer}" is not on the team` : 'no reviewer');
        continue;
      }
      if (!decision) {
        skip(`decision "${vote.decision}" is not include, exclude or maybe`);
        continue;
      }
      try {
        screening.decideAs(reviewId, target, member, itemId, { decision, reason: decision === 'exclude' ? vote.reason : '', note: '' });
        report.imported++;
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        skip(error.message.replace(/^\/body\//, ''));
      }
    }
  }
  screening.beginBatch();
  return report;
}
