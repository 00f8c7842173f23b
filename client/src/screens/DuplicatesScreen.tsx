// Duplicate review: each candidate group side by side, differing fields marked; merge, "not duplicates", and the
// merge log with undo.
import { useState } from 'react';
import { itemFields } from '../components/library/LibraryDetail.tsx';
import { useLibraryDuplicates, useLibraryMerges, useLibraryMutations } from '../hooks/useLibrary.ts';
import type { ScreenProps } from './types.ts';
import '../styles/library.css';

const RULES: Record<string, string> = { doi: 'same DOI', 'title-year-author': 'same title, year and first author', 'fuzzy-title': 'similar title' };

export function DuplicatesScreen({ review }: ScreenProps) {
  const groups = useLibraryDuplicates(review.id);
  const merges = useLibraryMerges(review.id);
  const { merge, notDuplicate, undoMerge } = useLibraryMutations(review.id);
  const [index, setIndex] = useState(0);
  const list = groups.data ?? [];
  const group = list[Math.min(index, Math.max(0, list.length - 1))];
  const error = merge.error ?? notDuplicate.error ?? undoMerge.error;
  return (
    <>
      <h2>Duplicates</h2>
      <p role="status">{groups.data ? `${list.length} groups to review` : 'Loading…'}</p>
      {error && <p role="alert">{error.message}</p>}
      {list.length > 0 && (
        <div className="dup-layout">
          <nav aria-label="Duplicate groups" className="dup-groups">
            <ol>
              {list.map((g, i) => (
                <li key={g.group}>
                  <button type="button" aria-current={g === group ? 'true' : undefined} onClick={() => setIndex(i)}>
                    {g.members[0]?.csl.title?.slice(0, 70) || '(no title)'} <span className="dup-count">({g.members.length}, {RULES[g.rule] ?? g.rule})</span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {group && (
            <section className="dup-compare" aria-labelledby="dup-h">
              <h3 id="dup-h">{group.members.length} records: {RULES[group.rule] ?? group.rule}, score {group.score}</h3>
              <div className="dup-table-wrap" tabIndex={0} role="region" aria-label="Records side by side">
                <table className="data-table dup-table">
                  <caption>Fields that differ from the first record are marked “differs”.</caption>
                  <thead>
                    <tr><th scope="col">Field</th>{group.members.map((m) => <th scope="col" key={m.item}>#{m.item}: {m.file}, record {m.record}</th>)}</tr>
                  </thead>
                  <tbody>
                    {itemFields(group.members[0]?.csl ?? { id: 0, type: '' }).map(([label], row) => {
                      const values = group.members.map((m) => itemFields(m.csl)[row]?.[1] ?? '');
                      if (values.every((v) => !v)) return null;
                      return (
                        <tr key={label}>
                          <th scope="row">{label}</th>
                          {values.map((v, i) => {
                            const differs = i > 0 && v !== values[0];
                            return (
                              <td key={group.members[i]?.item} className={differs ? 'differs' : undefined}>
                                {differs && <mark className="differs-tag">differs</mark>} {label === 'Abstract' && v.length > 400 ? `${v.slice(0, 400)}…` : v}
                              </td>
                            );
                          })}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="dup-actions">
                <button type="button" disabled={merge.isPending} onClick={() => merge.mutate({ items: group.members.map((m) => m.item), rule: group.rule, score: group.score })}>
                  Merge these {group.members.length} records
                </button>
                <button type="button" disabled={notDuplicate.isPending} onClick={() => notDuplicate.mutate(group.members.map((m) => m.item))}>
                  Not duplicates
                </button>
              </div>
            </section>
          )}
        </div>
      )}
      <section aria-labelledby="merge-log-h">
        <h3 id="merge-log-h">Merge log</h3>
        {(merges.data ?? []).length === 0 ? <p>No merges yet.</p> : (
          <ul className="merge-log">
            {(merges.data ?? []).map((m) => (
              <li key={m.id}>
                Items {m.merged.join(', ')} merged into {m.kept} ({RULES[m.rule] ?? m.rule}, score {m.score}) by {m.mergedBy} at {m.mergedAt.slice(0, 16).replace('T', ' ')}
                {m.undoneAt ? <> — undone by {m.undoneBy}</> : (
                  <button type="button" disabled={undoMerge.isPending} onClick={() => undoMerge.mutate(m.id)}>Undo merge<span className="lib-sr-only"> {m.id}</span></button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
