// Bytes → text for the import stream: the encoding is decided from the first chunk (BOM, else valid UTF-8, else
// Windows-1252, which is what Western exports that are not UTF-8 almost always are), then decoded incrementally.
import iconv from 'iconv-lite';

export interface StreamDecoder {
  encoding: string;
  write(chunk: Buffer): string;
  end(): string;
}

export function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  // a multi-byte character cut at the end of the sample is not an error: drop up to 3 trailing bytes
  for (let cut = 0; cut < 4; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - cut)));
      return 'utf8';
    } catch {
      // try a shorter sample
    }
  }
  return 'win1252';
}

export function createStreamDecoder(head: Buffer): StreamDecoder {
  const encoding = sniffEncoding(head);
  // iconv-lite strips the BOM by default
  const decoder = iconv.getDecoder(encoding);
  return {
    encoding,
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}
