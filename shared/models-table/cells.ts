// What a cell of Table 1 says: the model cell is a name with its citation as printed in a trailing parenthetical;
// a band cell lists phases separated by ";" or line breaks.

const YEAR = /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.?/i;

/** Undoes the apostrophe our own CSV and XLSX exports put before a cell a spreadsheet would run as a formula. */
export function cleanCell(raw: string): string {
  return raw.replace(/^'(?=[=+\-@])/, '');
}

/**
 * One line of text from a cell that may have been wrapped, as text copied from a PDF is: a hyphen at a line break
 * between two letters, the second lower-case, is the wrap's ("so-\ncial" → "social"); other line breaks are spaces.
 */
export function unwrap(text: string): string {
  return text
    .replace(/(\p{L})-[ \t\u00a0]*\r?\n[ \t\u00a0]*(?=\p{Ll})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "The six stages of social innovation (Murray et al., 2010)" → the name and "Murray et al., 2010" verbatim. */
export function splitModelCell(raw: string): { name: string; citation: string } {
  const text = unwrap(raw);
  const m = /^(.*?)\s*\(([^()]*)\)$/su.exec(text);
  if (m && YEAR.test(m[2] ?? '')) return { name: (m[1] ?? '').trim(), citation: (m[2] ?? '').trim() };
  return { name: text, citation: '' };
}

/** A dash alone is how a printed table says "none" in a cell. */
const NONE = /^[-‐‑‒–—―]+$/u;

/** "Prompts, inspirations and diagnoses; proposals and ideas" → two phases; commas stay inside a phase. */
export function splitPhases(raw: string): string[] {
  return raw
    .split(/;|\r\n|\r|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '' && !NONE.test(p));
}
