// Duplicate review: each candidate group side by side, differing fields marked; merge, "not duplicates", and the
// merge log with undo. The groups are one Tab stop (a listbox); after a merge or "not duplicates" focus goes to the
// next group's heading (or the screen's, when none is left) and a status line says what was done.
import { useState } from 'react';
import { plainOf, truncateRich } from '../../../shared/literature/rich-text.ts';
import { RichText } from '../components/common/RichText.tsx';
import { itemFields, RICH_FIELDS } from '../components/library/LibraryDetail.tsx';
import { useLibraryDuplicates, useLibraryMerges, useLibraryMutations } from '../hooks/useLibrary.ts';
import { usePendingFocus } from '../hooks/usePendingFocus.ts';
import { useRovingFocus } from '../lib/useRovingFocus.ts';
import type { ScreenProps } from './types.ts';
import '../styles/library.css';

const RULES: Record<string, string> = {
  doi: 'same DOI', 'title-year-author': 'same title, year and first author', 'fuzzy-title': 'similar title',
  subtitle: 'same title but one has a subtitle', 'translated-title': 'same title as a bracketed translation',
  locator: 'same journal, volume and first page',
};

export function DuplicatesScreen({ review }: ScreenProps) {
  const groups = useLibraryDuplicates(review.id);
  const merges = useLibraryMerges(review.id);
  const { merge, notDuplicate, undoMerge } = useLibraryMutations(review.id);
  const [index, setIndex] = useState(0);
  const list = groups.data ?? [];
  const group = list[Math.min(index, Math.max(0, list.length - 1))];
  const error = merge.error ?? notDuplicate.error ?? undoMerge.error;
  const [said, setSaid] = useState('');
  const focusSoon = usePendingFocus();
  const titleOf = (g: (typeof list)[number]) => plainOf(g.members[0]?.csl.title ?? '');
  const roving = useRovingFocus<HTMLOListElement>({
    keys: list.map((g) => String(g.group)), textOf: (i) => (list[i] ? titleOf(list[i]) : ''),
    selectedKey: group ? String(group.group) : undefined,
  });
  const busy = merge.isPending || notDuplicate.isPending;
  // the group acted on leaves the list: the next one takes its place under the same heading, or the screen's heading
  // takes the focus when it was the last
  const afterGroup = (text: string, left: number) => {
    setSaid(`${text} ${left === 0 ? 'No groups left to review.' : `${left} ${left === 1 ? 'group' : 'groups'} left to review.`}`);
    focusSoon(left === 0 ? '#dup-screen-h' : '#dup-h');
  };
  const onMerge = () => {
    if (!group || busy) return;
    const items = group.members.map((m) => m.item);
    merge.mutate({ items, rule: group.rule, score: group.score }, {
      onSuccess: (r) => afterGroup(`Merged ${items.length} records into item ${r.kept}.`, list.length - 1),
    });
  };
  const onNotDuplicates = () => {
    if (!group || busy) return;
    const items = group.members.map((m) => m.item);
    notDuplicate.mutate(items, { onSuccess: () => afterGroup(`Kept ${items.length} records apart: not duplicates.`, list.length - 1) });
  };
  const onUndoMerge = (id: number) => undoMerge.mutate(id, {
    onSuccess: () => {
      setSaid(`Merge ${id} undone: its records are separate items again.`);
      focusSoon('#merge-log-h');
    },
  });
  return (
    <>
      <h2 id="dup-screen-h" tabIndex={-1}>Duplicates</h2>
      <p role="status">{groups.data ? `${list.length} groups to review` : 'Loading…'}</p>
      <p role="status" className="dup-said">{said}</p>
      {error && <p role="alert">{error.message}</p>}
      {list.length > 0 && (
        <div className="dup-layout">
          <nav aria-labelledby="dup-groups-h" className="dup-groups">
            <h3 id="dup-groups-h" className="lib-sr-only">Duplicate groups</h3>
            <ol ref={roving.listRef} {...roving.listProps} role="listbox" aria-labelledby="dup-groups-h">
              {list.map((g, i) => (
                <li key={g.group} role="none">
                  <button type="button" role="option" aria-selected={g === group} {...roving.itemProps(i)} onClick={() => setIndex(i)}>
                    <span className="dup-title" title={titleOf(g) || undefined}>{titleOf(g) || '(no title)'}</span>
                    <span className="dup-count">({g.members.length}, {RULES[g.rule] ?? g.rule})</span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {group && (
            <section className="dup-compare" aria-labelledby="dup-h">
              <h3 id="dup-h" tabIndex={-1}>{group.members.length} records: {RULES[group.rule] ?? group.rule}, score {group.score}</h3>
              {/* what differs between the records beyond the rule: why a person decides, and why the score is lower */}
              <p className="dup-certainty">{group.certain ? 'Certain: workbench dedupe --auto would merge these.' : 'Not certain: needs your decision.'}</p>
              {group.reasons.length > 0 && (
                <ul className="dup-reasons" aria-label="What differs">
                  {group.reasons.map((r) => <li key={r}>{r}</li>)}
                </ul>
              )}
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
                                {differs && <mark className="differs-tag">differs</mark>} {RICH_FIELDS.has(label) ? <RichText text={truncateRich(v, 400)} /> : v}
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
                {/* aria-disabled, not disabled, while a write runs: a disabled button drops the keyboard focus on the page */}
                <button type="button" aria-disabled={busy} onClick={onMerge}>
                  Merge these {group.members.length} records
                </button>
                <button type="button" aria-disabled={busy} onClick={onNotDuplicates}>
                  Not duplicates
                </button>
              </div>
            </section>
          )}
        </div>
      )}
      <section aria-labelledby="merge-log-h">
        <h3 id="merge-log-h" tabIndex={-1}>Merge log</h3>
        {(merges.data ?? []).length === 0 ? <p>No merges yet.</p> : (
          <ul className="merge-log">
            {(merges.data ?? []).map((m) => (
              <li key={m.id}>
                Items {m.merged.join(', ')} merged into {m.kept} ({RULES[m.rule] ?? m.rule}, score {m.score}) by {m.mergedBy} at {m.mergedAt.slice(0, 16).replace('T', ' ')}
                {m.voidedAt ? <> — <strong>void</strong>: {m.voidReason}</> : m.undoneAt ? <> — undone by {m.undoneBy}</> : (
                  <button type="button" aria-disabled={undoMerge.isPending} onClick={() => !undoMerge.isPending && onUndoMerge(m.id)}>Undo merge<span className="lib-sr-only"> {m.id}</span></button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
