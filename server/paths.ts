// Where the app's own files are, independent of the working directory it is started from.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations');
export const SEED_FILE = path.join(ROOT, 'fixtures', 'seed', 'stages-of-innovation.json');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');
export const DEFAULT_DB = path.join(ROOT, 'data', 'workbench.sqlite');
