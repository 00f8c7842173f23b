/** Downloads of the coded extracts and the codebook (the matrix and the map have theirs beside them). */
export function CodingExports({ reviewId }: { reviewId: number }) {
  const url = (what: string, format: string) => `/api/reviews/${reviewId}/coding/export/${what}?format=${format}`;
  return (
    <section className="coding-exports" aria-labelledby="coding-exports-h">
      <h3 id="coding-exports-h">Exports</h3>
      <p>
        Coded extracts (reference, code path, quote, locator, reviewer):{' '}
        {['csv', 'xlsx', 'docx'].map((f) => <a key={f} href={url('extracts', f)} download>{f.toUpperCase()}</a>)}
        {' · '}Codebook: {['csv', 'json'].map((f) => <a key={f} href={url('codebook', f)} download>{f.toUpperCase()}</a>)}
      </p>
    </section>
  );
}
