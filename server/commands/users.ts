// workbench users add|list|remove: the accounts people sign in with when `workbench serve` listens beyond
// loopback. `add` also puts the person on a review's team (the seed review unless --review names one).
import { createAccountRepo } from '../db/account-repo.ts';
import { hashPassword, newPassword } from '../http/password.ts';
import type { Workbench } from '../workbench.ts';
import { CliError, parseOptions, resolveReview, withWorkbench, type Command, type Io } from './common.ts';

const MIN_PASSWORD = 8;
const ADD_USAGE = 'workbench users add NAME [--lead] [--review ID|SLUG] [--password-stdin] [--db PATH]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function nameOf(positionals: string[], usage: string): string {
  const [name] = positionals;
  if (name === undefined || positionals.length > 1 || name.trim() === '') throw new CliError(`Name one person: ${usage}`);
  if (name.trim().length > 200) throw new CliError('A name has at most 200 characters.');
  return name.trim();
}

async function add(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    lead: { type: 'boolean', default: false },
    review: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  });
  const name = nameOf(positionals, ADD_USAGE);
  let password: string;
  if (values['password-stdin']) {
    // one trailing line break is what `echo` and a here-string add; it is not part of the password
    password = (await readStdin()).replace(/\r?\n$/, '');
    if (password.length < MIN_PASSWORD) throw new CliError(`The password read from stdin is shorter than ${MIN_PASSWORD} characters.`);
  } else password = newPassword();
  const hash = hashPassword(password);
  const message = withWorkbench(values.db, (wb: Workbench) => {
    const accounts = createAccountRepo(wb.db);
    const reviewId = resolveReview(wb, values.review);
    const review = wb.repos.reviews.require(reviewId);
    if (accounts.byName(name)) throw new CliError(`${name} already has an account; \`workbench users remove ${name}\` first to give them a new password.`);
    const now = new Date().toISOString();
    return wb.db.transaction(() => {
      const reviewerId = accounts.ensureReviewer(name, now);
      accounts.setPassword(reviewerId, hash, now);
      const actor = 'workbench users add';
      if (!wb.repos.team.list(reviewId).some((m) => m.id === reviewerId)) wb.repos.team.add(reviewId, name, null, actor);
      if (values.lead) wb.repos.team.update(reviewId, reviewerId, { role: 'lead' }, actor);
      const role = wb.repos.team.list(reviewId).find((m) => m.id === reviewerId)?.role ?? 'reviewer';
      return `added ${name} (${role} of ${review.slug})`;
    }).immediate();
  });
  if (values['password-stdin']) io.err.write(`${message}\n`);
  else {
    io.err.write(`${message}; give them this one-time password (it is not shown again):\n`);
    io.out.write(`${password}\n`);
  }
  return 0;
}

function list(args: string[], io: Io): number {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new CliError('workbench users list takes no arguments.');
  withWorkbench(values.db, (wb) => {
    const accounts = createAccountRepo(wb.db);
    const users = accounts.list().map((a) => ({ id: a.reviewerId, name: a.name, createdAt: a.createdAt, reviews: accounts.teams(a.reviewerId) }));
    io.out.write(values.json
      ? `${JSON.stringify(users, null, 2)}\n`
      : users.map((u) => `${u.name}\t${u.reviews.map((r) => `${r.slug}${r.role === 'lead' ? ' (lead)' : ''}`).join(', ') || '(no review)'}\n`).join(''));
  });
  return 0;
}

function remove(args: string[], io: Io): number {
  const { values, positionals } = parseOptions(args, {});
  const name = nameOf(positionals, 'workbench users remove NAME [--db PATH]');
  withWorkbench(values.db, (wb) => {
    const accounts = createAccountRepo(wb.db);
    const account = accounts.byName(name);
    if (!account) throw new CliError(`No account named "${name}". List them with \`workbench users list\`.`);
    // the person stays on their teams, so their decisions keep their name; they can no longer sign in
    wb.db.transaction(() => accounts.remove(account.reviewerId)).immediate();
  });
  io.err.write(`removed the account of ${name}; they are signed out and cannot sign in\n`);
  return 0;
}

export const usersCommand: Command = {
  name: 'users',
  usage: [ADD_USAGE, 'workbench users list [--json] [--db PATH]', 'workbench users remove NAME [--db PATH]'],
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'add') return await add(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'remove') return remove(rest, io);
    throw new CliError(`workbench users: unknown subcommand "${sub ?? ''}"; expected add, list or remove.`);
  },
};
