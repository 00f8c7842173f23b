// Split + parse throughput of the literature parsers on synthetic RIS and BibTeX (deterministic, realistic record
// sizes), streamed in 64 KiB chunks as the importer reads files. Prints records/s and peak RSS; never pass/fail.
// Targets (issue 5): 100k RIS parsed well under 5 s; 100k BibTeX under 20 s.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { createParser, createSplitter } from '../../shared/literature/parse/index.ts';
import type { InputFormat } from '../../shared/literature/types.ts';

const WORDS = 'analysis of the effect on children social care innovation framework stage review outcome model evidence implementation practice systematic study trial cohort health services family support child protection'.split(' ');
const FAMILIES = ['Smith', 'García', 'van der Berg', 'Müller', 'Lefevre', "O'Brien", 'Nguyen', 'Øster', 'Kowalski', 'de Vicente'];
const GIVEN = ['J', 'Anna', 'K. L.', 'Jean-Pierre', 'M', 'Zoë'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rec {
  title: string;
  authors: [string, string][];
  year: number;
  journal: string;
  volume: number;
  issue: number;
  start: number;
  doi: string;
  abstract: string;
  keywords: string[];
}

function makeRec(r: () => number, i: number): Rec {
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)] as T;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const start = 1 + Math.floor(r() * 900);
  return {
    title: `${words(8 + Math.floor(r() * 8))} ${i}`,
    authors: Array.from({ length: 1 + Math.floor(r() * 6) }, () => [pick(FAMILIES), pick(GIVEN)] as [string, string]),
    year: 1980 + Math.floor(r() * 45),
    journal: `Journal of ${words(3)}`,
    volume: 1 + Math.floor(r() * 60),
    issue: 1 + Math.floor(r() * 12),
    start,
    doi: `10.${1000 + Math.floor(r() * 9000)}/bench.${i}`,
    abstract: words(120 + Math.floor(r() * 120)),
    keywords: Array.from({ length: 3 + Math.floor(r() * 5) }, () => words(2)),
  };
}

function toRis(x: Rec): string {
  return [
    'TY  - JOUR',
    `TI  - ${x.title}`,
    ...x.authors.map(([f, g]) => `AU  - ${f}, ${g}`),
    `PY  - ${x.year}`,
    `DA  - ${x.year}/03//`,
    `T2  - ${x.journal}`,
    `VL  - ${x.volume}`,
    `IS  - ${x.issue}`,
    `SP  - ${x.start}`,
    `EP  - ${x.start + 12}`,
    `DO  - https://doi.org/${x.doi}`,
    `AB  - ${x.abstract}`,
    ...x.keywords.map((k) => `KW  - ${k}`),
    'LA  - English',
    'ER  - ',
    '',
    '',
  ].join('\r\n');
}

function toBibtex(x: Rec, i: number): string {
  return `@article{key${i},
\ttitle = {${x.title.replace(/(\w+) (\d+)$/, '{$1} $2')}},
\tauthor = {${x.authors.map(([f, g]) => `${f.replace('ü', '{\\"u}').replace('Ø', '{\\O}')}, ${g}`).join(' and ')}},
\tjournal = {${x.journal}},
\tyear = {${x.year}},
\tmonth = mar,
\tvolume = {${x.volume}},
\tnumber = {${x.issue}},
\tpages = {${x.start}--${x.start + 12}},
\tdoi = {${x.doi}},
\tabstract = {${x.abstract} 50\\% of {RCTs}},
\tkeywords = {${x.keywords.join(', ')}},
\tlanguage = {English},
}

`;
}

/** Yields the synthetic file in 64 KiB chunks without ever holding it whole. */
export function* syntheticChunks(format: 'ris' | 'bibtex', n: number): Generator<string> {
  const r = rng(42);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const rec = makeRec(r, i);
    buf += format === 'ris' ? toRis(rec) : toBibtex(rec, i);
    while (buf.length >= 65536) {
      yield buf.slice(0, 65536);
      buf = buf.slice(65536);
    }
  }
  if (buf) yield buf;
}

// The machine is shared: CPU time shows the parser's own cost when wall time is inflated by other processes.
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

