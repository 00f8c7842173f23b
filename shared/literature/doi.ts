// DOIs arrive as "http://dx.doi.org/10.1002/cpp.2398", "doi:10…", "10.1080%2f2096…", "10.1016/… [doi]".

const PREFIX = /^(?:https?:\/\/)?(?:dx\.)?(?:www\.)?doi\.org\/|^doi(?::\s*|\s+)|^https?:\/\/[^/]*\/doi\/(?:abs\/|full\/|pdf\/)?/i;

/** The DOI in display form (no resolver prefix, URL-decoded, trimmed), or undefined when there is none. */
export function normaliseDoi(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim().replace(PREFIX, '');
  s = s.split(/\s+/)[0] ?? '';
  if (/%[0-9a-f]{2}/i.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // malformed escapes stay as they are
    }
  }
  s = s.replace(PREFIX, '').replace(/[.,;]+$/, '');
  return /^10\.\d{3,9}\/\S+$/.test(s) ? s : undefined;
}

/** DOIs are case-insensitive: the key to compare and deduplicate on. */
export function doiKey(doi: string | undefined): string | undefined {
  const d = normaliseDoi(doi);
  return d?.toLowerCase();
}

/** Finds a DOI inside a URL or free text (e.g. a Scopus or Embase link). */
export function findDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /(?:doi\.org\/|doi[:=]\s*)(10\.\d{3,9}(?:\/|%2F)[^\s&"<>]+)/i.exec(text);
  return m ? normaliseDoi(m[1]) : undefined;
}
