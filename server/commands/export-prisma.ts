// workbench export prisma: the PRISMA 2020 flow from the records, as the diagram (SVG) or its counts (JSON, CSV).
import { prismaService } from '../services/prisma.ts';
import { screeningOf } from '../services/screening.ts';
import { choice } from './common.ts';
import type { ExportTarget } from './export.ts';

export const prismaExport: ExportTarget = {
  name: 'prisma',
  usage: 'workbench export prisma [--review ID|SLUG] --format svg|json|csv [-o FILE] [--db PATH]',
  options: { format: { type: 'string', default: 'svg' } },
  render(wb, reviewId, values) {
    const format = choice('--format', String(values.format), ['svg', 'json', 'csv'] as const);
    const prisma = prismaService(wb.repos, screeningOf(wb.repos));
    return format === 'svg' ? prisma.svg(reviewId) : format === 'json' ? prisma.json(reviewId) : prisma.csv(reviewId);
  },
};
