// The CLI's commands: add one by adding it here.
import type { Command } from './common.ts';
import { backupCommand } from './backup.ts';
import { exportCommand } from './export.ts';
import { restoreCommand } from './restore.ts';
import { reviewsCommand } from './reviews.ts';
import { serveCommand } from './serve.ts';

export const commands: Command[] = [serveCommand, reviewsCommand, exportCommand, restoreCommand, backupCommand];
