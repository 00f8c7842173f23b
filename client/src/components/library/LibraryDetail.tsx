// One item: its fields (title, container and abstract as rich text, through the sanitiser), and every raw source
// record it came from, shown as text (never as HTML).
import type { CslItem } from '../../../../shared/csl.ts';
import { nameText, yearOf } from '../../../../shared/literature/dedupe-keys.ts';
import { useLibraryItem } from '../../hooks/useLibrary.ts';
import { RichText } from '../common/RichText.tsx';

/** The fields stored as CSL rich text; the others are plain. */
export const RICH_FIELDS: ReadonlySet<string> = new Set(['Title', 'Container', 'Abstract']);

/** An item's fields as [label, value]: the value as stored (rich text for RICH_FIELDS). */
export function itemFields(csl: CslItem): [string, string][] {
  return [
    ['Title', csl.title ?? ''],
    ['Authors', (csl.author ?? []).map(nameText).join('; ')],
    ['Year', String(yearOf(csl) ?? '')],
    ['Type', csl.type],
    ['Container', csl['container-title'] ?? ''],
    ['Volume', String(csl.volume ?? '')],
    ['Issue', String(csl.issue ?? '')],
    ['Pages', csl.page ?? ''],
    ['DOI', csl.DOI ?? ''],
    ['Keywords', csl.keyword ?? ''],
    ['Language', csl.language ?? ''],
    ['Abstract', csl.abstract ?? ''],
  ];
}

export function LibraryDetail({ reviewId, id }: { reviewId: number; id: number }) {
  const item = useLibraryItem(reviewId, id);
  if (item.error) return <p role="alert">Could not load item {id}: {item.error.message}</p>;
  if (!item.data) return <p role="status">Loading…</p>;
  const d = item.data;
  return (
    <article className="library-detail" aria-labelledby="item-title">
      <h3 id="item-title">{d.csl.title ? <RichText text={d.csl.title} /> : '(no title)'}</h3>
      <dl className="item-fields">
        {itemFields(d.csl).filter(([, v]) => v).map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{RICH_FIELDS.has(k) ? <RichText text={v} /> : v}</dd></div>
        ))}
      </dl>
      {d.members.length > 0 && <p>Merged with items {d.members.join(', ')}.</p>}
      <h4>Source records ({d.sources.length})</h4>
      {d.sources.map((s) => (
        <section key={s.id} className="source-record" aria-label={`${s.fileName}, record ${s.recordNumber}`}>
          <p className="source-origin">{s.fileName}, record {s.recordNumber} ({s.format})</p>
          {s.warnings.length > 0 && <ul className="source-warnings">{s.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          <pre tabIndex={0}>{s.raw}</pre>
        </section>
      ))}
    </article>
  );
}
