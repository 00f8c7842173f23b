// A standalone, printable HTML page holding one table: no scripts, no external resources, every text escaped.
import type { TextTable } from '../crosswalk/tables.ts';
import { GENERATOR, type Provenance } from './provenance.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Escaped text with line breaks kept as <br>. */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

const STYLE = `
body{font:11pt/1.4 Georgia,'Times New Roman',serif;color:#111;margin:2rem auto;max-width:60rem;padding:0 1rem}
table{border-collapse:collapse;width:100%;border-top:2px solid #111;border-bottom:2px solid #111}
caption{caption-side:top;text-align:left;font-weight:bold;padding-bottom:.5rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem}
thead th{border-bottom:1px solid #111}
tbody th{font-weight:normal}
ul.references{list-style:none;padding-left:2em}
ul.references li{text-indent:-2em}
footer{margin-top:1.5rem;font-size:8pt;color:#555}
@media print{body{margin:0;max-width:none}footer{position:fixed;bottom:0}}
`.trim();

export interface HtmlOptions {
  provenance?: Provenance;
  references?: string[];
}

/** The table alone, as a fragment: the dialog's preview and the standalone page use the same markup. */
export function renderHtmlTable(table: TextTable): string {
  const head = `<tr>${table.header.map((h) => `<th scope="col">${cellHtml(h)}</th>`).join('')}</tr>`;
  const body = table.rows
    .map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${cellHtml(c)}</th>` : `<td>${cellHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<caption>${cellHtml(table.caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function renderHtml(table: TextTable, options: HtmlOptions = {}): string {
  const p = options.provenance;
  const meta = p
    ? [
        `<meta name="generator" content="${escapeHtml(`${GENERATOR} ${p.appVersion}`)}">`,
        `<meta name="workbench-review" content="${escapeHtml(p.reviewSlug)}">`,
        `<meta name="workbench-snapshot-sha256" content="${p.snapshotHash}">`,
      ]
    : [];
  const references = options.references && options.references.length > 0
    ? `<section><h2>References</h2>\n<ul class="references">\n${options.references.map((r) => `<li>${cellHtml(r)}</li>`).join('\n')}\n</ul></section>`
    : '';
  const footer = p
    ? `<footer>${escapeHtml(`${GENERATOR} ${p.appVersion} · review ${p.reviewTitle} (${p.reviewSlug}) · data snapshot sha-256 ${p.snapshotHash}`)}<br>\n<span>generated-at ${escapeHtml(p.generatedAt)}</span></footer>`
    : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...meta,
    `<title>${escapeHtml(table.caption)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderHtmlTable(table),
    references,
    '</main>',
    footer,
    '</body>',
    '</html>',
    '',
  ].filter((l) => l !== '').join('\n') + '\n';
}
