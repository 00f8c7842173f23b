import { useRef, useState, type FormEvent } from 'react';
import type { Review } from '../../../../shared/schemas.ts';
import { isConflict, describeError } from '../../api/problems.ts';

/** A suggestion for the slug of a restored copy: the file's name without ".workbench.json", then "-restored". */
function suggestSlug(fileName: string): string {
  const base = fileName.replace(/\.json$/i, '').replace(/\.workbench$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${(base || 'review').slice(0, 70)}-restored`;
}

/**
 * Restores a review from a bundle file (the whole review as JSON, as "Export bundle" saves it). When the bundle's
 * review is still here under its slug, the server refuses; the user may then restore it as a copy under a new slug.
 */
export function BundleRestore({ restore, onRestored }: {
  restore: (file: File, slug?: string) => Promise<Review>;
  onRestored: (review: Review) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [clash, setClash] = useState<{ file: File; message: string } | null>(null);
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File, asSlug?: string) => {
    setBusy(true);
    setError(null);
    try {
      const review = await restore(file, asSlug);
      setClash(null);
      if (inputRef.current) inputRef.current.value = '';
      onRestored(review);
    } catch (e) {
      if (isConflict(e) && asSlug === undefined) {
        setClash({ file, message: describeError(e) });
        setSlug(suggestSlug(file.name));
      } else {
        setError(`Not restored: ${describeError(e)}`);
      }
    } finally {
      setBusy(false);
    }
  };
  const restoreAs = (e: FormEvent) => {
    e.preventDefault();
    if (clash) void send(clash.file, slug.trim());
  };

  return (
    <section aria-labelledby="bundle-heading" className="bundle-restore">
      <h2 id="bundle-heading">Bundles</h2>
      <p>A bundle is a whole review in one file, as <em>Export bundle</em> saves it.</p>
      <label htmlFor="bundle-file">Restore a bundle</label>{' '}
      <input
        id="bundle-file" ref={inputRef} type="file" accept=".json,application/json" disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setClash(null);
          if (file) void send(file);
        }}
      />
      {busy && <p role="status">Restoring…</p>}
      {error && <p role="alert" className="form-error">{error}</p>}
      {clash && (
        <form className="inline-form bundle-clash" onSubmit={restoreAs} aria-label="Restore under a new slug">
          <p role="alert" className="form-error">{clash.message}</p>
          <p>Restore it as a copy instead: give the copy its own address (slug). Its title gets “(restored)”.</p>
          <label htmlFor="bundle-slug">New slug</label>
          <input
            id="bundle-slug" value={slug} onChange={(e) => setSlug(e.target.value)} required maxLength={80}
            pattern="[a-z0-9][a-z0-9\-]*" title="lower-case letters, digits and hyphens"
          />
          <button type="submit" disabled={busy || slug.trim() === ''}>Restore under the new slug</button>
          <button type="button" onClick={() => setClash(null)}>Cancel</button>
        </form>
      )}
    </section>
  );
}
