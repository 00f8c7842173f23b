import { resolveDbPath } from '../workbench.ts';
import { BackupError, backupDatabase } from '../services/backup.ts';
import { CliError, parseOptions, type Command } from './common.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: ['workbench backup -o FILE [--db PATH]   (safe while the server is running)'],
  async run(args, io) {
    const { values } = parseOptions(args, { output: { type: 'string', short: 'o' } });
    if (!values.output) throw new CliError('backup: name the backup file with -o FILE');
    try {
      const result = await backupDatabase(resolveDbPath(values.db), values.output);
      io.err.write(`backed up ${result.pages} pages (${result.bytes} bytes) to ${result.file}\n`);
    } catch (error) {
      if (error instanceof BackupError) throw new CliError(`backup: ${error.message}`);
      throw error;
    }
    return 0;
  },
};