function run(format: InputFormat & ('ris' | 'bibtex'), n: number): void {
  // The text is generated first, so the timings are the parser's alone; RSS "above start" is then what
  // splitting and parsing add on top of the text already in memory.
  const text = [...syntheticChunks(format, n)];
  const bytes = text.reduce((a, c) => a + c.length, 0);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const splitter = createSplitter(format);
  const parser = createParser(format);
  let ok = 0;
  let failed = 0;
  let i = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const take = (raws: ReturnType<typeof splitter.push>): void => {
    for (const raw of raws) {
      const res = parser.parse(raw);
      if (res === null) continue;
      if ('reason' in res) failed++;
      else ok++;
    }
  };
  for (const c of text) {
    take(splitter.push(c));
    if (++i % 64 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  take(splitter.end());
  for (const res of parser.end?.() ?? []) if ('reason' in res) failed++;
  else ok++;
  const ms = Math.max(1, performance.now() - t0);
  const cpu = Math.max(1, cpuMs(c0));
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${format} ${n.toLocaleString('en')} records (${(bytes / 1e6).toFixed(0)} MB, 64 KiB chunks): split+parse ${(ms / 1000).toFixed(2)} s wall ` +
      `(${Math.round((ok / ms) * 1000).toLocaleString('en')} records/s), CPU ${(cpu / 1000).toFixed(2)} s ` +
      `(${Math.round((ok / cpu) * 1000).toLocaleString('en')} records per CPU-second); parsed ${ok}, failed ${failed}; ` +
      `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, ${((peak - rssBefore) / 2 ** 20).toFixed(0)} MiB above the text in memory`,
  );
}

/**
 * The alternative we measured against: citation-js 0.8 per 500-record chunk with generateGraph off (the linear
 * way to use it; one new Cite() over a file is quadratic). Same synthetic records, so CPU-seconds compare.
 */
function runCitationJs(format: 'ris' | 'bibtex', n: number): void {
  const splitter = createSplitter(format);
  const raws: string[] = [];
  for (const c of syntheticChunks(format, n)) for (const r of splitter.push(c)) raws.push(r.raw);
  for (const r of splitter.end()) raws.push(r.raw);
  const c0 = process.cpuUsage();
  let items = 0;
  for (let i = 0; i < raws.length; i += 500) {
    const out: unknown = plugins.input.chain(raws.slice(i, i + 500).join('\n\n'), {
      generateGraph: false,
      forceType: format === 'ris' ? '@ris/file' : '@biblatex/text',
    });
    items += Array.isArray(out) ? out.length : 0;
  }
  const cpu = cpuMs(c0);
  console.log(
    `  citation-js ${format} ${n.toLocaleString('en')} records for comparison: CPU ${(cpu / 1000).toFixed(2)} s = ` +
      `${Math.round((items / cpu) * 1000).toLocaleString('en')} records per CPU-second (${items} items)`,
  );
}

/** Memory stays bounded however large the file: a million records streamed, never held whole. */
function runStreamed(format: 'ris' | 'bibtex', n: number): void {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const splitter = createSplitter(format);
  const parser = createParser(format);
  let ok = 0;
  let i = 0;
  const c0 = process.cpuUsage();
  for (const c of syntheticChunks(format, n)) {
    for (const raw of splitter.push(c)) if (parser.parse(raw)) ok++;
    if (++i % 256 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  for (const raw of splitter.end()) if (parser.parse(raw)) ok++;
  console.log(
    `${format} ${n.toLocaleString('en')} records generated and parsed as a stream: ${ok} parsed, CPU ${(cpuMs(c0) / 1000).toFixed(1)} s ` +
      `(generation included), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${((peak - rssBefore) / 2 ** 20).toFixed(0)} MiB above start)`,
  );
}

export async function benchParse(): Promise<void> {
  // PARSE_BENCH_MILLION=1 adds a streamed 1,000,000-record RIS run (about a minute of CPU).
  if (process.env.PARSE_BENCH_MILLION) runStreamed('ris', 1_000_000);
  const sizes = (process.env.PARSE_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  for (const format of ['ris', 'bibtex'] as const) {
    for (const n of sizes) run(format, n);
    runCitationJs(format, Math.min(10_000, sizes[0] ?? 10_000));
  }
}
