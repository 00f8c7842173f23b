// Shared helpers for the literature parser tests: read a fixture as the importer would (bytes → text at the edge).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../../server/services/decode.ts';
import { createParser, createSplitter, parseText, type ParseResult } from '../../../shared/literature/parse/index.ts';
import type { InputFormat, ParsedRecord, RecordFailure } from '../../../shared/literature/types.ts';

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

/** Streams `text` through a format's splitter and parser cut at the given offsets (any order, repeats allowed). */
export function streamParse(format: InputFormat, text: string, cuts: number[]): (ParsedRecord | RecordFailure)[] {
  const splitter = createSplitter(format);
  const parser = createParser(format);
  const out: (ParsedRecord | RecordFailure)[] = [];
  const feed = (raws: ReturnType<typeof splitter.push>): void => {
    for (const raw of raws) {
      const r = parser.parse(raw);
      if (r) out.push(r);
    }
  };
  let prev = 0;
  for (const p of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
    feed(splitter.push(text.slice(prev, p)));
    prev = p;
  }
  feed(splitter.push(text.slice(prev)));
  feed(splitter.end());
  return out;
}
