// Models from a table: every format a researcher pastes or uploads parses to rows, and Table 1 of the seed paper,
// whichever way it arrives, plans to exactly the ten seed models; bad tables say which row and column.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths.ts';
import { readSeedFile } from '../../server/db/seed.ts';
import { detectTableFormat, parseTable } from '../../shared/models-table/parse.ts';
import { planModelsImport, problemPointer, type PlanOptions } from '../../shared/models-table/plan.ts';
import { splitModelCell, splitPhases } from '../../shared/models-table/cells.ts';
import { matchCitation, type LibraryCitation } from '../../shared/models-table/citation-match.ts';
import type { ModelsImportPlan } from '../../shared/models-table/schemas.ts';
import type { CslItem } from '../../shared/csl.ts';

const read = (...p: string[]): string => fs.readFileSync(path.join(ROOT, ...p), 'utf8');
const seed = readSeedFile(path.join(ROOT, 'fixtures/seed/stages-of-innovation.json'));
const seedBands = seed.bands.map((label, i) => ({ id: i + 1, label }));
const references = (JSON.parse(read('fixtures/seed/references.json')) as { references: { citekey: string; frameworks: string[]; csl: CslItem }[] }).references;
const library: LibraryCitation[] = references.map((r, i) => ({ id: i + 1, citekey: r.citekey, csl: { ...r.csl, id: r.citekey } }));
const options = (over: Partial<PlanOptions> = {}): PlanOptions => ({ bands: seedBands, existingModels: [], citations: [], ...over });

/** The plan's models in the seed fixture's shape: name, citation as printed, phases by band in order. */
function asSeedModels(plan: ModelsImportPlan) {
  return plan.models.map((m) => ({
    name: m.name,
    citation: m.citation,
    phases: Object.fromEntries(seed.bands.map((b) => [b, m.phases.filter((p) => p.bandLabel === b).map((p) => p.label)])),
  }));
}
const seedModels = seed.sourceModels.map((m) => ({
  name: m.name, citation: m.citation, phases: Object.fromEntries(seed.bands.map((b) => [b, m.phases[b] ?? []])),
}));
const errors = (plan: ModelsImportPlan) => plan.problems.filter((p) => p.severity === 'error');

