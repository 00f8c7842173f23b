// One file → one batch: stream the bytes, decode, split into raw records, parse each on its own, insert in chunks.
// Runs in the import worker (its own connection), so the HTTP thread never waits on it.
import fs from 'node:fs';
import type { Db } from '../../db/connection.ts';
import { createLiteratureRepo } from '../../db/literature-repo.ts';
import { isFailure, type InputFormat, type ParsedRecord, type RawRecord } from '../../../shared/literature/types.ts';
import { createStreamDecoder } from './decode-stream.ts';
import { pipelineFor, type FormatPipeline } from './parsers.ts';

export interface ImportJob {
  batchId: number;
  reviewId: number;
  file: string;
  fileName: string;
  format: InputFormat | 'auto';
}

export interface ImportCounts {
  format: string;
  records: number;
  imported: number;
  failed: { record: number; reason: string }[];
  failedCount: number;
  bytesRead: number;
  totalBytes: number;
  recordsPerSecond: number;
  duplicateGroups: number | null;
}

const CHUNK_RECORDS = 2000;
const READ_BYTES = 1 << 20;
/** failures reported back in full; all of them are stored in import_failure */
const REPORTED_FAILURES = 1000;

export async function runImport(db: Db, job: ImportJob, onProgress: (c: ImportCounts) => void): Promise<ImportCounts> {
  const repo = createLiteratureRepo(db);
  const totalBytes = fs.statSync(job.file).size;
  const started = performance.now();
  const counts: ImportCounts = {
    format: job.format, records: 0, imported: 0, failed: [], failedCount: 0, bytesRead: 0, totalBytes,
    recordsPerSecond: 0, duplicateGroups: null,
  };
  let pipe: FormatPipeline | null = null;
  let decoder: ReturnType<typeof createStreamDecoder> | null = null;
  let parsed: ParsedRecord[] = [];
  let failed: { recordNumber: number; reason: string; raw: string }[] = [];
  let lastReport = 0;
  const batch = { id: job.batchId, reviewId: job.reviewId, fileName: job.fileName, format: String(job.format) };

  const flush = (): void => {
    repo.insertChunk(batch, parsed, failed);
    parsed = [];
    failed = [];
  };
  const report = (force = false): void => {
    const t = performance.now();
    if (!force && t - lastReport < 200) return;
    lastReport = t;
    counts.recordsPerSecond = Math.round(counts.records / Math.max(0.001, (t - started) / 1000));
    onProgress({ ...counts, failed: counts.failed.slice(0, 50) });
  };
  const take = (records: RawRecord[]): void => {
    const p = pipe as FormatPipeline;
    for (const rec of records) {
      counts.records++;
      let result;
      try {
        result = p.parser.parse(rec);
      } catch (error) {
        // a parser bug on one record must not lose the others
        result = { recordNumber: rec.recordNumber, raw: rec.raw, reason: `parser error: ${(error as Error).message}` };
      }
      if (result === null) {
        counts.records--;
        continue;
      }
      if (isFailure(result)) {
        counts.failedCount++;
        if (counts.failed.length < REPORTED_FAILURES) counts.failed.push({ record: result.recordNumber, reason: result.reason });
        failed.push(result);
      } else {
        counts.imported++;
        parsed.push(result);
      }
      if (parsed.length + failed.length >= CHUNK_RECORDS) flush();
    }
    report();
  };

  const stream = fs.createReadStream(job.file, { highWaterMark: READ_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    counts.bytesRead += chunk.length;
    if (!decoder) decoder = createStreamDecoder(chunk);
    const text = decoder.write(chunk);
    if (!pipe) {
      pipe = pipelineFor(job.format, text.replace(/^\uFEFF/, '').slice(0, 64 * 1024), job.fileName);
      counts.format = pipe.format;
      batch.format = pipe.format;
      repo.setBatchFormat(job.batchId, pipe.format);
    }
    take(pipe.splitter.push(text));
  }
  if (!pipe) throw new Error(`${job.fileName} is empty: there are no records to import.`);
  const rest = decoder ? decoder.end() : '';
  take([...(rest ? pipe.splitter.push(rest) : []), ...pipe.splitter.end()]);
  flush();
  const groups = repo.completeBatch(job.batchId, { records: counts.records, imported: counts.imported, failed: counts.failedCount });
  counts.duplicateGroups = groups.length;
  report(true);
  return counts;
}
