// Bytes → text at the edge: BOMs first, then strict UTF-8, then chardet's guess (Latin-1 read as its superset
// Windows-1252, which is what "ANSI" exports such as the ASySD CSV really are). Streams decode chunk by chunk.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

/** The encoding of a file from its first bytes (64 KiB is plenty). */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  if (head.length >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    const n = Math.min(head.length, 4096);
    for (let i = 0; i + 1 < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    if (oddZero > n / 4 && evenZero === 0) return 'utf-16le';
    if (evenZero > n / 4 && oddZero === 0) return 'utf-16be';
  }
  if (isUtf8(head)) return 'utf-8';
  const guess = (chardet.detect(head) ?? '').toLowerCase();
  if (!guess || guess === 'iso-8859-1' || guess === 'ascii' || guess === 'utf-8') return 'windows-1252';
  return iconv.encodingExists(guess) ? guess : 'windows-1252';
}

/** Strict UTF-8 check that tolerates a multi-byte sequence cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = bytes[end - k] as number;
    if ((b & 0xc0) === 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (k < need) end -= k;
      break;
    }
    if ((b & 0xc0) !== 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface TextDecoderStream {
  readonly encoding: TextEncodingName;
  /** Text of this chunk (a character split across chunks comes out with the next one). */
  write(chunk: Uint8Array): string;
  end(): string;
}

/** A streaming decoder for the encoding detected from `head`; the BOM is dropped. */
export function createDecoder(head: Uint8Array, forced?: TextEncodingName): TextDecoderStream {
  const encoding = forced ?? detectEncoding(head);
  const dec = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    encoding,
    write: (chunk) => dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => dec.end() ?? '',
  };
}

/** A whole file's bytes to text. */
export function decodeBytes(bytes: Uint8Array, forced?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  const d = createDecoder(bytes.subarray(0, 64 * 1024), forced);
  return { text: d.write(bytes) + d.end(), encoding: d.encoding };
}
