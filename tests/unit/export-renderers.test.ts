// The pure renderers on hand-made input: escaping, formula neutralising, hashing, SSSOM rules and SVG well-formedness.
import crypto from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildCrosswalk, type ReviewSnapshot } from '../../shared/crosswalk/crosswalk.ts';
import { renderCsv } from '../../shared/export/csv.ts';
import { alignmentMappings, coverageTable, findTarget } from '../../shared/export/documents.ts';
import { escapeHtml, renderHtml } from '../../shared/export/html.ts';
import { latexEscape, renderLatex } from '../../shared/export/latex.ts';
import type { Provenance } from '../../shared/export/provenance.ts';
import { renderText } from '../../shared/export/render.ts';
import { BUILT_IN_PREFIXES, renderSssom, SSSOM_COLUMNS } from '../../shared/export/sssom.ts';
import { renderCoverageSvg } from '../../shared/export/figures-coverage.ts';
import { renderWheelSvg } from '../../shared/export/figures-wheel.ts';
import { canonicalJson, sha256Hex, sha256Text, snapshotHash } from '../../shared/snapshot-hash.ts';
import type { Alignment, Band, Framework, Phase, Stage } from '../../shared/schemas.ts';

const t = '2026-01-01T00:00:00.000Z';
const meta = { version: 1, createdAt: t, updatedAt: t };
const provenance: Provenance = {
  reviewSlug: 'r', reviewTitle: 'R & <D>', snapshotHash: 'a'.repeat(64), appVersion: '9.9.9', generatedAt: t,
};
const fw = (id: number, position: number, role: 'source' | 'target', name: string): Framework => ({
  id, reviewId: 1, role, name, shortName: '', citation: '', discipline: '', description: '', position, ...meta,
});
const phase = (id: number, frameworkId: number, position: number, label: string): Phase => ({
  id, frameworkId, bandId: 1, position, label, description: '', ...meta,
});
const stage = (id: number, position: number, name: string): Stage => ({
  id, frameworkId: 9, bandId: 1, position, name, focus: 'F', purpose: 'P', keyLabel: 'K', keyQuestion: 'Q?', successMeasures: 'S', ...meta,
});
const align = (id: number, phaseId: number, stageId: number | null, relation: Alignment['relation'], extra: Partial<Alignment> = {}): Alignment => ({
  id, phaseId, stageId, relation, confidence: null, rationale: '', reviewerId: null, status: 'accepted', ...meta, ...extra,
});
const band: Band = { id: 1, reviewId: 1, position: 0, label: 'Early', ...meta };

function snapshot(): ReviewSnapshot {
  return {
    review: { id: 1, slug: 'r', title: 'R', description: '', citation: 'Me, 2026', doi: null, crosswalkCaption: 'Cap', targetCaption: 'T2', ...meta },
    bands: [band],
    frameworks: [fw(3, 0, 'source', 'Alpha'), fw(4, 1, 'source', 'Beta'), fw(9, 2, 'target', 'Wheel')],
    phases: [phase(10, 3, 0, '=cmd|"/c calc"!A1'), phase(2, 3, 1, 'tab\there'), phase(11, 4, 0, 'b1'), phase(12, 4, 1, 'b2')],
    stages: [stage(31, 0, 'S1 & <S>'), stage(32, 1, 'S2')],
    alignments: [
      align(1, 10, 31, 'subset-of', { confidence: 0.8, rationale: 'line one\nline\ttwo', reviewerId: 7 }),
      align(2, 2, null, 'no-counterpart'),
      align(3, 11, 31, 'intersects-with'),
      align(4, 12, 32, 'equivalent'),
    ],
  };
}

describe('LaTeX', () => {
  it('escapes every special character once, keeping Unicode quotes and dashes', () => {
    expect(latexEscape('# $ % & ~ _ ^ \\ { }')).toBe(
      '\\# \\$ \\% \\& \\textasciitilde{} \\_ \\textasciicircum{} \\textbackslash{} \\{ \\}',
    );
    expect(latexEscape('What’s “new” – and—more')).toBe('What’s “new” – and—more');
    expect(latexEscape('a\nb')).toBe('a\\newline{}b');
    expect(latexEscape('≡ ⊂')).toBe('\\ensuremath{\\equiv} \\ensuremath{\\subset}');
  });

  it('writes a booktabs + tabularx table with provenance comments and no unescaped specials in the cells', () => {
    const tex = renderLatex({ caption: '50% of R&D', header: ['A_b', 'C'], rows: [['x#1', '{y}']] }, { provenance });
    expect(tex).toContain('\\caption{50\\% of R\\&D}');
    expect(tex).toContain('A\\_b & C \\\\');
    expect(tex).toContain('x\\#1 & \\{y\\} \\\\');
    expect(tex).toMatch(/\\toprule\n.*\n\\midrule\n.*\n\\bottomrule/);
    expect(tex).toContain('\\begin{tabularx}{\\textwidth}');
    expect(tex).toContain('% generated-at: 2026-01-01T00:00:00.000Z');
    expect(tex).toContain(`% data snapshot sha-256: ${'a'.repeat(64)}`);
    expect(tex).toMatch(/% Needs \\usepackage\{booktabs,tabularx\}/);
  });
});

