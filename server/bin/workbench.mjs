#!/usr/bin/env node
// The `workbench` command: TypeScript sources run through tsx, so no build step stands between install and use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
