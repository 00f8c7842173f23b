// workbench dedupe as a new user tried it (issue #13): two letters by one author with one title in different volumes
// of a journal are offered for review with the reason, and --auto leaves them alone while it merges the real copy.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { queryDb, workbench } from '../support/cli.ts';

const letter = (volume: string, page: string) => `TY  - JOUR
TI  - Family group conferencing and the voice of the child
AU  - Smith, Jane
PY  - 2019
T2  - Child Abuse & Neglect
VL  - ${volume}
SP  - ${page}
ER  - 
`;
// the first letter again as another database exports it: the journal abbreviated, the page as an article number
const COPY = `TY  - JOUR
TI  - FAMILY GROUP CONFERENCING AND THE VOICE OF THE CHILD.
AU  - Smith, J.
PY  - 2019
T2  - Child Abuse Negl
VL  - 12
SP  - e101
ER  - 
`;

interface Group { rule: string; score: number; certain: boolean; reasons: string[]; members: { item: number; file: string }[] }

describe('workbench dedupe and the certain rule', () => {
  it('lists letters in different volumes with the reason, and --auto merges only what is certain', async () => {
    const db = tempDbPath();
    const dir = path.dirname(db);
    fs.writeFileSync(path.join(dir, 'v12.ris'), letter('12', '101'));
    fs.writeFileSync(path.join(dir, 'v13.ris'), letter('13', '101'));
    const imp = await workbench(['import', path.join(dir, 'v12.ris'), path.join(dir, 'v13.ris'), '--db', db]);
    expect(imp.code).toBe(0);

    const dd = await workbench(['dedupe', '--json', '--db', db]);
    expect(dd.code).toBe(0);
    const { groups } = JSON.parse(dd.stdout) as { groups: Group[] };
    expect(groups).toEqual([{
      rule: 'title-year-author', score: 0.9, certain: false, reasons: ['volumes differ: 12 vs 13'],
      members: [expect.objectContaining({ file: 'v12.ris' }), expect.objectContaining({ file: 'v13.ris' })],
    }]);
    const text = await workbench(['dedupe', '--db', db]);
    expect(text.stdout).toMatch(/^title-year-author 0\.9: #\d+ v12\.ris:1, #\d+ v13\.ris:1 \(volumes differ: 12 vs 13\)$/m);

    const none = await workbench(['dedupe', '--auto', '--db', db]);
    expect(none.stderr).toMatch(/merged 0 certain groups automatically; 1 left for review/);
    expect(queryDb<{ n: number }>(db, 'SELECT count(*) AS n FROM lit_item WHERE merged_into IS NOT NULL')).toEqual([{ n: 0 }]);

    fs.writeFileSync(path.join(dir, 'copy.ris'), COPY);
    expect((await workbench(['import', path.join(dir, 'copy.ris'), '--db', db])).code).toBe(0);
    const three = JSON.parse((await workbench(['dedupe', '--json', '--db', db])).stdout) as { groups: Group[] };
    // one group of three: the copy is certain with the first letter, but not with the second
    expect(three.groups).toHaveLength(1);
    expect(three.groups[0]).toMatchObject({ certain: false });
    expect(three.groups[0]?.reasons).toContain('volumes differ: 12 vs 13');
    const auto = await workbench(['dedupe', '--auto', '--db', db]);
    expect(auto.stderr).toMatch(/merged 0 certain groups automatically/);
  }, 120_000);
});
