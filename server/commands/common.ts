// What every CLI command shares: option parsing, opening the workbench, naming a review, writing output.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openWorkbench, resolveDbPath, type Workbench } from '../workbench.ts';

/** An error the user can fix: printed as one line, exit code 1, no stack trace. */
export class CliError extends Error {}

export interface Io {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  /** usage lines shown in `workbench --help` */
  usage: string[];
  run(args: string[], io: Io): Promise<number> | number;
}

const common = {
  db: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see workbench --help)`);
  }
}

export function withWorkbench<T>(dbFlag: string | undefined, fn: (wb: Workbench) => T): T {
  const wb = openWorkbench(resolveDbPath(dbFlag));
  try {
    return fn(wb);
  } finally {
    wb.close();
  }
}

export async function withWorkbenchAsync<T>(dbFlag: string | undefined, fn: (wb: Workbench) => Promise<T>): Promise<T> {
  const wb = openWorkbench(resolveDbPath(dbFlag));
  try {
    return await fn(wb);
  } finally {
    wb.close();
  }
}

/** --review ID or SLUG; without it, the seed review. */
export function resolveReview(wb: Workbench, ref: string | undefined): number {
  if (ref === undefined) {
    if (wb.seedReviewId === undefined) throw new CliError('The seed review was deleted from this database: name one with --review (see `workbench reviews`).');
    return wb.seedReviewId;
  }
  const id = /^\d+$/.test(ref) ? Number(ref) : wb.repos.reviewIdBySlug(ref);
  if (id === undefined || !wb.repos.reviews.get(id)) throw new CliError(`No review "${ref}". List them with \`workbench reviews\`.`);
  return id;
}

/** Writes to -o FILE, else stdout; binary output is refused on a terminal. */
export function writeOut(content: string | Uint8Array, file: string | undefined, io: Io): void {
  if (file) {
    fs.writeFileSync(file, content);
    return;
  }
  if (typeof content !== 'string' && io.out.isTTY) {
    throw new CliError('This format is binary: write it to a file with -o FILE.');
  }
  io.out.write(content);
}

/** Checks an option against a zod-like enum and names the allowed values when it is wrong. */
export function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be ${allowed.slice(0, -1).join(', ')}${allowed.length > 1 ? ' or ' : ''}${allowed.at(-1)}, not "${value}"`);
}
