// Where an exported file came from: the review, a hash of the data it was made from, the app version and when.
// Every format that can carry comments or metadata carries this; `generatedAt` is the only part that changes
// between two exports of the same data.
// No zod here: the client imports this module, and zod's eval probe trips the page's CSP.
export interface Provenance {
  reviewSlug: string;
  reviewTitle: string;
  /** sha-256 of the canonical JSON of the review's data snapshot (shared/snapshot-hash.ts) */
  snapshotHash: string;
  appVersion: string;
  /** ISO 8601 */
  generatedAt: string;
}

export const GENERATOR = 'Synthesis Workbench';

/** The provenance as plain lines, for formats whose comments are line-based (LaTeX, SSSOM, HTML comments). */
export function provenanceLines(p: Provenance): string[] {
  return [
    `${GENERATOR} ${p.appVersion}`,
    `review: ${p.reviewTitle} (${p.reviewSlug})`,
    `data snapshot sha-256: ${p.snapshotHash}`,
    `generated-at: ${p.generatedAt}`,
  ];
}

/** Matches the one line that differs between two exports of the same data, in any text format. */
export const GENERATED_AT_LINE = /^.*generated[-_ ]?at.*$/gim;