describe('references below a table', () => {
  const table = { caption: 'C', header: ['h'], rows: [['x']] };
  const refs = ['Smith, J. (2020). Costs & 50% of R_D. https://doi.org/10.1/x_y', 'Lee, K. (2021). <Title>.'];
  it('are a hanging-indent list after the table in LaTeX, escaped', () => {
    const tex = renderLatex(table, { references: refs });
    expect(tex.slice(tex.indexOf('\\end{table}'))).toBe([
      '\\end{table}', '', '\\noindent\\textbf{References}',
      '\\begin{list}{}{\\setlength{\\leftmargin}{2em}\\setlength{\\itemindent}{-2em}\\setlength{\\itemsep}{0pt}}',
      '\\item Smith, J. (2020). Costs \\& 50\\% of R\\_D. https://doi.org/10.1/x\\_y',
      '\\item Lee, K. (2021). \\textless{}Title\\textgreater{}.', '\\end{list}', '',
    ].join('\n'));
    expect(renderLatex(table)).not.toContain('References');
  });
  it('are an escaped list after the table in HTML', () => {
    const html = renderHtml(table, { references: refs });
    expect(html).toContain('<section><h2>References</h2>\n<ul class="references">\n<li>Smith, J. (2020). Costs &amp; 50% of R_D. https://doi.org/10.1/x_y</li>\n<li>Lee, K. (2021). &lt;Title&gt;.</li>\n</ul></section>');
    expect(html.indexOf('</table>')).toBeLessThan(html.indexOf('References'));
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas and quotes per RFC 4180', () => {
    const csv = renderCsv({ caption: '', header: ['h'], rows: [['=1+1'], ['+x'], ['-2'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['a "b", c'], ['plain']] });
    expect(csv.split('\r\n')).toEqual([
      'h', "'=1+1", "'+x", "'-2", "'@SUM(A1)", "'\tx", "\"'\rx\"", '"a ""b"", c"', 'plain', '',
    ]);
    expect(renderCsv({ caption: '', header: ['h'], rows: [] }, { bom: true })).toBe('\uFEFFh\r\n');
  });
});

describe('HTML', () => {
  it('escapes all text, so imported markup can never run', () => {
    const html = renderHtml({ caption: '<script>alert(1)</script>', header: ['"a"'], rows: [["<img src=x onerror=alert(1)>"]] }, { provenance });
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('review R &amp; &lt;D&gt; (r)');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('snapshot hash', () => {
  it('is SHA-256, matching node:crypto across block boundaries', () => {
    expect(sha256Text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [55, 56, 63, 64, 65, 119, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31) & 255);
      expect(sha256Hex(bytes)).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    }
    expect(sha256Text('Ünïcödé ≡')).toBe(crypto.createHash('sha256').update('Ünïcödé ≡', 'utf8').digest('hex'));
  });

  it('ignores key order and bookkeeping fields, not content', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    const s = snapshot();
    const later = { ...s, review: { ...s.review, version: 5, updatedAt: '2027-01-01T00:00:00.000Z' } };
    expect(snapshotHash(later)).toBe(snapshotHash(s));
    expect(snapshotHash({ ...s, review: { ...s.review, title: 'R2' } })).not.toBe(snapshotHash(s));
  });
});

/** Reads the '#' YAML header of an SSSOM/TSV file into its top-level keys and the curie_map prefixes. */
function sssomHeader(text: string): { keys: Set<string>; prefixes: Set<string>; body: string[] } {
  const lines = text.split('\n');
  const header = lines.filter((l) => l.startsWith('#')).map((l) => l.slice(2));
  const keys = new Set(header.filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0] ?? ''));
  const start = header.indexOf('curie_map:');
  const prefixes = new Set<string>();
  for (const l of header.slice(start + 1)) {
    const m = /^ {2}([A-Za-z_][\w.-]*): (\S+)$/.exec(l);
    if (!m) break;
    prefixes.add(m[1] ?? '');
  }
  return { keys, prefixes, body: lines.filter((l) => l !== '' && !l.startsWith('#')) };
}

describe('SSSOM/TSV', () => {
  const s = snapshot();
  const text = renderSssom({
    reviewSlug: 'r', title: 'T', creators: ['Me, 2026'], license: 'https://creativecommons.org/licenses/by/4.0/', provenance,
    mappings: alignmentMappings({ snapshot: s, crosswalk: buildCrosswalk(s), layout: 'bands' }),
  });
  const { keys, prefixes, body } = sssomHeader(text);
  const [columns, ...rows] = body.map((l) => l.split('\t'));

  it('has the required set slots and declares every prefix it uses', () => {
    for (const k of ['curie_map', 'mapping_set_id', 'license', 'creator_label', 'publication_date', 'extension_definitions']) expect(keys).toContain(k);
    expect(columns).toEqual([...SSSOM_COLUMNS]);
    const used = rows.flatMap((r) => [r[0], r[2], r[3], r[5], r[7]]).filter((v): v is string => Boolean(v)).map((c) => c.split(':')[0] ?? '');
    for (const p of used) expect(prefixes.has(p) || (BUILT_IN_PREFIXES as readonly string[]).includes(p)).toBe(true);
    expect(text).toContain('#   - slot_name: set_relation');
  });

  it('writes one predicate per row, maps relations per DESIGN §1.3 and sorts rows by subject then object', () => {
    expect(rows.map((r) => r.length)).toEqual(rows.map(() => SSSOM_COLUMNS.length));
    const col = (name: (typeof SSSOM_COLUMNS)[number]) => SSSOM_COLUMNS.indexOf(name);
    expect(rows.map((r) => [r[col('subject_id')], r[col('predicate_id')], r[col('object_id')], r[col('set_relation')]])).toEqual([
      ['phase:2', 'skos:relatedMatch', 'sssom:NoTermFound', 'no-counterpart'],
      ['phase:10', 'skos:broadMatch', 'stage:31', 'subset-of'],
      ['phase:11', 'skos:relatedMatch', 'stage:31', 'intersects-with'],
      ['phase:12', 'skos:exactMatch', 'stage:32', 'equivalent'],
    ]);
    for (const r of rows) expect(r[col('mapping_justification')]).toBe('semapv:ManualMappingCuration');
    const first = rows[1] ?? [];
    // labels are neutralised against formula injection; tabs and line breaks never split a row
    expect(first[col('subject_label')]).toBe(`'=cmd|"/c calc"!A1`);
    expect(first[col('confidence')]).toBe('0.8');
    expect(first[col('author_id')]).toBe('reviewer:7');
    expect(first[col('comment')]).toBe('set_relation=subset-of. line one line two');
    expect(rows[0]?.[col('subject_label')]).toBe('tab here');
  });

  it('labels derived model-to-model mappings as chaining', () => {
    const def = findTarget('pairwise');
    if (!def) throw new Error('no pairwise target');
    const out = renderText(def, 'sssom', { snapshot: s, crosswalk: buildCrosswalk(s), layout: 'bands', pair: { a: 3, b: 4 } }, { provenance, references: [] });
    const derived = out.split('\n').filter((l) => l.startsWith('phase:'));
    // Alpha's phase 10 ⊂ S1 and Beta's b1 ∩ S1: the only shared stage gives one derived row
    expect(derived).toHaveLength(1);
    expect(derived[0]?.split('\t').slice(0, 6)).toEqual([
      'phase:10', `'=cmd|"/c calc"!A1`, 'skos:relatedMatch', 'phase:11', 'b1', 'semapv:MappingChaining',
    ]);
  });
});

describe('figures', () => {
  it('draws the wheel and the coverage matrix as well-formed SVG with every label escaped', () => {
    const s = snapshot();
    const cw = buildCrosswalk(s);
    const wheel = renderWheelSvg(cw.stages, { title: 'Wheel <&>' });
    const coverage = renderCoverageSvg(cw, 'Coverage & gaps');
    for (const svg of [wheel, coverage]) expect(XMLValidator.validate(svg)).toBe(true);
    expect(wheel).toContain('S1 &amp; &lt;S&gt;');
    expect(wheel.match(/<path d="M [^"]+ A [^"]+ L /g)).toHaveLength(2);
    expect(wheel).toContain('marker-end="url(#back)"');
    // Alpha: one aligned cell and one "no counterpart" (all its phases assessed); Beta: aligned in both
    expect(coverage.match(/<circle /g)).toHaveLength(3 + 1);
    expect(coverage).toContain('Alpha → S2: no counterpart');
    expect(coverageTable(cw).rows).toEqual([['Alpha', '1 (⊂)', 'no counterpart'], ['Beta', '1 (∩)', '1 (≡)']]);
  });
});

describe('XLSX', () => {
  it('stores formula-looking cells as neutralised text, never as formulas', async () => {
    const { renderXlsx } = await import('../../shared/export/xlsx.ts');
    const ExcelJS = (await import('exceljs')).default;
    const bytes = await renderXlsx({ caption: 'Cap: [x]/y?', header: ['=HEADER()', 'b'], rows: [['=HYPERLINK("http://x")', '@SUM(1)'], ['plain', '-1']] }, { provenance });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    // sheet names may not contain : \ / ? * [ ]
    expect(ws.name).toBe('Cap   x  y');
    const values = [1, 2, 3].map((r) => [1, 2].map((c) => ws.getRow(r).getCell(c).value));
    expect(values).toEqual([["'=HEADER()", 'b'], [`'=HYPERLINK("http://x")`, "'@SUM(1)"], ['plain', "'-1"]]);
    expect(values.flat().every((v) => typeof v === 'string')).toBe(true);
  });
});
