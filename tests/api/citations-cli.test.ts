// `workbench export bibliography` as a child process: the seed review's bibliography in all six formats, a file
// with -o, and a clear message with a non-zero exit for a bad format.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../support/server.ts';
import { workbench } from '../support/cli.ts';



describe('workbench export bibliography', () => {
  const db = tempDbPath();

  it('writes the seed bibliography as BibTeX, RIS and CSL-JSON', async () => {
    const bib = await workbench(['export', 'bibliography', '--format', 'bibtex', '--db', db]);
    expect(bib.code).toBe(0);
    expect(bib.stdout.match(/^@\w+\{/gm)).toHaveLength(11);
    expect(bib.stdout).toContain('@article{lefevre2022,');
    expect(bib.stdout).toContain('doi = {10.1093/bjsw/bcac183}');
    const ris = await workbench(['export', 'bibliography', '--format', 'ris', '--db', db]);
    expect(ris.stdout.match(/^TY {2}- /gm)).toHaveLength(11);
    const json = await workbench(['export', 'bibliography', '--format', 'csl-json', '--db', db]);
    const items = JSON.parse(json.stdout) as { id: string }[];
    expect(items.map((i) => i.id)).toContain('murray2010');
  });

  it('writes it formatted in APA, Harvard and Vancouver, sorted as each style sorts', async () => {
    const apa = (await workbench(['export', 'bibliography', '--format', 'apa', '--db', db])).stdout.trim().split('\n');
    expect(apa).toHaveLength(11);
    expect(apa).toContain('Mulgan, G., & Leadbeater, C. (2013). Systems innovation: discussion paper. Nesta.');
    expect(apa.indexOf('Design Council. (2019).')).toBeLessThan(apa.findIndex((l) => l.startsWith('Murray')));
    const harvard = (await workbench(['export', 'bibliography', '--format', 'harvard', '--db', db])).stdout;
    expect(harvard).toContain('Mulgan, G. and Leadbeater, C. (2013) Systems innovation: discussion paper. London: Nesta.');
    const vancouver = (await workbench(['export', 'bibliography', '--format', 'vancouver', '--db', db])).stdout.trim().split('\n');
    expect(vancouver[0]).toMatch(/^1\. Lefevre M, Hampson M, Goldsmith C\./);
  });

  it('writes to a file with -o and refuses an unknown format with a message and exit 1', async () => {
    const out = path.join(path.dirname(db), 'refs.bib');
    expect((await workbench(['export', 'bibliography', '--format', 'bibtex', '-o', out, '--db', db])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('@book{murray2010,');
    const bad = await workbench(['export', 'bibliography', '--format', 'chicago', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format must be bibtex, ris, csl-json, apa, harvard or vancouver, not "chicago"');
  });
});
