// Damaged files never lose a record silently: every record-like block of a RIS file is imported or reported, so
// for any file the records seen are the records imported plus the records failed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParser, createSplitter, parseText } from '../../../shared/literature/parse/index.ts';
import type { ParsedRecord, RecordFailure } from '../../../shared/literature/types.ts';

const RUNS = Number(process.env.FC_RUNS ?? 150);

/** The whole pipeline's view: records out of the splitter (seen), each parsed into an item or a failure. */
function accounted(text: string, cut: number): { seen: number; imported: ParsedRecord[]; failed: RecordFailure[] } {
  const splitter = createSplitter('ris');
  const parser = createParser('ris');
  const raws = [...splitter.push(text.slice(0, cut)), ...splitter.push(text.slice(cut)), ...splitter.end()];
  const imported: ParsedRecord[] = [];
  const failed: RecordFailure[] = [];
  for (const r of raws) {
    const res = parser.parse(r);
    if (res && 'item' in res) imported.push(res);
    else if (res) failed.push(res);
  }
  return { seen: raws.length, imported, failed };
}

const titleOf = (r: ParsedRecord | RecordFailure): string => ('item' in r ? String(r.item.title ?? '') : r.raw);

describe('RIS blocks with a damaged or missing TY line', () => {
  it('reads a block with TI/AU lines and an ER but no TY as a record of unknown type', () => {
    const text = 'TY  - JOUR\nTI  - First\nER  - \n\nTI  - No type line\nAU  - Smith, Anna\nPY  - 2019\nER  - \n\nTY  - BOOK\nTI  - Third\nER  - \n';
    const { records, failures } = parseText(text, 'ris');
    expect(failures).toEqual([]);
    expect(records.map((r) => r.item.title)).toEqual(['First', 'No type line', 'Third']);
    expect(records[1]?.warnings.join(' ')).toMatch(/unknown RIS type/);
  });

  it('reads a damaged TY line ("TY -JOUR", "Ty  - JOUR") as part of a record, not a reason to drop it', () => {
    const text = 'TY -JOUR\nTI  - Damaged one\nER  - \nTy  - JOUR\nTI  - Damaged two\nER  - \n';
    expect(parseText(text, 'ris').records.map((r) => r.item.title)).toEqual(['Damaged one', 'Damaged two']);
  });

  it('keeps the first record when stray bytes (a mangled BOM) stand before its TY', () => {
    for (const junk of ['\u00ef\u00bb\u00bf', '\u001a', '\u00a0', '\ufffd']) {
      const text = `${junk}TY  - JOUR\nTI  - First\nER  - \nTY  - JOUR\nTI  - Second\nER  - \n`;
      const { records } = parseText(text, 'ris');
      expect(records.map((r) => r.item.title)).toEqual(['First', 'Second']);
      expect(records[0]?.item.type).toBe('article-journal');
    }
  });

  it('still ignores a stray tag line between records (Ovid writes NL after ER)', () => {
    const text = 'TY  - JOUR\nTI  - One\nER  -\nNL  - Clin Psychol\n\nTY  - JOUR\nTI  - Two\nER  -\n';
    expect(parseText(text, 'ris').records.map((r) => r.item.title)).toEqual(['One', 'Two']);
  });
});

describe('CSV with an unbalanced quote', () => {
  const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => `"Title ${i}","Smith, A",${2000 + i}`);

  it('reports the row that opened the runaway field and reads the rows after it, under any chunking', () => {
    const list = rows(8);
    list[2] = '"Title 2,"Smith, A",2002';
    const text = `Title,Authors,Year\n${list.join('\n')}\n`;
    for (const cut of [0, 7, 40, 61, text.length]) {
      const splitter = createSplitter('csv');
      const parser = createParser('csv');
      const out = [...splitter.push(text.slice(0, cut)), ...splitter.push(text.slice(cut)), ...splitter.end()].map((r) => parser.parse(r));
      const ok = out.filter((r): r is ParsedRecord => r !== null && 'item' in r);
      const bad = out.filter((r): r is RecordFailure => r !== null && !('item' in r));
      expect(ok.map((r) => r.item.title)).toEqual(['Title 0', 'Title 1', 'Title 3', 'Title 4', 'Title 5', 'Title 6', 'Title 7']);
      expect(bad.map((f) => [f.recordNumber, f.reason])).toEqual([[3, expect.stringMatching(/unbalanced quote/)]]);
    }
  });

  it('keeps a real multi-line quoted cell whole', () => {
    const text = 'Title,Authors,Abstract\n"One","Smith, A","line one\nline two, with a comma\nline three"\n"Two","Jones, B","x"\n';
    const { records, failures } = parseText(text, 'csv');
    expect(failures).toEqual([]);
    expect(records.map((r) => r.item.title)).toEqual(['One', 'Two']);
    expect(records[0]?.item.abstract).toMatch(/line three/);
  });
});

