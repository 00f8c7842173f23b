// workbench screen import-decisions FILE: screening decisions made in another tool (a CSV of decisions, or
// Rayyan's export), each row matched to an item of the library and to a team member; a per-row report.
import fs from 'node:fs';
import { screeningOf } from '../services/screening.ts';
import { importDecisions } from '../services/screening-import.ts';
import { resolveStage } from './agreement.ts';
import { CliError, parseOptions, resolveReview, withWorkbench, type Command } from './common.ts';

export const screenCommand: Command = {
  name: 'screen',
  usage: ['workbench screen import-decisions FILE [--stage ID|KIND] [--review ID] [--json] [--db PATH]'],
  run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'import-decisions') throw new CliError(`workbench screen: unknown subcommand "${sub ?? ''}"; expected import-decisions.`);
    const { values, positionals } = parseOptions(rest, {
      review: { type: 'string' },
      stage: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError('workbench screen import-decisions: name one CSV file.');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    withWorkbench(values.db, (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const screening = screeningOf(wb.repos);
      const stage = values.stage === undefined ? null : resolveStage(wb, reviewId, values.stage);
      let report;
      try {
        report = wb.db.transaction(() => importDecisions(wb.repos, screening, reviewId, stage, text))();
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      if (values.json) io.out.write(`${JSON.stringify(report, null, 2)}\n`);
      else for (const s of report.skipped) io.out.write(`${file}:${s.line}: skipped: ${s.reason}\n`);
      io.err.write(`imported ${report.imported} decisions; skipped ${report.skipped.length} rows\n`);
    });
    return 0;
  },
};
