// DOI look-up at doi.org (content negotiation for CSL-JSON). The machine may be offline: the look-up gives up
// after a few seconds at most and says so plainly, and the caller keeps the DOI either way.
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export type DoiLookup = { ok: true; item: Record<string, unknown> } | { ok: false; message: string };

export const DOI_TIMEOUT_MS = 5000;

/** The resolver's base URL; WORKBENCH_DOI_BASE points it elsewhere (a mirror, or a test double). */
export function doiBase(): string {
  return process.env.WORKBENCH_DOI_BASE ?? 'https://doi.org/';
}

export async function lookupDoi(doi: string, fetchImpl: FetchLike = fetch, timeoutMs = DOI_TIMEOUT_MS): Promise<DoiLookup> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const kept = 'The DOI is kept; complete the fields by hand.';
  try {
    const url = `${doiBase()}${doi.split('/').map(encodeURIComponent).join('/')}`;
    const res = await fetchImpl(url, { headers: { Accept: 'application/vnd.citationstyles.csl+json' }, signal: controller.signal });
    if (res.status === 404) return { ok: false, message: `doi.org does not know the DOI ${doi}. ${kept}` };
    if (!res.ok) return { ok: false, message: `doi.org answered HTTP ${res.status} for ${doi}. ${kept}` };
    const body = await res.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { ok: false, message: `doi.org sent something other than CSL-JSON for ${doi}. ${kept}` };
    }
    return { ok: true, item: body as Record<string, unknown> };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, message: `doi.org did not answer within ${Math.round(timeoutMs / 1000)} s. ${kept}` };
    const code = (error as { cause?: { code?: string } }).cause?.code;
    const offline = code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNREFUSED' || code === 'ENETUNREACH' || code === 'ECONNRESET';
    return {
      ok: false,
      message: offline
        ? `Could not reach doi.org: you appear to be offline. ${kept}`
        : `Could not reach doi.org (${(error as Error).message}). ${kept}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** What doi.org's CSL-JSON carries that a stored reference should not (counts, links to licences, indexing dates). */
export function trimDoiRecord(item: Record<string, unknown>): Record<string, unknown> {
  const drop = ['reference', 'reference-count', 'references-count', 'is-referenced-by-count', 'link', 'license', 'indexed',
    'deposited', 'content-domain', 'relation', 'resource', 'score', 'funder', 'assertion', 'update-policy',
    'created', 'source', 'member', 'prefix', 'short-container-title', 'journal-issue', 'subject', 'archive'];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!drop.includes(k)) out[k] = v;
  return out;
}