describe('CSL-JSON that is not valid JSON', () => {
  const items = (): string[] => Array.from({ length: 6 }, (_, i) =>
    `  {"id": "i${i}", "type": "article-journal", "title": "Title ${i}", "author": [{"family": "A"}, {"family": "B"}]}`);

  it('is read item by item: an unclosed string or a missing brace fails one item, not the rest of the file', () => {
    for (const damage of [(t: string) => t.replace('"Title 2"', '"Title 2'), (t: string) => t.replace('}]}', ']}')]) {
      const list = items();
      list[2] = damage(list[2] as string);
      const { records, failures } = parseText(`[\n${list.join(',\n')}\n]\n`, 'csl-json');
      expect(records.map((r) => r.item.title)).toEqual(['Title 0', 'Title 1', 'Title 3', 'Title 4', 'Title 5']);
      expect(failures.map((f) => f.recordNumber)).toEqual([3]);
      expect(failures[0]?.reason).toMatch(/invalid JSON/);
    }
  });

  it('cuts an item that runs on for megabytes while streaming, so memory stays bounded', () => {
    const splitter = createSplitter('csl-json');
    const out = [...splitter.push('[{"id": "a", "type": "book", "title": "never closed, "abstract": "')];
    for (let i = 0; i < 4; i++) out.push(...splitter.push('x'.repeat(1 << 19)));
    out.push(...splitter.push('"}, {"id": "b", "type": "book", "title": "Fine"}]'), ...splitter.end());
    const parser = createParser('csl-json');
    const results = out.map((r) => parser.parse(r));
    expect(results.filter((r) => r && 'item' in r).map((r) => (r as ParsedRecord).item.title)).toEqual(['Fine']);
    expect(results.filter((r) => r && !('item' in r))).toHaveLength(out.length - 1);
  });
});

// ----- any file: seen = imported + failed, and no block is lost -----

const title = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnop'.split('')), minLength: 3, maxLength: 10 });
const damage = fc.constantFrom('none', 'no-ty', 'bad-ty', 'junk', 'empty', 'no-er');
const block = fc.record({ title, damage });

function renderRis(blocks: { title: string; damage: string }[]): string {
  return blocks
    .map((b, i) => {
      const ty = b.damage === 'no-ty' ? '' : b.damage === 'bad-ty' ? 'TY -JOUR\n' : b.damage === 'junk' ? '\u001aTY  - JOUR\n' : 'TY  - JOUR\n';
      const body = b.damage === 'empty' ? '' : `TI  - ${b.title} ${i}\nAU  - Smith, A\n`;
      // a block without TY needs its ER; one without ER needs its TY (the next TY then starts the next record)
      const er = b.damage === 'no-er' ? '' : 'ER  - \n';
      return `${ty}${body}${er}\n`;
    })
    .join('');
}

describe('every RIS block is imported or reported', () => {
  it('seen = imported + failed, and each block comes out exactly once, under any chunking', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 25 }), fc.nat(), (blocks, cutAt) => {
        // "no-er" followed by a block whose TY is missing or damaged is one block: no reader could tell them apart
        const fixed = blocks.map((b, i) => (b.damage === 'no-er' && ['no-ty', 'bad-ty'].includes(blocks[i + 1]?.damage ?? '') ? { ...b, damage: 'none' } : b));
        const text = renderRis(fixed);
        const { seen, imported, failed } = accounted(text, cutAt % (text.length + 1));
        expect(imported.length + failed.length).toBe(seen);
        expect(seen).toBe(fixed.length);
        expect(failed.length).toBe(fixed.filter((b) => b.damage === 'empty').length);
        const out = [...imported, ...failed].sort((a, b) => a.recordNumber - b.recordNumber).map(titleOf);
        fixed.forEach((b, i) => {
          if (b.damage !== 'empty') expect(out[i]).toBe(`${b.title} ${i}`);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
