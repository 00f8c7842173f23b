// LaTeX table (booktabs + tabularx). Every character that LaTeX treats specially is escaped; Unicode quotes and
// dashes stay as UTF-8 (modern LaTeX reads UTF-8 input natively), and the few mathematical marks the stage layout
// uses are written as math so that pdfLaTeX needs no extra font.
import type { TextTable } from '../crosswalk/tables.ts';
import { provenanceLines, type Provenance } from './provenance.ts';

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '≡': '\\ensuremath{\\equiv}',
  '⊂': '\\ensuremath{\\subset}',
  '⊃': '\\ensuremath{\\supset}',
  '∩': '\\ensuremath{\\cap}',
};
const SPECIAL = /[\\{}#$%&_~^<>|≡⊂⊃∩]|\r?\n/g;

/** One pass, so that the backslashes an escape introduces are never escaped again. */
export function latexEscape(text: string): string {
  return text.replace(SPECIAL, (ch) => (ch === '\n' || ch === '\r\n' ? '\\newline{}' : (ESCAPES[ch] ?? ch)));
}

export function latexLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'table';
}

export interface LatexOptions {
  provenance?: Provenance;
  label?: string;
  /** formatted references, printed below the table */
  references?: string[];
}

export function renderLatex(table: TextTable, options: LatexOptions = {}): string {
  const comment = (line: string): string => `% ${line.replace(/\r?\n/g, ' ')}`;
  const row = (cells: string[]): string => `${cells.map(latexEscape).join(' & ')} \\\\`;
  const columns = `@{}${table.header.map(() => '>{\\raggedright\\arraybackslash}X').join('')}@{}`;
  const lines = [
    ...(options.provenance ? provenanceLines(options.provenance).map(comment) : []),
    comment('Needs \\usepackage{booktabs,tabularx}; the text is UTF-8 (quotes and dashes kept as typed):'),
    comment('with pdfLaTeX before 2018 also \\usepackage[utf8]{inputenc} and \\usepackage[T1]{fontenc}.'),
    '\\begin{table}[htbp]',
    '\\centering',
    '\\small',
    `\\caption{${latexEscape(table.caption)}}`,
    `\\label{tab:${options.label ?? latexLabel(table.caption)}}`,
    `\\begin{tabularx}{\\textwidth}{${columns}}`,
    '\\toprule',
    row(table.header),
    '\\midrule',
    ...table.rows.map(row),
    '\\bottomrule',
    '\\end{tabularx}',
    '\\end{table}',
  ];
  if (options.references && options.references.length > 0) {
    // a hanging-indent list, as reference lists are set, without needing biblatex
    lines.push(
      '',
      '\\noindent\\textbf{References}',
      '\\begin{list}{}{\\setlength{\\leftmargin}{2em}\\setlength{\\itemindent}{-2em}\\setlength{\\itemsep}{0pt}}',
      ...options.references.map((r) => `\\item ${latexEscape(r)}`),
      '\\end{list}',
    );
  }
  return `${lines.join('\n')}\n`;
}
