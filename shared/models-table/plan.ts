// planModelsImport(rows, review) → exactly what an import of the table would create: which column is the model,
// which columns fill which bands (existing or new), each model with its citation as printed and its phases band by
// band, and every problem with its row and column. Pure: the preview shows the plan, the import creates it.
import { matchCitation, type LibraryCitation } from './citation-match.ts';
import { cleanCell, splitModelCell, splitPhases } from './cells.ts';
import type { ColumnMapping, ModelsImportPlan, PlanColumn, PlanModel, PlanPhase, PlanProblem, TableRow } from './schemas.ts';

export interface PlanOptions {
  /** the review's bands in their order */
  bands: { id: number; label: string }[];
  /** names of the review's source models */
  existingModels: string[];
  citations: LibraryCitation[];
  /** is the first row a header? (default: detected) */
  headerRow?: boolean;
  /** the user's mapping for some or all columns; the rest are mapped as detected */
  columns?: ColumnMapping[];
}

/** the longest phase label, model name and citation the API accepts (shared/schemas.ts) */
export const MAX_LABEL = 500;
export const MAX_BAND_LABEL = 200;

/** Band labels compare ignoring case, spaces and a trailing "phase(s)" or "stage(s)": "Early" is "Early phases". */
export function bandKey(label: string): string {
  const key = label.toLowerCase().replace(/\s+/g, '');
  return key.replace(/(phases?|stages?)$/, '') || key;
}

const nameKey = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();

const MODEL_HEADER = /^(?:the\s+)?(?:source\s+)?(?:models?|frameworks?|names?|modell?ings?|approach(?:es)?)\b/i;
const BAND_HEADER = /\b(?:phases?|stages?|bands?)$/i;

/** The first row is a header when it names the model column, or its other cells are band names. */
export function looksLikeHeader(cells: string[], bands: { label: string }[]): boolean {
  const [first = '', ...others] = cells.map((c) => c.trim());
  if (MODEL_HEADER.test(first) && splitModelCell(first).citation === '') return true;
  const named = others.filter((c) => c !== '');
  if (named.length === 0) return false;
  const keys = new Set(bands.map((b) => bandKey(b.label)));
  return named.every((c) => keys.has(bandKey(c))) || named.every((c) => BAND_HEADER.test(c) && !c.includes(';'));
}

/** cells up to the last one that is not empty: trailing delimiters from a copy do not make a row wider */
const usedWidth = (cells: string[]): number => {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] ?? '').trim() === '') n--;
  return n;
};

