// The PRISMA 2020 flow (new systematic reviews searching databases, registers and other sources) computed from
// counts of the records: identified per source, duplicates removed, records screened and excluded per stage,
// reports sought, assessed and excluded with reasons, studies included. A box that cannot be derived takes the
// count entered by hand, marked as entered. Box keys are those of the PRISMA2020 R package's data template
// (Haddaway et al. 2022, Campbell Systematic Reviews 18:e1230), so a CSV of them loads into its Shiny app.
import type { PrismaBox, SourceKind, StageKind } from './schemas.ts';

export const PRISMA_BOXES = [
  'database_results', 'register_results', 'other_results', 'duplicates', 'excluded_automatic', 'excluded_other',
  'records_screened', 'records_excluded', 'dbr_sought_reports', 'dbr_notretrieved_reports', 'dbr_assessed',
  'dbr_excluded', 'other_sought_reports', 'other_notretrieved_reports', 'other_assessed', 'other_excluded',
  'new_studies', 'new_reports',
] as const;
export type PrismaBoxKey = (typeof PRISMA_BOXES)[number];

/** The template's wording of each box, as the diagram prints it. */
export const PRISMA_LABELS: Record<PrismaBoxKey, string> = {
  database_results: 'Databases',
  register_results: 'Registers',
  other_results: 'Records identified from other methods (websites, organisations, citation searching, etc.)',
  duplicates: 'Duplicate records removed',
  excluded_automatic: 'Records marked as ineligible by automation tools',
  excluded_other: 'Records removed for other reasons',
  records_screened: 'Records screened',
  records_excluded: 'Records excluded',
  dbr_sought_reports: 'Reports sought for retrieval',
  dbr_notretrieved_reports: 'Reports not retrieved',
  dbr_assessed: 'Reports assessed for eligibility',
  dbr_excluded: 'Reports excluded',
  other_sought_reports: 'Reports sought for retrieval (other methods)',
  other_notretrieved_reports: 'Reports not retrieved (other methods)',
  other_assessed: 'Reports assessed for eligibility (other methods)',
  other_excluded: 'Reports excluded (other methods)',
  new_studies: 'Studies included in review',
  new_reports: 'Reports of included studies',
};

export interface PrismaSource {
  name: string;
  kind: SourceKind;
  /** every record read from this source's batches, merged duplicates included */
  records: number;
  /** of those, records merged into another as duplicates */
  duplicates: number;
  batches: number;
}

export interface BranchCounts {
  /** items in the stage's set */
  set: number;
  include: number;
  exclude: number;
  /** final exclusions per reason ('' = none given) */
  reasons: Record<string, number>;
}

export interface PrismaStage {
  kind: StageKind;
  label: string;
  /** still blind: its counts would reveal decisions, so they are not shown */
  hidden: boolean;
  dbr: BranchCounts;
  other: BranchCounts;
}

export interface PrismaInput {
  sources: PrismaSource[];
  /** in position order */
  stages: PrismaStage[];
  entered: Partial<Record<string, { count: number | null; note: string }>>;
}

type Derived = { count: number | null; note: string; reasons?: { reason: string; count: number }[] };

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

function reasonList(reasons: Record<string, number>): { reason: string; count: number }[] {
  return Object.entries(reasons)
    .map(([reason, count]) => ({ reason: reason || 'no reason given', count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Which stage is the eligibility assessment: the full-text one, else the last of two or more; -1 for none. */
export function eligibilityIndex(stages: readonly { kind: StageKind }[]): number {
  const full = stages.findIndex((s) => s.kind === 'full-text');
  if (full >= 0) return full;
  return stages.length >= 2 ? stages.length - 1 : -1;
}

function derive(input: PrismaInput): Partial<Record<PrismaBoxKey, Derived>> {
  const out: Partial<Record<PrismaBoxKey, Derived>> = {};
  const { sources, stages } = input;
  if (sources.length > 0) {
    const of = (kind: SourceKind) => sources.filter((s) => s.kind === kind);
    const list = (xs: PrismaSource[]) => xs.map((s) => `${s.name || 'unnamed source'} (n = ${s.records})`).join('; ');
    out.database_results = { count: sum(of('database').map((s) => s.records)), note: list(of('database')) };
    out.register_results = { count: sum(of('register').map((s) => s.records)), note: list(of('register')) };
    out.other_results = { count: sum(of('other').map((s) => s.records - s.duplicates)), note: list(of('other')) };
    out.duplicates = { count: sum(sources.filter((s) => s.kind !== 'other').map((s) => s.duplicates)), note: 'merged in the library' };
  }
  if (stages.length === 0) return out;
  const hiddenNote = (xs: PrismaStage[]): string | null => {
    const h = xs.filter((s) => s.hidden);
    return h.length > 0 ? `not shown until the lead unblinds ${h.map((s) => s.label || s.kind).join(', ')}` : null;
  };
  const elig = eligibilityIndex(stages);
  const screening = elig >= 0 ? stages.slice(0, elig) : stages;
  const first = screening[0];
  if (first) {
    const hidden = hiddenNote(screening);
    out.records_screened = hidden
      ? { count: null, note: hidden }
      : {
        count: first.dbr.set,
        note: screening.length > 1 ? screening.map((s) => `${s.label || s.kind}: ${s.dbr.set} screened, ${s.dbr.exclude} excluded`).join('; ') : '',
      };
    out.records_excluded = hidden ? { count: null, note: hidden } : { count: sum(screening.map((s) => s.dbr.exclude)), note: '' };
  }
  const e = elig >= 0 ? stages[elig] : undefined;
  if (e) {
    const hidden = hiddenNote(stages.slice(0, elig + 1));
    const branch = (b: BranchCounts, prefix: 'dbr' | 'other'): void => {
      out[`${prefix}_sought_reports`] = hiddenNote(stages.slice(0, elig)) ? { count: null, note: hidden ?? '' } : { count: b.set, note: '' };
      out[`${prefix}_assessed`] = hidden ? { count: null, note: hidden } : { count: b.include + b.exclude, note: '' };
      const reasons = reasonList(b.reasons);
      out[`${prefix}_excluded`] = hidden
        ? { count: null, note: hidden }
        : { count: b.exclude, note: reasons.map((r) => `${r.reason} (n = ${r.count})`).join('; '), reasons };
    };
    branch(e.dbr, 'dbr');
    branch(e.other, 'other');
  }
  const last = stages[stages.length - 1];
  if (last) {
    const hidden = hiddenNote(stages);
    const included = last.dbr.include + last.other.include;
    out.new_studies = hidden ? { count: null, note: hidden } : { count: included, note: '' };
    out.new_reports = hidden ? { count: null, note: hidden } : { count: included, note: 'one report per study (the library does not link reports to studies)' };
  }
  return out;
}

/** Every box of the template: derived where the data allow, else entered by hand, else an empty count. */
export function prismaBoxes(input: PrismaInput): Record<PrismaBoxKey, PrismaBox> {
  const derived = derive(input);
  const boxes = {} as Record<PrismaBoxKey, PrismaBox>;
  for (const key of PRISMA_BOXES) {
    const d = derived[key];
    const typed = input.entered[key];
    if (d && d.count !== null) boxes[key] = { count: d.count, entered: false, note: d.note, ...(d.reasons ? { reasons: d.reasons } : {}) };
    else if (typed) boxes[key] = { count: typed.count, entered: true, note: typed.note };
    else boxes[key] = { count: null, entered: false, note: d?.note ?? '' };
  }
  return boxes;
}
