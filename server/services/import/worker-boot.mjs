// Worker threads do not inherit the TypeScript loader of the thread that starts them: register tsx, then run worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
