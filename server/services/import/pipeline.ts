// One file → one batch, on two threads so both cores work: the parse thread streams the bytes, decodes, splits
// into raw records, parses each on its own and turns it into a ready-to-insert row; the write thread inserts chunks
// in short transactions, then fills the search index slice by slice and finds duplicates. A credit scheme (at most
// MAX_IN_FLIGHT chunks between them) keeps memory bounded however large the file. The write thread pauses after
// every transaction: other writers (the HTTP thread, another process) only get the lock when SQLite's busy handler
// polls while it is free, and a writer that begins again at once would starve them.
import fs from 'node:fs';
import type { Db } from '../../db/connection.ts';
import { createLiteratureRepo, toItemRow, type ItemRow } from '../../db/literature-repo.ts';
import { isFailure, type InputFormat, type ParsedRecord, type RawRecord, type RecordFailure } from '../../../shared/literature/types.ts';
import { createMarkerCounter, type MarkerCount } from '../../../shared/literature/parse/markers.ts';
import { formatLabel, sniff } from '../../../shared/literature/parse/sniff.ts';
import { createDecoder, type TextDecoderStream } from '../decode.ts';
import { ImportFileError, pipelineFor, type FormatPipeline } from './parsers.ts';

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
  /** what the import noticed about the file as a whole: the content overruled the name, records announced but not read */
  notes: string[];
  /** records the file's own markers announce beyond those that came out (read or failed) */
  lost: number;
}

export interface ChunkFailure {
  recordNumber: number;
  reason: string;
  raw: string;
}

export type ParseMessage =
  | { kind: 'format'; format: InputFormat; notes: string[] }
  | { kind: 'chunk'; rows: ItemRow[]; failed: ChunkFailure[]; records: number; bytesRead: number; totalBytes: number }
  | { kind: 'end'; records: number; bytesRead: number; totalBytes: number; notes: string[]; lost: number }
  | { kind: 'error'; message: string; needsFormat: boolean };

export const CHUNK_RECORDS = 2000;
export const MAX_IN_FLIGHT = 3;
const READ_BYTES = 1 << 20;
/**
 * No record is this long: text beyond it without a record ending (one enormous line, an unclosed quote or brace)
 * refuses the file at once, with memory bounded, instead of buffering gigabytes without progress.
 */
export const MAX_RECORD_CHARS = Number(process.env.WORKBENCH_MAX_RECORD_CHARS ?? 32 * 1024 * 1024);
/** failures reported back in full; all of them are stored in import_failure */
const REPORTED_FAILURES = 1000;
/** rows per write transaction (about 50 ms here) and items per search-index transaction */
export const SLICE_ROWS = 400;
export const INDEX_SLICE = 1000;
/** the pause after each transaction: a quarter of its length, within these bounds */
const MIN_PAUSE_MS = 5;
const MAX_PAUSE_MS = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one write transaction, then leaves the lock free for a while in proportion to how long it was held. */
async function politely<T>(write: () => T): Promise<T> {
  const t = performance.now();
  const result = write();
  await sleep(Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, (performance.now() - t) / 4)));
  return result;
}

