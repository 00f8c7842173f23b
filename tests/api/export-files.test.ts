// Downloads over real HTTP: media types, file names, binary files read back, previews equal to the files, and
// bad requests answered with problem+json naming the field.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e).trim();
/** mammoth's HTML: the first paragraph and the table's cells, row by row */
function docxContent(html: string): { firstParagraph: string; rows: string[][] } {
  const first = /<p>(.*?)<\/p>/.exec(html)?.[1] ?? '';
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => text(c[1] ?? '')));
  return { firstParagraph: text(first), rows };
}

const MODELS = [
  'The six stages of social innovation (Murray et al., 2010)',
  'Innovation Spiral (Nesta, 2016)',
  'Innovation spectrum tool (Spring Consortium, 2016)',
  'Stages of innovation (Mulgan et al., 2007)',
  '‘Double Diamond’ (Design Council, 2019)',
  'Systemic design framework (Design Council, 2021)',
  'Human-centred design (IDEO, 2015)',
  'EPIS framework (Moullin et al., 2019)',
  'Phases of Innovation (Hartley 2006)',
  'Indicative options for contributing to systemic innovation (Mulgan and Leadbeater, 2013)',
];

describe('export API', () => {
  let s: TestServer;
  let table1: { header: string[]; rows: string[][] };
  beforeAll(async () => {
    s = await startTestServer();
    table1 = (await s.request('GET', '/api/reviews/1/crosswalk')).body.tables.bands;
  });
  afterAll(async () => s.close());

  const download = async (pathname: string) => {
    const res = await fetch(`${s.url}${pathname}`);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('sends XLSX with every model and phase in the right cell, a styled frozen header, wrapping and widths', async () => {
    const { res, bytes } = await download('/api/reviews/1/export/crosswalk?format=xlsx&layout=bands');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?stages-of-innovation-crosswalk-bands\.xlsx"?$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const cells = [];
    for (let r = 1; r <= ws.rowCount; r++) cells.push([1, 2, 3, 4].map((c) => String(ws.getRow(r).getCell(c).value ?? '')));
    expect(cells).toEqual([table1.header, ...table1.rows]);
    expect(cells.slice(1).map((r) => r[0])).toEqual(MODELS);
    expect(cells[7]).toEqual(['Human-centred design (IDEO, 2015)', 'Frame a driving question; gather inspiration; generate breakthrough ideas',
      'Make ideas tangible through rough prototypes; test to learn and refine', 'Share the story']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B3').alignment?.wrapText).toBe(true);
    for (let c = 1; c <= 4; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(12);
    const about = wb.getWorksheet('About');
    expect(about?.getCell('A4').value).toBe('Data snapshot sha-256');
    expect(about?.getCell('B4').value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends DOCX with the caption "Table 1 Modellings…" and every phase in its model’s row and band column', async () => {
    const { res, bytes } = await download('/api/reviews/1/export/crosswalk?format=docx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const buffer = Buffer.from(bytes);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const { firstParagraph, rows } = docxContent(html);
    expect(firstParagraph).toBe('Table 1 Modellings of the stages of innovation included in our synthesis');
    expect(rows).toEqual([table1.header, ...table1.rows]);
    // the source models' references below the table, in APA by default
    const after = html.slice(html.lastIndexOf('</table>'));
    expect(after).toContain('<strong>References</strong>');
    expect(after).toMatch(/Murray, R\., Caulier-Grice, J\., &amp; Mulgan, G\. \(2010\)\. The open book of social innovation\./);
    const vancouver = await download('/api/reviews/1/export/crosswalk?format=docx&style=vancouver');
    const { value: vHtml } = await mammoth.convertToHtml({ buffer: Buffer.from(vancouver.bytes) });
    expect(vHtml.slice(vHtml.lastIndexOf('</table>'))).toMatch(/Murray R, Caulier-Grice J, Mulgan G\./);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string');
    // journal style: no vertical rules
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).not.toMatch(/<w:left w:val="single"/);
  });

  it('sends Table 2 as DOCX with its four columns, the key-question labels and the user’s caption when given', async () => {
    const { bytes } = await download('/api/reviews/1/export/stages?format=docx&caption=My%20caption');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const { firstParagraph, rows } = docxContent(html);
    expect(firstParagraph).toBe('My caption');
    expect(rows[0]).toEqual(['Stage', 'Focus and purpose of this stage', 'Key questions for innovators', 'Success measured by…']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Mobilising', 'Designing', 'Developing', 'Integrating', 'Growing', 'System change']);
    expect(rows[1]?.[2]).toBe('Possibility: What’s needed/wanted and by whom?');
  });

  it('previews exactly the text it downloads, and the table behind a binary format', async () => {
    for (const format of ['csv', 'tex', 'sssom']) {
      const file = await s.request('GET', `/api/reviews/1/export/crosswalk?format=${format}`);
      const preview = await s.request('GET', `/api/reviews/1/export/crosswalk/preview?format=${format}`);
      expect(preview.status).toBe(200);
      const strip = (t: string) => t.replace(/^.*generated[-_ ]?at.*$/gim, '');
      expect(strip(preview.body.text)).toBe(strip(file.text));
    }
    const xlsx = await s.request('GET', '/api/reviews/1/export/stages/preview?format=xlsx');
    expect(xlsx.body).toMatchObject({ binary: true, fileName: 'stages-of-innovation-stages.xlsx' });
    expect(xlsx.body.html).toContain('<th scope="row">Mobilising</th>');
  });

  it('sends SVG figures and names files for what they hold', async () => {
    const wheel = await s.request('GET', '/api/reviews/1/export/wheel?format=svg');
    expect(wheel.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(wheel.text).toContain('<title id="wheel-title">Stages of innovation wheel</title>');
    const cov = await s.request('GET', '/api/reviews/1/export/coverage?format=csv');
    expect(cov.headers.get('content-disposition')).toMatch(/^attachment; filename="?stages-of-innovation-coverage\.csv"?$/);
    expect(cov.text.split('\r\n')[1]).toBe('"The six stages of social innovation (Murray et al., 2010)",1 (≡),1 (≡),1 (⊂),1 (≡),1 (≡),1 (≡)');
    expect(cov.text.split('\r\n')[2]).toBe('"Innovation Spiral (Nesta, 2016)",not assessed,not assessed,not assessed,not assessed,not assessed,not assessed');
  });

  it('answers bad requests with problem+json naming the field', async () => {
    const cases: [string, number, string][] = [
      ['/api/reviews/1/export/crosswalk?format=pdf', 400, '/query/format'],
      ['/api/reviews/1/export/stages?format=sssom', 400, '/query/format'],
      ['/api/reviews/1/export/nothing', 400, '/params/what'],
      ['/api/reviews/1/export/crosswalk?layout=diagonal', 400, '/query/layout'],
      ['/api/reviews/1/export/crosswalk?style=mla', 400, '/query/style'],
      ['/api/reviews/1/export/pairwise?a=1', 400, '/query/b'],
    ];
    for (const [url, status, pointer] of cases) {
      const res = await s.request('GET', url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer), url).toContain(pointer);
    }
    const missing = await s.request('GET', '/api/reviews/99/export/crosswalk');
    expect(missing.status).toBe(404);
    const notSource = await s.request('GET', '/api/reviews/1/export/pairwise?a=1&b=11');
    expect(notSource.status).toBe(422);
    expect(notSource.body.detail).toMatch(/must both be source models/);
  });

  it('derives a model-to-model crosswalk once two models are aligned', async () => {
    const phases = (await s.request('GET', '/api/reviews/1/frameworks/2/phases')).body as { id: number; label: string }[];
    const explore = phases.find((p) => p.label === 'Exploring opportunities and challenges');
    if (!explore) throw new Error('no phase');
    const created = await s.request('POST', '/api/reviews/1/alignments', { phaseId: explore.id, stageId: 1, relation: 'superset-of' });
    expect(created.status).toBe(201);
    const md = await s.request('GET', '/api/reviews/1/export/pairwise?format=md&a=1&b=2');
    // Murray's phase ≡ Mobilising and Nesta's phase ⊃ Mobilising: Murray's phase ⊂ Nesta's
    expect(md.text).toContain('| Prompts, inspirations and diagnoses | ⊂ subset-of | Exploring opportunities and challenges | Mobilising (≡/⊃) |');
    const sssom = await s.request('GET', '/api/reviews/1/export/pairwise?format=sssom&a=1&b=2');
    expect(sssom.text).toMatch(/\nphase:1\tPrompts, inspirations and diagnoses\tskos:broadMatch\tphase:\d+\tExploring opportunities and challenges\tsemapv:MappingChaining\t/);
  });
});
