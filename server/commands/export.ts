// workbench export WHAT …: each target registers its usage, its options and how it renders.
import type { ParseArgsConfig } from 'node:util';
import type { Workbench } from '../workbench.ts';
import { CliError, parseOptions, resolveReview, withWorkbenchAsync, writeOut, type Command } from './common.ts';
import { bibliographyExport } from './export-bibliography.ts';
import { bundleExport } from './export-bundle.ts';
import { codingExports } from './export-coding.ts';
import { documentExports } from './export-documents.ts';
import { prismaExport } from './export-prisma.ts';

export interface ExportTarget {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** returns the file content for the review; throws CliError on bad options */
  render(wb: Workbench, reviewId: number, values: Record<string, string | boolean | undefined>): Promise<string | Uint8Array> | string | Uint8Array;
}

export const exportTargets: ExportTarget[] = [...documentExports, bundleExport, bibliographyExport, prismaExport, ...codingExports];

export const exportCommand: Command = {
  name: 'export',
  usage: exportTargets.map((t) => t.usage),
  async run(args, io) {
    const [what, ...rest] = args;
    const target = exportTargets.find((t) => t.name === what);
    if (!target) throw new CliError(`workbench export: unknown export "${what ?? ''}"; expected ${exportTargets.map((t) => t.name).join(', ')}.`);
    const { values } = parseOptions(rest, {
      review: { type: 'string' },
      output: { type: 'string', short: 'o' },
      ...target.options,
    });
    await withWorkbenchAsync(values.db, async (wb) => {
      const content = await target.render(wb, resolveReview(wb, values.review), values);
      writeOut(content, values.output, io);
    });
    return 0;
  },
};
