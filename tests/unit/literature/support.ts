// Shared helpers for the literature parser tests: read a fixture as the importer would (bytes → text at the edge).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../../server/services/decode.ts';
import { parseText, type ParseResult } from '../../../shared/literature/parse/index.ts';
import type { InputFormat, ParsedRecord } from '../../../shared/literature/types.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (name: string): string => path.join(repoRoot, 'fixtures/literature', name);

export function parseFile(file: string, format?: InputFormat): ParseResult {
  const { text } = decodeBytes(fs.readFileSync(file));
  return parseText(text, format, path.basename(file));
}

export function record(result: ParseResult, n: number): ParsedRecord {
  const r = result.records.find((x) => x.recordNumber === n);
  if (!r) throw new Error(`record ${n} missing`);
  return r;
}

export const year = (r: ParsedRecord): number | string | undefined => r.item.issued?.['date-parts']?.[0]?.[0];