describe('parseTable', () => {
  it('reads RFC 4180 CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF, a BOM', () => {
    const csv = '\uFEFFModel,Early phases\r\n"The ""best"" model, revised (Smith, 2001)","one; two\r\nthree"\r\n\r\nPlain (Jones 2002),four\r\n';
    expect(parseTable(csv)).toEqual({
      format: 'csv',
      rows: [
        { line: 1, cells: ['Model', 'Early phases'] },
        { line: 2, cells: ['The "best" model, revised (Smith, 2001)', 'one; two\nthree'] },
        { line: 5, cells: ['Plain (Jones 2002)', 'four'] },
      ],
    });
  });

  it('reads TSV as spreadsheets copy it, a quote inside an unquoted cell staying a quote', () => {
    const tsv = 'Model\tEarly\tMiddle\n"Two-line\nname (A, 2000)"\tx; y\t12" ruler\nB (B, 2001)\t\tz\n';
    expect(parseTable(tsv)).toEqual({
      format: 'tsv',
      rows: [
        { line: 1, cells: ['Model', 'Early', 'Middle'] },
        { line: 2, cells: ['Two-line\nname (A, 2000)', 'x; y', '12" ruler'] },
        { line: 4, cells: ['B (B, 2001)', '', 'z'] },
      ],
    });
  });

  it('reads a Markdown table: escaped pipes and backslashes, <br> as a line break, the caption skipped', () => {
    const md = '**Table 1**\n\n| Model | Early phases |\n| :--- | ---: |\n| A \\| B (C, 2003) | one<br>two \\\\ three |\n| D (E, 2004) |  |\n';
    expect(detectTableFormat(md)).toBe('markdown');
    expect(parseTable(md).rows).toEqual([
      { line: 3, cells: ['Model', 'Early phases'] },
      { line: 5, cells: ['A | B (C, 2003)', 'one\ntwo \\ three'] },
      { line: 6, cells: ['D (E, 2004)', ''] },
    ]);
  });

  it('reads Word clipboard HTML: styles, fragments, <o:p>, paragraphs as line breaks, wrapped source, colspan', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm;} td {color:red} --></style></head><body lang=EN-GB><!--StartFragment-->
<table class=MsoTableGrid border=1 style='border-collapse:collapse'>
 <tr><td width=200 valign=top><p class=MsoNormal><b>Model<o:p></o:p></b></p></td>
  <td colspan=2 valign=top><p class=MsoNormal>Early and middle<o:p></o:p></p></td><td><p class=MsoNormal>Latter<o:p></o:p></p></td></tr>
 <tr><td valign=top><p class=MsoNormal>&lsquo;Double Diamond&rsquo;<o:p></o:p></p>
  <p class=MsoNormal>(Design Council, 2019)<o:p></o:p></p></td>
  <td><p class=MsoNormal>Discover;
  define<o:p></o:p></p></td><td><p class=MsoNormal>Develop<o:p></o:p></p><p class=MsoNormal>deliver&nbsp;<o:p></o:p></p></td>
  <td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td></tr>
</table><!--EndFragment--></body></html>`;
    expect(parseTable(word)).toEqual({
      format: 'html',
      rows: [
        { line: 1, cells: ['Model', 'Early and middle', '', 'Latter'] },
        { line: 2, cells: ['‘Double Diamond’\n(Design Council, 2019)', 'Discover; define', 'Develop\ndeliver', ''] },
      ],
    });
  });

  it('reads Google Sheets and Excel clipboard HTML: <br> in a cell, quoted ">" in attributes, colspan and rowspan', () => {
    const sheets = `<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style>`
      + `<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1"><colgroup><col width="100"/><col width="100"/></colgroup><tbody>`
      + `<tr style="height:21px;"><td data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;a > b&quot;}">Model</td><td>Early phases</td><td>Middle phases</td></tr>`
      + `<tr><td rowspan="2">Shared (X, 2020)</td><td>one<br/>two</td><td>three</td></tr>`
      + `<tr><td colspan="2">four &amp; five</td></tr></tbody></table>`;
    expect(parseTable(sheets).rows).toEqual([
      { line: 1, cells: ['Model', 'Early phases', 'Middle phases'] },
      { line: 2, cells: ['Shared (X, 2020)', 'one\ntwo', 'three'] },
      { line: 3, cells: ['', 'four & five', ''] },
    ]);
    const excel = `<table><tr><td class=xl65 style='white-space:normal'>A (B, 2005)</td><td class=xl65>x<br style='mso-data-placement:same-cell'>y</td></tr></table>`;
    expect(parseTable(excel).rows).toEqual([{ line: 1, cells: ['A (B, 2005)', 'x\ny'] }]);
  });

  it('detects each format, and a forced format wins', () => {
    expect(detectTableFormat('<meta charset="utf-8"><TABLE><tr><td>a</td></tr></TABLE>')).toBe('html');
    expect(detectTableFormat('a\tb\nc\td')).toBe('tsv');
    expect(detectTableFormat('a,b\nc,d')).toBe('csv');
    expect(detectTableFormat('| a | b |\nno separator')).toBe('csv');
    expect(parseTable('a\tb,c', 'csv').rows).toEqual([{ line: 1, cells: ['a\tb', 'c'] }]);
  });
});

