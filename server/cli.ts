// workbench serve | reviews | export crosswalk — every command opens (and if new, migrates and seeds) the database.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApp } from './app.ts';
import { openWorkbench, resolveDbPath, type Workbench } from './workbench.ts';
import { buildCrosswalk } from '../shared/crosswalk.ts';
import { crosswalkTable, layoutSchema, renderTable, tableFormatSchema } from '../shared/export/crosswalk-export.ts';
import { APP_VERSION } from './version.ts';

export class CliError extends Error {}

const USAGE = `Synthesis Workbench ${APP_VERSION}

Usage:
  workbench serve [--port N] [--host H] [--db PATH]
  workbench reviews [--json] [--db PATH]
  workbench export crosswalk [--review ID|SLUG] [--layout bands|stages] [--format csv|md|json] [-o FILE] [--db PATH]

Options common to every command:
  --db PATH     the SQLite database (default: $WORKBENCH_DB, else data/workbench.sqlite); a new one is created,
                migrated and loaded with the seed review
  --verbose     print stack traces on errors
  -h, --help    this text
`;

const common = {
  db: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

function withWorkbench<T>(dbFlag: string | undefined, fn: (wb: Workbench) => T): T {
  const wb = openWorkbench(resolveDbPath(dbFlag));
  try {
    return fn(wb);
  } finally {
    wb.close();
  }
}

function resolveReview(wb: Workbench, ref: string | undefined): number {
  if (ref === undefined) {
    if (wb.seedReviewId === undefined) throw new CliError('The seed review was deleted from this database: name one with --review (see `workbench reviews`).');
    return wb.seedReviewId;
  }
  const id = /^\d+$/.test(ref) ? Number(ref) : wb.repos.reviewIdBySlug(ref);
  if (id === undefined || !wb.repos.reviews.get(id)) throw new CliError(`No review "${ref}". List them with \`workbench reviews\`.`);
  return id;
}

function writeOut(text: string, file: string | undefined, out: NodeJS.WritableStream): void {
  if (file) fs.writeFileSync(file, text);
  else out.write(text);
}

async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', default: process.env.PORT ?? '5757' }, host: { type: 'string', default: process.env.WORKBENCH_HOST ?? '127.0.0.1' } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  const wb = openWorkbench(resolveDbPath(values.db));
  const allowedHosts = (process.env.WORKBENCH_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const app = createApp({ repos: wb.repos, listenHost: values.host, allowedHosts });
  return await new Promise<number>((resolve, reject) => {
    const server = app.listen(port, values.host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = values.host.includes(':') ? `[${values.host}]` : values.host;
      process.stdout.write(`Synthesis Workbench is running at http://${shownHost}:${actualPort}/\n  database: ${wb.dbPath}\n  press Ctrl+C to stop\n`);
    });
    server.on('error', (error: NodeJS.ErrnoException) => {
      wb.close();
      reject(error.code === 'EADDRINUSE' ? new CliError(`Port ${port} on ${values.host} is in use: pass another with --port.`) : error);
    });
    const stop = (): void => {
      server.close(() => {
        wb.close();
        resolve(0);
      });
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function reviews(args: string[], out: NodeJS.WritableStream): number {
  const { values } = parse(args, { json: { type: 'boolean', default: false } });
  withWorkbench(values.db, (wb) => {
    const list = wb.repos.listReviews().map((r) => ({ id: r.id, slug: r.slug, title: r.title }));
    out.write(values.json ? `${JSON.stringify(list, null, 2)}\n` : list.map((r) => `${r.id}\t${r.slug}\t${r.title}\n`).join(''));
  });
  return 0;
}

function exportCommand(args: string[], out: NodeJS.WritableStream): number {
  const { values, positionals } = parse(args, {
    review: { type: 'string' },
    layout: { type: 'string', default: 'bands' },
    format: { type: 'string', default: 'csv' },
    output: { type: 'string', short: 'o' },
  });
  const [what] = positionals;
  if (what !== 'crosswalk') throw new CliError(`workbench export: unknown export "${what ?? ''}"; expected "crosswalk".\n\n${USAGE}`);
  const layout = layoutSchema.safeParse(values.layout);
  if (!layout.success) throw new CliError(`--layout must be bands or stages, not "${values.layout}"`);
  const format = tableFormatSchema.safeParse(values.format);
  if (!format.success) throw new CliError(`--format must be csv, md or json, not "${values.format}"`);
  withWorkbench(values.db, (wb) => {
    const snapshot = wb.repos.snapshot(resolveReview(wb, values.review));
    writeOut(renderTable(crosswalkTable(buildCrosswalk(snapshot), layout.data), format.data), values.output, out);
  });
  return 0;
}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(USAGE);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(rest);
      case 'reviews':
        return reviews(rest, io.out);
      case 'export':
        return exportCommand(rest, io.out);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out.write(USAGE);
        return command === undefined ? 2 : 0;
      case '--version':
        io.out.write(`${APP_VERSION}\n`);
        return 0;
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`workbench: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
    return 1;
  }
}
