// Bytes → text at the edge: BOMs, UTF-8, UTF-16 with and without BOM, Windows-1252 ("ANSI") exports, chunked.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, decodeBytes, detectEncoding } from '../../../server/services/decode.ts';
import { parseText } from '../../../shared/literature/parse/index.ts';
import { fixture } from './support.ts';

const RIS = 'TY  - JOUR\r\nTI  - Ångström’s café — naïve “quotes” © 2020\r\nAU  - Müller, Jörg\r\nPY  - 2020\r\nER  - \r\n';

describe('decode', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RIS, 'utf8')]), 'utf-8'],
    ['UTF-8 without BOM', Buffer.from(RIS, 'utf8'), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RIS, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(RIS, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(RIS, 'utf16le'), 'utf-16le'],
  ])('%s', (_name, bytes, encoding) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(RIS);
    expect(parseText(d.text).records[0]?.item.author).toEqual([{ family: 'Müller', given: 'Jörg' }]);
  });

  it('Windows-1252: curly quotes, dashes and © come out right (not as Latin-1 control characters)', () => {
    const bytes = iconv.encode(RIS.replace('Ångström', 'Angstrom'), 'windows-1252');
    expect(bytes.includes(0x93)).toBe(true); // “ is 0x93 in Windows-1252, a C1 control in ISO-8859-1
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(RIS.replace('Ångström', 'Angstrom'));
  });

  it('a multi-byte character cut at the end of the sniffed head does not make UTF-8 look invalid', () => {
    const bytes = Buffer.from('a'.repeat(10) + 'é', 'utf8');
    expect(detectEncoding(bytes.subarray(0, 11))).toBe('utf-8');
  });

  it('streaming: characters split across chunks are decoded once, whatever the chunk size', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RIS.repeat(20), 'utf8')]);
    for (const size of [1, 2, 3, 7, 64]) {
      const dec = createDecoder(bytes.subarray(0, 4096));
      let text = '';
      for (let i = 0; i < bytes.length; i += size) text += dec.write(bytes.subarray(i, i + size));
      text += dec.end();
      expect(text).toBe(RIS.repeat(20));
    }
  });

  it('the BOM of a real Embase export is removed and its first record read', () => {
    const raw = fs.readFileSync(fixture('asreview_embase.ris'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text } = decodeBytes(raw);
    expect(text.startsWith('TY  - JOUR')).toBe(true);
  });
});
