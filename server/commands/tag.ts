// workbench tag ITEM_ID --code PATH|ID: puts a code on a library item, with an optional quote, locator and note,
// attributed to a member of the review's team; --json prints the tag it made.
import { HttpProblem } from '../http/problem.ts';
import { codingOf } from '../services/coding.ts';
import { resolveCode } from '../../shared/coding/codebook.ts';
import type { ReviewTeamMember } from '../../shared/schemas.ts';
import { CliError, parseOptions, resolveReview, withWorkbench, type Command } from './common.ts';

/** --reviewer as a team member's name, initials or id; without it, the team's only member. */
export function resolveMember(team: ReviewTeamMember[], ref: string | undefined, reviewId: number): ReviewTeamMember {
  const names = team.map((m) => m.name).join(', ') || 'nobody yet (add people in Settings, or with `workbench users add NAME --review ID`)';
  if (ref === undefined) {
    if (team.length === 1 && team[0]) return team[0];
    throw new CliError(`Say who is tagging with --reviewer NAME; the team of review ${reviewId} is ${names}.`);
  }
  const v = ref.trim().toLowerCase();
  const found = team.find((m) => String(m.id) === v) ?? team.find((m) => m.name.toLowerCase() === v)
    ?? team.find((m) => m.initials.toLowerCase() === v);
  if (!found) throw new CliError(`--reviewer "${ref}" is not on the team of review ${reviewId}; the team is ${names}.`);
  return found;
}

export const tagCommand: Command = {
  name: 'tag',
  usage: ['workbench tag ITEM_ID --code PATH|ID [--quote TEXT] [--locator TEXT] [--note TEXT] [--reviewer NAME] [--review ID|SLUG] [--json] [--db PATH]'],
  run(args, io) {
    const { values, positionals } = parseOptions(args, {
      review: { type: 'string' },
      code: { type: 'string' },
      quote: { type: 'string' },
      locator: { type: 'string' },
      note: { type: 'string' },
      reviewer: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [item, ...extra] = positionals;
    if (item === undefined || extra.length > 0 || !/^[1-9]\d*$/.test(item)) {
      throw new CliError('workbench tag: name one item by its id (see `workbench items --format csv`), e.g. workbench tag 12 --code "Stages/Mobilising".');
    }
    if (!values.code) throw new CliError('workbench tag: say which code with --code PATH|ID, e.g. --code "Stages/Mobilising" or --code stage:3.');
    withWorkbench(values.db, (wb) => {
      const reviewId = resolveReview(wb, values.review);
      const coding = codingOf(wb.repos);
      const member = resolveMember(wb.repos.team.list(reviewId), values.reviewer, reviewId);
      const found = resolveCode(coding.codebook(reviewId), String(values.code));
      if ('error' in found) throw new CliError(`--code: ${found.error}.`);
      let tag;
      try {
        tag = wb.db.transaction(() => coding.createTag(reviewId, {
          itemId: Number(item), code: found.node.ref, quote: values.quote, locator: values.locator, note: values.note,
        }, member))();
      } catch (error) {
        if (error instanceof HttpProblem) throw new CliError(error.message.replace(/^\/body\/itemId: /, `item ${item}: `).replace(/^\/body\/code: /, '--code: '));
        throw error;
      }
      if (values.json) {
        io.out.write(`${JSON.stringify({ action: 'tagged', reviewId, path: found.node.path.join('/'), tag }, null, 2)}\n`);
        return;
      }
      io.out.write(`tag ${tag.id}: item ${tag.itemId} → ${found.node.path.join('/')} (${tag.code})${tag.quote ? ` “${tag.quote}”` : ''}${tag.locator ? ` ${tag.locator}` : ''} by ${member.name}\n`);
    });
    return 0;
  },
};