/** The parse side: posts a format, then chunks, then the end; awaits `credit` when MAX_IN_FLIGHT chunks are out. */
export async function parseFile(job: ImportJob, post: (m: ParseMessage) => void, credit: () => Promise<void>): Promise<void> {
  const totalBytes = fs.statSync(job.file).size;
  let pipe: FormatPipeline | null = null;
  let decoder: TextDecoderStream | null = null;
  let rows: ItemRow[] = [];
  let failed: ChunkFailure[] = [];
  let records = 0;
  let bytesRead = 0;
  let inFlight = 0;
  const flush = async (): Promise<void> => {
    while (inFlight >= MAX_IN_FLIGHT) {
      await credit();
      inFlight--;
    }
    post({ kind: 'chunk', rows, failed, records, bytesRead, totalBytes });
    inFlight++;
    rows = [];
    failed = [];
  };
  const add = async (result: ParsedRecord | RecordFailure | null): Promise<void> => {
    if (result === null) return;
    records++;
    if (isFailure(result)) failed.push({ recordNumber: result.recordNumber, reason: result.reason, raw: result.raw });
    else rows.push(toItemRow(result));
    if (rows.length + failed.length >= CHUNK_RECORDS) await flush();
  };
  const take = async (raws: RawRecord[]): Promise<void> => {
    const p = pipe as FormatPipeline;
    for (const rec of raws) {
      let result;
      try {
        result = p.parser.parse(rec);
      } catch (error) {
        // a parser bug on one record must not lose the others
        result = { recordNumber: rec.recordNumber, raw: rec.raw, reason: `parser error: ${(error as Error).message}` };
      }
      await add(result);
    }
  };
  let sinceRecord = 0;
  let head: { bytes: Uint8Array; text: string } | null = null;
  let markers = createMarkerCounter('none');
  const stream = fs.createReadStream(job.file, { highWaterMark: READ_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    if (!decoder) decoder = createDecoder(chunk);
    const text = decoder.write(chunk);
    if (!pipe) {
      head = { bytes: chunk.subarray(0, 4096), text: text.replace(/^\uFEFF/, '').slice(0, 64 * 1024) };
      pipe = pipelineFor(job.format, head.text, job.fileName, head.bytes);
      markers = createMarkerCounter(pipe.format);
      post({ kind: 'format', format: pipe.format, notes: pipe.notes });
    }
    markers.push(text);
    const raws = pipe.splitter.push(text);
    sinceRecord = raws.length > 0 ? 0 : sinceRecord + text.length;
    if (sinceRecord > MAX_RECORD_CHARS) {
      stream.destroy();
      throw new Error(`${job.fileName}: ${Math.round(sinceRecord / 2 ** 20)} MB of text up to byte ${bytesRead} hold no complete ${pipe.format} record ` +
        '(one enormous line, or an unclosed quote or bracket): the file is refused. Check it is the export you meant to import.');
    }
    await take(raws);
  }
  if (!pipe) throw new Error(`${job.fileName} is empty: there are no records to import.`);
  const rest = decoder ? decoder.end() : '';
  if (rest) markers.push(rest);
  await take([...(rest ? pipe.splitter.push(rest) : []), ...pipe.splitter.end()]);
  // records the parser held back (BibTeX children waiting for a crossref parent later in the file)
  const held = pipe.parser.end?.() ?? [];
  held.sort((a, b) => a.recordNumber - b.recordNumber);
  for (const r of held) await add(r);
  if (records === 0) throw noRecords(job, pipe.format, head as { bytes: Uint8Array; text: string });
  if (rows.length + failed.length > 0) await flush();
  const announced = markers.end();
  const lost = announced ? Math.max(0, announced.count - records) : 0;
  post({ kind: 'end', records, bytesRead, totalBytes, notes: markerNotes(job.fileName, announced, records), lost });
}

/** A non-empty file that yields nothing failed as a whole, with what it looks like instead. */
function noRecords(job: ImportJob, format: InputFormat, head: { bytes: Uint8Array; text: string }): ImportFileError {
  const label = formatLabel(format);
  const seen = sniff(head.bytes, head.text);
  if (job.format === 'auto' || seen.format === format) {
    return new ImportFileError(`No ${label} record could be read from ${job.fileName}: none of its text forms a complete ${label} record.`, false);
  }
  return new ImportFileError(`No ${label} record found in ${job.fileName}: the file looks like ${seen.looksLike}.`, !seen.binary);
}

/** Fewer records than the file's own record markers announce: some were lost in splitting, and the report says so. */
function markerNotes(fileName: string, seen: MarkerCount | null, records: number): string[] {
  if (!seen || seen.count <= records) return [];
  return [`${fileName} announces ${seen.count} records (${seen.count} ${seen.name}) but ${records} came out: ` +
    `${seen.count - records} may be merged into a neighbour or lost. Check the file around the records listed, or import it again with the format chosen by hand.`];
}

/** The write side: consumes parse messages in order; returns the final counts once the batch is complete. */
export function createBatchWriter(db: Db, job: ImportJob, onProgress: (c: ImportCounts) => void) {
  const repo = createLiteratureRepo(db);
  const started = performance.now();
  const counts: ImportCounts = {
    format: job.format, records: 0, imported: 0, failed: [], failedCount: 0, bytesRead: 0, totalBytes: 0,
    recordsPerSecond: 0, duplicateGroups: null, notes: [], lost: 0,
  };
  const batch = { id: job.batchId, reviewId: job.reviewId, fileName: job.fileName, format: String(job.format) };
  let lastReport = 0;
  const report = (force: boolean): void => {
    const t = performance.now();
    if (!force && t - lastReport < 200) return;
    lastReport = t;
    counts.recordsPerSecond = Math.round(counts.records / Math.max(0.001, (t - started) / 1000));
    onProgress({ ...counts, failed: counts.failed.slice(0, 50) });
  };
  return {
    /** handles one message (call it again only once the last call settled); returns the final counts after 'end' */
    async take(m: ParseMessage): Promise<ImportCounts | null> {
      if (m.kind === 'error') throw new ImportFileError(m.message, m.needsFormat);
      if (m.kind === 'format') {
        counts.format = m.format;
        counts.notes.push(...m.notes);
        batch.format = m.format;
        repo.setBatchFormat(job.batchId, m.format);
        return null;
      }
      counts.bytesRead = m.bytesRead;
      counts.totalBytes = m.totalBytes;
      counts.records = m.records;
      if (m.kind === 'chunk') {
        for (let i = 0; i < m.rows.length || i === 0; i += SLICE_ROWS) {
          const last = i + SLICE_ROWS >= m.rows.length;
          await politely(() => repo.insertRows(batch, m.rows.slice(i, i + SLICE_ROWS), last ? m.failed : []));
        }
        counts.imported += m.rows.length;
        counts.failedCount += m.failed.length;
        for (const f of m.failed) if (counts.failed.length < REPORTED_FAILURES) counts.failed.push({ record: f.recordNumber, reason: f.reason });
        report(false);
        return null;
      }
      for (let after: number | null = 0; after !== null;) {
        const from: number = after;
        after = await politely((): number | null => repo.indexBatchSlice(job.batchId, from, INDEX_SLICE));
      }
      counts.notes.push(...m.notes);
      counts.lost = m.lost;
      repo.markBatchComplete(job.batchId, { records: counts.records, imported: counts.imported, failed: counts.failedCount, notes: counts.notes });
      // groups are found outside the lock; only storing them writes
      const groups = repo.refreshDuplicates(job.reviewId);
      counts.duplicateGroups = groups.length;
      report(true);
      return counts;
    },
  };
}
