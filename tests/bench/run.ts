// npm run bench: prints figures (never pass/fail). Each section is a module under tests/bench/.
import { benchCitations } from './citations.ts';
import { benchCoding } from './coding.ts';
import { benchCodingBrowser } from './coding-browser.ts';
import { benchCrosswalk } from './crosswalk.ts';
import { benchDedupe } from './dedupe.ts';
import { benchExports } from './exports.ts';
import { benchHttp } from './http.ts';
import { benchImport } from './import.ts';
import { benchParse } from './parse.ts';
import { benchScreening } from './screening.ts';
import { benchSearch } from './search.ts';
import { benchBrowserScreens } from './browser-screens.ts';
import { benchWorkbenchScreens } from './workbench-screens.ts';
import { benchScreeningKeys } from './screening-keys.ts';

const only = process.argv[2];
const sections: [string, () => Promise<void>][] = [
  ['crosswalk', benchCrosswalk],
  ['citations', benchCitations],
  ['exports', benchExports],
  ['http', benchHttp],
  ['parse', benchParse],
  ['import', benchImport],
  ['dedupe', benchDedupe],
  ['search', () => benchSearch()],
  ['screening', benchScreening],
  ['coding', benchCoding],
  ['coding-browser', benchCodingBrowser],
  ['browser-screens', benchBrowserScreens],
  ['workbench-screens', benchWorkbenchScreens],
  ['screening-keys', benchScreeningKeys],
];
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