describe('cells', () => {
  it('splits the name from a trailing citation as printed, on its own line or not, PDF wraps undone', () => {
    expect(splitModelCell('The six stages of so-\ncial innovation\n(Murray et al., 2010)')).toEqual({ name: 'The six stages of social innovation', citation: 'Murray et al., 2010' });
    expect(splitModelCell('Phases of Innovation (Hartley 2006)')).toEqual({ name: 'Phases of Innovation', citation: 'Hartley 2006' });
    expect(splitModelCell('‘Double Diamond’  (Design Council, 2019)')).toEqual({ name: '‘Double Diamond’', citation: 'Design Council, 2019' });
    expect(splitModelCell('Innovation Spiral (Nesta, 2016a)').citation).toBe('Nesta, 2016a');
    expect(splitModelCell('Undated model (n.d.)')).toEqual({ name: 'Undated model', citation: 'n.d.' });
    expect(splitModelCell('Human-centred design (IDEO, 2015)').name).toBe('Human-centred design');
    // a parenthetical without a year is part of the name
    expect(splitModelCell('EPIS (Exploration, Preparation)')).toEqual({ name: 'EPIS (Exploration, Preparation)', citation: '' });
  });

  it('splits phases on ";" and line breaks only, keeping commas inside a phase and the order', () => {
    expect(splitPhases('Generating ideas, understanding needs, identifying solutions')).toEqual(['Generating ideas, understanding needs, identifying solutions']);
    expect(splitPhases(' Discover ;define;;\n\n deliver \r\n–')).toEqual(['Discover', 'define', 'deliver']);
  });

  it('matches a citation as printed to the review citations by first author(s), author count and year', () => {
    const key = (printed: string) => {
      const found = matchCitation(printed, library);
      return found.kind === 'matched' ? found.match.citekey : found.kind;
    };
    expect(key('Murray et al., 2010')).toBe('murray2010');
    expect(key('Mulgan and Leadbeater, 2013')).toBe('mulgan2013');
    expect(key('Mulgan et al., 2007')).toBe('mulgan2007');
    expect(key('Hartley 2006')).toBe('hartley2006');
    expect(key('DESIGN COUNCIL, 2021')).toBe('designcouncil2021');
    expect(key('Murray, 2010')).toBe('none'); // one author printed, three in the reference
    expect(key('Mulgan, 2013')).toBe('none');
    expect(key('Hartley 2007')).toBe('none');
    const twin = { id: 99, citekey: 'designcouncil2019a', csl: { id: 'x', type: 'report', author: [{ literal: 'Design Council' }], issued: { 'date-parts': [[2019]] } } };
    expect(matchCitation('Design Council, 2019', [...library, twin])).toEqual({ kind: 'ambiguous', citekeys: ['designcouncil2019', 'designcouncil2019a'] });
    const undated = { id: 98, citekey: 'muller_nd', csl: { id: 'y', type: 'webpage', author: [{ family: 'Müller', given: 'A.' }] } };
    expect(matchCitation('Muller, n.d.', [undated])).toEqual({ kind: 'matched', match: { citationId: 98, citekey: 'muller_nd' } });
  });
});

describe('planModelsImport on the seed Table 1', () => {
  const sources: [string, string][] = [
    ['fixtures/expected/table1.csv', 'csv'],
    ['fixtures/expected/table1.md', 'markdown'],
    ['fixtures/expected/table1.html', 'html'],
    ['fixtures/models-table/table1-journal.tsv', 'tsv'],
  ];
  for (const [file, format] of sources) {
    it(`plans ${file} to exactly the ten seed models`, () => {
      const table = parseTable(read(file));
      expect(table.format).toBe(format);
      const plan = planModelsImport(table.rows, options());
      expect(errors(plan)).toEqual([]);
      expect(plan.headerRow).toBe(true);
      expect(plan.columns.map((c) => [c.role, c.bandId])).toEqual([['model', null], ['band', 1], ['band', 2], ['band', 3]]);
      expect(plan.newBands).toEqual([]);
      expect(asSeedModels(plan)).toEqual(seedModels);
    });
  }

  it('into a review without bands, the header columns become its bands', () => {
    const plan = planModelsImport(parseTable(read('fixtures/models-table/table1-journal.tsv')).rows, options({ bands: [] }));
    expect(plan.newBands).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
    expect(plan.columns.map((c) => [c.role, c.bandId, c.bandLabel])).toEqual([
      ['model', null, ''], ['band', null, 'Early phases'], ['band', null, 'Middle phases'], ['band', null, 'Latter phases'],
    ]);
    expect(asSeedModels(plan)).toEqual(seedModels);
    // warnings only: the citations are left to complete
    expect(errors(plan)).toEqual([]);
    expect(plan.problems[0]).toEqual({ row: 2, column: 1, severity: 'warning', message: 'row 2, column 1 (Model): “Murray et al., 2010” is not among the review\'s citations: left to complete' });
  });

  it('matches every seed model to its reference from the seed library', () => {
    const plan = planModelsImport(parseTable(read('fixtures/expected/table1.csv')).rows, options({ citations: library }));
    expect(plan.problems).toEqual([]);
    const expected = seed.sourceModels.map((m) => references.find((r) => r.frameworks.includes(m.name))?.citekey);
    expect(plan.models.map((m) => m.citationMatch?.citekey)).toEqual(expected);
  });
});

