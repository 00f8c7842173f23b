// workbench agreement --stage S: inter-rater agreement of a screening stage (percentage agreement, Cohen's kappa
// with its 95% CI per pair of reviewers, Fleiss' kappa for three or more), as text or JSON.
import type { Workbench } from '../workbench.ts';
import type { StageRow } from '../db/screening-repo.ts';
import { screeningOf } from '../services/screening.ts';
import { CliError, parseOptions, resolveReview, withWorkbench, type Command } from './common.ts';

/** --stage as an id, a kind (title, abstract, full-text, title-abstract) or a label. */
export function resolveStage(wb: Workbench, reviewId: number, ref: string | undefined): StageRow {
  if (!ref) throw new CliError('Name the stage with --stage ID|KIND (see the review\'s screening stages).');
  const stages = screeningOf(wb.repos).db.stages(reviewId);
  const v = ref.trim().toLowerCase();
  const stage = stages.find((s) => String(s.id) === v) ?? stages.find((s) => s.kind === v) ?? stages.find((s) => s.label.toLowerCase() === v);
  if (!stage) {
    throw new CliError(`No screening stage "${ref}" in review ${reviewId}; it has ${stages.map((s) => `${s.id} (${s.kind})`).join(', ') || 'none'}.`);
  }
  return stage;
}

const fixed = (x: number | null, digits: number): string => (x === null ? 'undefined' : x.toFixed(digits));

export const agreementCommand: Command = {
  name: 'agreement',
  usage: ['workbench agreement --stage ID|title|abstract|full-text [--review ID] [--json] [--db PATH]'],
  run(args, io) {
    const { values } = parseOptions(args, {
      review: { type: 'string' },
      stage: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    withWorkbench(values.db, (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const stage = resolveStage(wb, reviewId, values.stage);
      const report = screeningOf(wb.repos).agreement(reviewId, stage, null);
      const names = new Map(report.reviewers.map((r) => [r.id, r.name]));
      const pair = (p: (typeof report.pairs)[number]) => ({
        a: names.get(p.a) ?? String(p.a), b: names.get(p.b) ?? String(p.b), items: p.items,
        percentAgreement: p.percentAgreement, kappa: p.kappa, kappaCi95: p.kappaCi95, note: p.note,
      });
      if (values.json) {
        const only = report.pairs.length === 1 ? report.pairs[0] : undefined;
        const shape = {
          stage: stage.kind,
          stageId: stage.id,
          reviewers: report.reviewers.map((r) => r.name),
          items: report.items,
          ...(only ? { percentAgreement: only.percentAgreement, kappa: only.kappa, kappaCi95: only.kappaCi95, note: only.note } : {}),
          ...(report.pairs.length > 1 ? { pairs: report.pairs.map(pair), fleissKappa: report.fleissKappa, fleissNote: report.fleissNote } : {}),
        };
        io.out.write(`${JSON.stringify(shape, null, 2)}\n`);
        return;
      }
      io.out.write(`stage ${stage.id} (${stage.kind}${stage.label ? `: ${stage.label}` : ''}): ${report.items} items decided by two or more reviewers\n`);
      if (report.pairs.length === 0) io.out.write('fewer than two reviewers have decided in this stage\n');
      for (const p of report.pairs.map(pair)) {
        const ci = p.kappaCi95 ? ` (95% CI ${fixed(p.kappaCi95[0], 3)} to ${fixed(p.kappaCi95[1], 3)})` : '';
        io.out.write(`${p.a} × ${p.b}: ${p.items} items, agreement ${fixed(p.percentAgreement, 1)}%, kappa ${fixed(p.kappa, 3)}${ci}${p.note ? ` — ${p.note}` : ''}\n`);
      }
      if (report.reviewers.length >= 3) io.out.write(`Fleiss' kappa: ${fixed(report.fleissKappa, 3)}${report.fleissNote ? ` — ${report.fleissNote}` : ''}\n`);
    });
    return 0;
  },
};
