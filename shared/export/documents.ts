// What can be exported: each target turns the review's data into a table (for the table formats), mappings (for
// SSSOM) or a figure (SVG). The CLI, the API and the export dialog's preview all go through these functions.
import { DERIVED_RELATION_MARKS, deriveModelCrosswalk } from '../crosswalk/compose.ts';
import { RELATION_MARKS, type Crosswalk, type ReviewSnapshot } from '../crosswalk/crosswalk.ts';
import { bandsTable, CELL_TEXT, stagesTable, type TextTable } from '../crosswalk/tables.ts';
import type { Stage } from '../schemas.ts';
import { renderCoverageSvg } from './figures-coverage.ts';
import { renderWheelSvg } from './figures-wheel.ts';
import type { SssomMappingInput } from './sssom.ts';

// Plain constants, no zod: the export dialog imports this module into the browser, where zod's eval probe trips the
// page's CSP. The request schemas built from these lists are in export-schemas.ts.
export const LAYOUTS = ['bands', 'stages'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const CITATION_STYLES = ['apa', 'harvard', 'vancouver'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'docx', 'md', 'tex', 'html', 'json', 'sssom', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  label: string;
  extension: string;
  mediaType: string;
  binary: boolean;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  csv: { label: 'CSV (Excel-safe)', extension: 'csv', mediaType: 'text/csv; charset=utf-8', binary: false },
  xlsx: { label: 'Excel workbook', extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', binary: true },
  docx: { label: 'Word document', extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', binary: true },
  md: { label: 'Markdown', extension: 'md', mediaType: 'text/markdown; charset=utf-8', binary: false },
  tex: { label: 'LaTeX', extension: 'tex', mediaType: 'application/x-tex; charset=utf-8', binary: false },
  html: { label: 'HTML page', extension: 'html', mediaType: 'text/html; charset=utf-8', binary: false },
  json: { label: 'JSON', extension: 'json', mediaType: 'application/json; charset=utf-8', binary: false },
  sssom: { label: 'SSSOM/TSV mappings', extension: 'sssom.tsv', mediaType: 'text/tab-separated-values; charset=utf-8', binary: false },
  svg: { label: 'SVG figure', extension: 'svg', mediaType: 'image/svg+xml; charset=utf-8', binary: false },
};

const TABLE_FORMATS: ExportFormat[] = ['csv', 'xlsx', 'docx', 'md', 'tex', 'html', 'json'];

/** Everything a target may draw on; the server (or the client, for previews) assembles it. */
export interface ExportData {
  snapshot: ReviewSnapshot;
  crosswalk: Crosswalk;
  layout: Layout;
  /** the user's caption; absent: the review's own */
  caption?: string;
  /** the two source models (framework ids) of a model-to-model crosswalk; absent: the first two */
  pair?: { a: number; b: number };
}

export interface ExportTargetDef {
  what: string;
  label: string;
  /** the table number in the seed paper, used in a DOCX caption ("Table 1 …") */
  tableNumber?: number;
  formats: ExportFormat[];
  /** whether --layout applies */
  layouts: boolean;
  table?: (data: ExportData) => TextTable;
  mappings?: (data: ExportData) => SssomMappingInput[];
  figure?: (data: ExportData) => string;
}

export const TABLE2_HEADER = ['Stage', 'Focus and purpose of this stage', 'Key questions for innovators', 'Success measured by…'];

/** Table 2 as the paper prints it: focus over purpose in one cell, the key question after its label. */
export function table2(stages: Stage[], caption: string): TextTable {
  return {
    caption,
    header: TABLE2_HEADER,
    rows: stages.map((s) => [
      s.name,
      [s.focus, s.purpose].filter(Boolean).join('\n'),
      s.keyLabel ? `${s.keyLabel}: ${s.keyQuestion}` : s.keyQuestion,
      s.successMeasures,
    ]),
  };
}

/** The coverage matrix as text: per model and stage, how many phases align and with which relations. */
export function coverageTable(cw: Crosswalk, caption = 'Coverage of the target stages by each source model'): TextTable {
  return {
    caption,
    header: ['Model', ...cw.stages.map((s) => s.name)],
    rows: cw.models.map((m) => [
      m.label,
      ...m.stageCells.map((cell) => {
        if (cell.state === 'no-counterpart') return CELL_TEXT.noCounterpart;
        if (cell.state === 'not-assessed') return CELL_TEXT.notAssessed;
        const marks = [...new Set(cell.entries.map((e) => RELATION_MARKS[e.relation]))];
        return `${cell.entries.length} (${marks.join(' ')})`;
      }),
    ]),
  };
}

/** The review's alignments as SSSOM mappings: phase (subject) → stage (object). */
export function alignmentMappings(data: ExportData): SssomMappingInput[] {
  const phases = new Map(data.snapshot.phases.map((p) => [p.id, p]));
  const stages = new Map(data.snapshot.stages.map((s) => [s.id, s]));
  const out: SssomMappingInput[] = [];
  for (const a of data.snapshot.alignments) {
    const phase = phases.get(a.phaseId);
    if (!phase) continue;
    const stage = a.stageId === null ? undefined : stages.get(a.stageId);
    out.push({
      subject: { prefix: 'phase', id: phase.id, label: phase.label },
      object: stage ? { prefix: 'stage', id: stage.id, label: stage.name } : null,
      relation: a.relation,
      derived: false,
      confidence: a.confidence,
      reviewerId: a.reviewerId,
      comment: a.rationale,
    });
  }
  return out;
}

/** The two models of a pairwise export: the ones asked for, else the first two source models. */
export function pairOf(data: ExportData): { a: Crosswalk['models'][number]; b: Crosswalk['models'][number] } | undefined {
  const models = data.crosswalk.models;
  const a = data.pair ? models.find((m) => m.framework.id === data.pair?.a) : models[0];
  const b = data.pair ? models.find((m) => m.framework.id === data.pair?.b) : models[1];
  return a && b ? { a, b } : undefined;
}

/** Model A × model B, derived through the target stages: one row per pair of phases that share a stage. */
export function pairwiseTable(data: ExportData): TextTable {
  const pair = pairOf(data);
  if (!pair) return { caption: data.caption || 'Model-to-model crosswalk', header: ['Phase of A', 'Relation', 'Phase of B', 'Through stages'], rows: [] };
  const derived = deriveModelCrosswalk(data.crosswalk, pair.a.framework.id, pair.b.framework.id);
  return {
    caption: data.caption || `${pair.a.label} and ${pair.b.label}, derived through the target stages`,
    header: [`Phase of ${pair.a.framework.name}`, 'Relation', `Phase of ${pair.b.framework.name}`, 'Through stages'],
    rows: derived.map((d) => [
      d.aPhaseLabel,
      `${DERIVED_RELATION_MARKS[d.relation]} ${d.relation}${d.consistent ? '' : ' (alignments contradict)'}`,
      d.bPhaseLabel,
      d.paths.map((p) => `${p.stageName} (${RELATION_MARKS[p.aRelation]}/${RELATION_MARKS[p.bRelation]})`).join('; '),
    ]),
  };
}

/** Derived mappings for SSSOM: justified by chaining, never by a reviewer. */
export function pairwiseMappings(data: ExportData): SssomMappingInput[] {
  const pair = pairOf(data);
  if (!pair) return [];
  return deriveModelCrosswalk(data.crosswalk, pair.a.framework.id, pair.b.framework.id).map((d) => ({
    subject: { prefix: 'phase', id: d.aPhaseId, label: d.aPhaseLabel },
    object: { prefix: 'phase', id: d.bPhaseId, label: d.bPhaseLabel },
    relation: d.relation,
    derived: true,
    confidence: null,
    reviewerId: null,
    comment: `through ${d.paths.map((p) => `stage:${p.stageId} ${p.stageName}`).join(', ')}${d.consistent ? '' : '; the alignments contradict each other'}`,
  }));
}

const crosswalkCaption = (d: ExportData): string | undefined => d.caption || undefined;

export const exportTargetDefs: ExportTargetDef[] = [
  {
    what: 'crosswalk',
    label: 'Crosswalk (Table 1 / stage layout)',
    tableNumber: 1,
    formats: [...TABLE_FORMATS, 'sssom'],
    layouts: true,
    table: (d) => (d.layout === 'bands' ? bandsTable(d.crosswalk, crosswalkCaption(d)) : stagesTable(d.crosswalk, crosswalkCaption(d))),
    mappings: alignmentMappings,
  },
  {
    what: 'stages',
    label: 'Target framework (Table 2)',
    tableNumber: 2,
    formats: TABLE_FORMATS,
    layouts: false,
    table: (d) => table2(d.crosswalk.stages, d.caption || d.crosswalk.targetCaption),
  },
  {
    what: 'coverage',
    label: 'Coverage matrix',
    formats: [...TABLE_FORMATS, 'svg'],
    layouts: false,
    table: (d) => coverageTable(d.crosswalk, d.caption || undefined),
    figure: (d) => renderCoverageSvg(d.crosswalk, d.caption || 'Coverage of the target stages by each source model'),
  },
  {
    what: 'pairwise',
    label: 'Model-to-model crosswalk',
    formats: [...TABLE_FORMATS, 'sssom'],
    layouts: false,
    table: pairwiseTable,
    mappings: pairwiseMappings,
  },
  {
    what: 'wheel',
    label: 'Target framework wheel (figure)',
    formats: ['svg'],
    layouts: false,
    figure: (d) => renderWheelSvg(d.crosswalk.stages, { title: d.caption || d.crosswalk.target?.name || 'Target framework' }),
  },
];

export function findTarget(what: string): ExportTargetDef | undefined {
  return exportTargetDefs.find((t) => t.what === what);
}

export function exportFileName(reviewSlug: string, what: string, format: ExportFormat, layout?: Layout): string {
  return `${reviewSlug}-${what}${layout ? `-${layout}` : ''}.${FORMAT_INFO[format].extension}`;
}