describe('planModelsImport: headers, mappings and problems', () => {
  it('matches header columns to bands ignoring case, spaces and a trailing phase/stage; others are new bands', () => {
    const rows = parseTable('Framework\tEARLY PHASE\tmiddle\tLatter  stages\tNotes\nA (A, 2000)\tx\ty\tz\t').rows;
    const plan = planModelsImport(rows, options());
    expect(plan.columns.map((c) => [c.header, c.role, c.bandId, c.bandLabel])).toEqual([
      ['Framework', 'model', null, ''],
      ['EARLY PHASE', 'band', 1, 'Early phases'],
      ['middle', 'band', 2, 'Middle phases'],
      ['Latter stages', 'band', 3, 'Latter phases'],
      ['Notes', 'band', null, 'Notes'],
    ]);
    expect(plan.newBands).toEqual(['Notes']);
  });

  it('without a header, columns fill the bands in order; a mapping overrides any column', () => {
    const rows = parseTable('"A (A, 2000)",a1; a2,b1,c1,note\n"B (B, 2001)",,b2,c2,').rows;
    const auto = planModelsImport(rows, options());
    expect(auto.headerRow).toBe(false);
    expect(auto.columns.map((c) => c.bandLabel)).toEqual(['', 'Early phases', 'Middle phases', 'Latter phases', 'Column 5']);
    const mapped = planModelsImport(rows, options({
      columns: [{ index: 1, role: 'band', bandId: 3 }, { index: 3, role: 'band', bandId: 1 }, { index: 4, role: 'ignore' }],
    }));
    expect(mapped.newBands).toEqual([]);
    // band by band in band order: Early (column 4) before Middle before Latter (column 2)
    expect(mapped.models[0]?.phases).toEqual([
      { label: 'c1', bandLabel: 'Early phases', column: 3 },
      { label: 'b1', bandLabel: 'Middle phases', column: 2 },
      { label: 'a1', bandLabel: 'Latter phases', column: 1 },
      { label: 'a2', bandLabel: 'Latter phases', column: 1 },
    ]);
    expect(mapped.problems.filter((p) => !p.message.includes('citations'))).toEqual([{ row: 1, column: 5, severity: 'warning', message: 'row 1, column 5 (ignored): “note” is in an ignored column and is not imported' }]);
    const renamed = planModelsImport(rows, options({ bands: [], columns: [{ index: 4, role: 'band', bandLabel: 'Notes' }] }));
    expect(renamed.newBands).toEqual(['Column 2', 'Column 3', 'Column 4', 'Notes']);
  });

  it('reports each problem with its row, column and column header', () => {
    const long = 'x'.repeat(501);
    const text = [
      'Model\tEarly phases\tMiddle phases',
      '\tprompts; ideas\t',
      'Existing model (A, 2000)\tone\t',
      'Twice (B, 2001)\tone\t',
      'twice  (C, 2002)\ttwo\t',
      `Long (D, 2003)\t${long}\t`,
      'Wide (E, 2004)\tone\ttwo\tthree',
    ].join('\n');
    const plan = planModelsImport(parseTable(text).rows, options({ existingModels: ['existing model'], citations: library }));
    const shown = errors(plan).map((p) => [p.row, p.column, p.message]);
    expect(shown).toEqual([
      [2, 1, 'row 2, column 1 (Model): this row has phases but no model name'],
      [3, 1, 'row 3, column 1 (Model): “Existing model” is already a model of this review'],
      [5, 1, 'row 5, column 1 (Model): “twice” is also in row 4'],
      [6, 2, 'row 6, column 2 (Early phases): a phase is 501 characters long; at most 500 are allowed'],
      [7, 4, 'row 7, column 4 (no header): this row has 4 cells but the header has 3: a cell was split or a column has no header'],
    ]);
    expect(plan.problems.filter((p) => p.severity === 'warning').map((p) => p.message)).toContain('row 4, column 1 (Model): “B, 2001” is not among the review\'s citations: left to complete');
    expect(problemPointer(errors(plan)[3] as ModelsImportPlan['problems'][number])).toBe('/table/rows/6/columns/2');
  });

  it('refuses an empty table, a table with no band column, and two model columns', () => {
    expect(errors(planModelsImport([], options())).map((p) => p.message)).toEqual(['the table is empty']);
    const noBands = planModelsImport(parseTable('Model\nOnly a name').rows, options());
    expect(errors(noBands).map((p) => [p.row, p.column, p.message])).toEqual([[0, 0, 'no column holds phases: map at least one column to a band']]);
    const twoModels = planModelsImport(parseTable('Model,Early\nA,x').rows, options({ columns: [{ index: 1, role: 'model' }] }));
    expect(errors(twoModels).map((p) => p.message)).toEqual([
      'column 2 (Early): only one column can hold the models',
      'no column holds phases: map at least one column to a band',
    ]);
    const badBand = planModelsImport(parseTable('Model,Early\nA,x').rows, options({ columns: [{ index: 1, role: 'band', bandId: 42 }] }));
    expect(errors(badBand).map((p) => [p.row, p.column, p.message])).toEqual([[0, 2, 'column 2 (Early): there is no band 42 in this review']]);
  });
});
