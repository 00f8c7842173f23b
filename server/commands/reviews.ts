// workbench reviews: list the reviews (not those in the trash; archived ones marked); `reviews create` starts one.
import { HttpProblem } from '../http/problem.ts';
import { reviewSetup } from '../services/review-setup.ts';
import type { Workbench } from '../workbench.ts';
import { CliError, parseOptions, resolveReview, withWorkbench, type Command, type Io } from './common.ts';
import { REVIEW_TEMPLATES, reviewCreateSchema, type ReviewStart } from '../../shared/schemas.ts';

const CREATE_USAGE =
  'workbench reviews create --title T [--slug S] [--question Q] [--template seed|blank|REVIEW] ' +
  '[--copy REVIEW [--no-alignments] [--no-literature]] [--json] [--db PATH]';

function list(args: string[], io: Io): number {
  const { values } = parseOptions(args, { json: { type: 'boolean', default: false } });
  withWorkbench(values.db, (wb) => {
    const reviews = wb.repos.listReviews().map((r) => ({
      id: r.id, slug: r.slug, title: r.title, ...(r.archivedAt !== null ? { archived: true } : {}),
    }));
    io.out.write(values.json
      ? `${JSON.stringify(reviews, null, 2)}\n`
      : reviews.map((r) => `${r.id}\t${r.slug}\t${r.title}${r.archived ? '\t(archived)' : ''}\n`).join(''));
  });
  return 0;
}

/** REVIEW (an id or a slug) → its id, refusing one in the trash. */
function sourceId(wb: Workbench, flag: string, ref: string): number {
  let id: number;
  try {
    id = resolveReview(wb, ref);
  } catch (error) {
    throw new CliError(`${flag}: ${(error as Error).message}`);
  }
  if (wb.repos.reviews.require(id).deletedAt !== null) throw new CliError(`${flag}: review "${ref}" is in the trash; undelete it first.`);
  return id;
}

function startOf(wb: Workbench, values: { template?: string; copy?: string; 'no-alignments': boolean; 'no-literature': boolean }): ReviewStart {
  if (values.template !== undefined && values.copy !== undefined) throw new CliError('reviews create: give --template or --copy, not both.');
  if ((values['no-alignments'] || values['no-literature']) && values.copy === undefined) {
    throw new CliError('reviews create: --no-alignments and --no-literature go with --copy REVIEW.');
  }
  if (values.copy !== undefined) {
    return { kind: 'copy', fromReviewId: sourceId(wb, '--copy', values.copy), alignments: !values['no-alignments'], literature: !values['no-literature'] };
  }
  const template = values.template ?? 'blank';
  if (template === 'blank') return { kind: 'blank' };
  if ((REVIEW_TEMPLATES as readonly string[]).includes(template)) return { kind: 'template', template: template as (typeof REVIEW_TEMPLATES)[number] };
  return { kind: 'target', fromReviewId: sourceId(wb, '--template', template) };
}

function create(args: string[], io: Io): number {
  const { values, positionals } = parseOptions(args, {
    title: { type: 'string' },
    slug: { type: 'string' },
    question: { type: 'string' },
    template: { type: 'string' },
    copy: { type: 'string' },
    'no-alignments': { type: 'boolean', default: false },
    'no-literature': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new CliError(`reviews create: unexpected argument "${positionals[0]}" (see workbench --help)`);
  if (values.title === undefined) throw new CliError('reviews create: name the review with --title T');
  const fields = reviewCreateSchema.omit({ start: true }).safeParse({ title: values.title, slug: values.slug, question: values.question });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new CliError(`reviews create: --${String(issue?.path[0] ?? 'title')} ${issue?.message ?? 'is invalid'}`);
  }
  withWorkbench(values.db, (wb) => {
    const start = startOf(wb, values);
    let review;
    try {
      review = reviewSetup(wb.repos).create({ ...fields.data, start }, process.env.USER ?? 'local');
    } catch (error) {
      if (error instanceof HttpProblem) throw new CliError(`reviews create: ${error.message}`);
      throw error;
    }
    io.out.write(values.json ? `${JSON.stringify(review, null, 2)}\n` : `${review.id}\t${review.slug}\n`);
  });
  return 0;
}

export const reviewsCommand: Command = {
  name: 'reviews',
  usage: ['workbench reviews [--json] [--db PATH]   (archived reviews marked; those in the trash left out)', CREATE_USAGE],
  run(args, io) {
    if (args[0] === 'create') return create(args.slice(1), io);
    return list(args, io);
  },
};
