// Small helpers shared by the SVG figure renderers: escaping, numbers that print the same everywhere, wrapping.
import { escapeHtml } from './html.ts';

export const escapeXml = escapeHtml;

/** Two decimals, no trailing zeros: the same coordinates give the same bytes. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Greedy word wrap by character count; SVG has no text layout of its own. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export const FONT = "font-family=\"'Helvetica Neue',Arial,sans-serif\"";