export function planModelsImport(rows: TableRow[], options: PlanOptions): ModelsImportPlan {
  const problems: PlanProblem[] = [];
  const bands = options.bands;
  const first = rows[0];
  const headerRow = options.headerRow ?? (first !== undefined && looksLikeHeader(first.cells, bands));
  const header = headerRow && first ? first.cells.map((c) => cleanCell(c).replace(/\s+/g, ' ').trim()) : [];
  const data = headerRow ? rows.slice(1) : rows;
  const cellsOf = (row: TableRow): string[] => row.cells.map(cleanCell);
  const width = Math.max(usedWidth(header), ...data.map((r) => usedWidth(r.cells)), 0);

  const bandByKey = new Map(bands.map((b) => [bandKey(b.label), b]));
  const existingBand = (label: string) => bandByKey.get(bandKey(label));
  const columnEmpty = (c: number) => data.every((r) => (r.cells[c] ?? '').trim() === '');
  const modelColumn = headerRow ? Math.max(0, header.findIndex((h) => MODEL_HEADER.test(h))) : 0;

  const bandColumn = (index: number, label: string): PlanColumn => {
    const found = existingBand(label);
    return { index, header: header[index] ?? '', role: 'band', bandId: found?.id ?? null, bandLabel: found?.label ?? label };
  };
  const otherColumn = (index: number, role: 'model' | 'ignore'): PlanColumn =>
    ({ index, header: header[index] ?? '', role, bandId: null, bandLabel: '' });

  const columns: PlanColumn[] = [];
  let nextBand = 0;
  for (let c = 0; c < width; c++) {
    const h = header[c] ?? '';
    if (c === modelColumn) columns.push(otherColumn(c, 'model'));
    else if (headerRow) columns.push(h === '' ? otherColumn(c, 'ignore') : bandColumn(c, h));
    else {
      // no header: the columns fill the review's bands in order; further columns with something in them are new bands
      const band = bands[nextBand++];
      if (band) columns.push({ index: c, header: '', role: 'band', bandId: band.id, bandLabel: band.label });
      else columns.push(columnEmpty(c) ? otherColumn(c, 'ignore') : bandColumn(c, `Column ${c + 1}`));
    }
  }

  const columnName = (c: number): string => {
    const col = columns[c];
    if (col?.header) return col.header;
    if (col?.role === 'model') return 'Model';
    return col?.bandLabel || (headerRow ? 'no header' : 'ignored');
  };
  const problem = (row: number, column: number, severity: PlanProblem['severity'], text: string): void => {
    const where = row > 0 ? `row ${row}, column ${column + 1} (${columnName(column)}): ` : column >= 0 ? `column ${column + 1} (${columnName(column)}): ` : '';
    problems.push({ row, column: column + 1, severity, message: `${where}${text}` });
  };

  for (const m of options.columns ?? []) {
    if (m.index >= width) {
      problem(0, -1, 'error', `the mapping names column ${m.index + 1}, but the table has ${width} column${width === 1 ? '' : 's'}`);
      continue;
    }
    if (m.role !== 'band') columns[m.index] = otherColumn(m.index, m.role);
    else if (m.bandId !== undefined && m.bandId !== null) {
      const band = bands.find((b) => b.id === m.bandId);
      columns[m.index] = { index: m.index, header: header[m.index] ?? '', role: 'band', bandId: m.bandId, bandLabel: band?.label ?? '' };
      if (!band) problem(0, m.index, 'error', `there is no band ${m.bandId} in this review`);
    } else {
      const label = m.bandLabel?.replace(/\s+/g, ' ').trim() || header[m.index] || `Column ${m.index + 1}`;
      columns[m.index] = bandColumn(m.index, label);
    }
  }

  const modelColumns = columns.filter((c) => c.role === 'model');
  const bandColumns = columns.filter((c) => c.role === 'band');
  const newBands: string[] = [];
  for (const col of bandColumns) {
    if (col.bandId !== null || newBands.some((b) => bandKey(b) === bandKey(col.bandLabel))) continue;
    newBands.push(col.bandLabel);
    if (col.bandLabel.length > MAX_BAND_LABEL) problem(0, col.index, 'error', `a band name can be at most ${MAX_BAND_LABEL} characters`);
  }
  if (data.length === 0) problem(0, -1, 'error', rows.length === 0 ? 'the table is empty' : 'the table has no rows below its header');
  if (modelColumns.length === 0 && width > 0) problem(0, -1, 'error', 'no column holds the models: set one column to Model');
  for (const extra of modelColumns.slice(1)) problem(0, extra.index, 'error', 'only one column can hold the models');
  if (bandColumns.length === 0 && width > 0) problem(0, -1, 'error', 'no column holds phases: map at least one column to a band');

  // phases are created band by band in the order of the bands (new ones after the review's), as seed.ts does
  const bandOrder = new Map<string, number>();
  bands.forEach((b, i) => bandOrder.set(bandKey(b.label), i));
  newBands.forEach((b, i) => bandOrder.set(bandKey(b), bands.length + i));
  const order = (p: PlanPhase): number => bandOrder.get(bandKey(p.bandLabel)) ?? Number.MAX_SAFE_INTEGER;

  const existing = new Set(options.existingModels.map(nameKey));
  const seen = new Map<string, number>();
  const models: PlanModel[] = [];
  const modelCol = modelColumns[0]?.index ?? -1;
  const headerWidth = usedWidth(header);

  for (const row of data) {
    const cells = cellsOf(row);
    if (headerRow && usedWidth(cells) > headerWidth) {
      problem(row.line, headerWidth, 'error', `this row has ${usedWidth(cells)} cells but the header has ${headerWidth}: a cell was split or a column has no header`);
    }
    const { name, citation } = modelCol >= 0 ? splitModelCell(cells[modelCol] ?? '') : { name: '', citation: '' };
    const phases: PlanPhase[] = [];
    for (const col of columns) {
      const text = cells[col.index] ?? '';
      if (col.role === 'ignore' && text.trim() !== '') {
        const shown = text.replace(/\s+/g, ' ').trim();
        problem(row.line, col.index, 'warning', `“${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}” is in an ignored column and is not imported`);
      }
      if (col.role !== 'band') continue;
      for (const label of splitPhases(text)) {
        if (label.length > MAX_LABEL) problem(row.line, col.index, 'error', `a phase is ${label.length} characters long; at most ${MAX_LABEL} are allowed`);
        phases.push({ label, bandLabel: col.bandLabel, column: col.index });
      }
    }
    if (modelCol < 0) continue;
    if (name === '') {
      if (phases.length > 0 || citation !== '') problem(row.line, modelCol, 'error', 'this row has phases but no model name');
      continue;
    }
    if (name.length > MAX_LABEL) problem(row.line, modelCol, 'error', `the model name is ${name.length} characters long; at most ${MAX_LABEL} are allowed`);
    if (citation.length > MAX_LABEL) problem(row.line, modelCol, 'error', `the citation is ${citation.length} characters long; at most ${MAX_LABEL} are allowed`);
    const key = nameKey(name);
    const earlier = seen.get(key);
    if (existing.has(key)) problem(row.line, modelCol, 'error', `“${name}” is already a model of this review`);
    else if (earlier !== undefined) problem(row.line, modelCol, 'error', `“${name}” is also in row ${earlier}`);
    else seen.set(key, row.line);

    let citationMatch: PlanModel['citationMatch'] = null;
    if (citation !== '') {
      const found = matchCitation(citation, options.citations);
      if (found.kind === 'matched') citationMatch = found.match;
      else if (found.kind === 'ambiguous') {
        problem(row.line, modelCol, 'warning', `“${citation}” matches ${found.citekeys.length} citations (${found.citekeys.join(', ')}): left to complete`);
      } else problem(row.line, modelCol, 'warning', `“${citation}” is not among the review's citations: left to complete`);
    }
    const inBandOrder = phases.map((p, i) => ({ p, i })).sort((a, b) => order(a.p) - order(b.p) || a.i - b.i).map(({ p }) => p);
    models.push({ row: row.line, name, citation, citationMatch, phases: inBandOrder });
  }

  return { headerRow, columns, models, newBands, problems };
}

/** The JSON pointer of a problem into the table, for the API's 422 answer. */
export function problemPointer(p: PlanProblem): string {
  if (p.row > 0) return `/table/rows/${p.row}/columns/${p.column}`;
  return p.column > 0 ? `/table/columns/${p.column}` : '/table';
}
