// npm run bench: prints figures (never pass/fail). Each section is a module under tests/bench/.
import { benchCrosswalk } from './crosswalk.ts';
import { benchExports } from './exports.ts';
import { benchHttp } from './http.ts';
import { benchParse } from './parse.ts';
import { benchBrowserScreens } from './browser-screens.ts';
import { benchWorkbenchScreens } from './workbench-screens.ts';

const only = process.argv[2];
const sections: [string, () => Promise<void>][] = [
  ['crosswalk', benchCrosswalk],
  ['exports', benchExports],
  ['http', benchHttp],
  ['parse', benchParse],
  ['browser-screens', benchBrowserScreens],
  ['workbench-screens', benchWorkbenchScreens],
];
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
