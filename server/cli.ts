// workbench COMMAND …: every command opens the database it is given (a new one is migrated and seeded first).
import { APP_VERSION } from './version.ts';
import { CliError, type Io } from './commands/common.ts';
import { commands } from './commands/index.ts';

export { CliError };

function usage(): string {
  return `Synthesis Workbench ${APP_VERSION}

Usage:
${commands.flatMap((c) => c.usage).map((u) => `  ${u}`).join('\n')}

Options common to every command:
  --db PATH     the SQLite database (default: $WORKBENCH_DB, else data/workbench.sqlite); a new one is created,
                migrated and loaded with the seed review
  --verbose     print stack traces on errors
  -h, --help    this text
`;
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  if (name === undefined || ['-h', '--help', 'help'].includes(name) || rest.includes('--help') || rest.includes('-h')) {
    io.out.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out.write(`${APP_VERSION}\n`);
    return 0;
  }
  try {
    const command = commands.find((c) => c.name === name);
    if (!command) throw new CliError(`Unknown command "${name}". See workbench --help.`);
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`workbench: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) io.err.write(`${error.stack}\n`);
    return 1;
  }
}
