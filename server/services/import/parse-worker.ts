// The parse thread of an import: reads, decodes, splits and parses the file, posting ready rows to the write thread.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from './parsers.ts';
import { parseFile, type ImportJob, type ParseMessage } from './pipeline.ts';

const { job } = workerData as { job: ImportJob };
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');
const waiting: (() => void)[] = [];
let credits = 0;
port.on('message', () => {
  const next = waiting.shift();
  if (next) next();
  else credits++;
});
const credit = (): Promise<void> => {
  if (credits > 0) {
    credits--;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
};
try {
  await parseFile(job, (m: ParseMessage) => port.postMessage(m), credit);
} catch (error) {
  const needsFormat = error instanceof ImportFileError && error.needsFormat;
  port.postMessage({ kind: 'error', message: (error as Error).message, needsFormat } satisfies ParseMessage);
}
// the credit listener would keep the thread alive
port.close();
