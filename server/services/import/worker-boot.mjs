// Worker threads do not inherit the TypeScript loader of the thread that starts them: register tsx, then run the
// worker module named in workerData.script (relative to this folder).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(new URL(workerData.script, import.meta.url).href);
