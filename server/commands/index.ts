// The CLI's commands: add one by adding it here.
import type { Command } from './common.ts';
import { agreementCommand } from './agreement.ts';
import { backupCommand } from './backup.ts';
import { dedupeCommand } from './dedupe.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { itemsCommand } from './items.ts';
import { modelsCommand } from './models.ts';
import { restoreCommand } from './restore.ts';
import { reviewsCommand } from './reviews.ts';
import { screenCommand } from './screen.ts';
import { serveCommand } from './serve.ts';
import { tagCommand } from './tag.ts';
import { usersCommand } from './users.ts';

export const commands: Command[] = [serveCommand, reviewsCommand, exportCommand, restoreCommand, backupCommand, importCommand, itemsCommand, dedupeCommand, modelsCommand, agreementCommand, screenCommand, tagCommand, usersCommand];
