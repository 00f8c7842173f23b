import type { QueueEntry } from './types.ts';
import { DECISION_LABEL } from './decisionLabels.ts';
import { RichText, type HighlightTerms } from '../common/RichText.tsx';

/**
 * One record as a reviewer screens it: title, authors, year, journal, abstract and keywords, and where it stands.
 * The review's terms are marked in title, abstract and keywords, inclusion and exclusion terms looking different (not
 * by colour alone); title and abstract are rich text, and the marks go inside their formatting.
 */
export function RecordCard({ entry, showAbstract, terms }: { entry: QueueEntry; showAbstract: boolean; terms: HighlightTerms }) {
  const { item, mine, others, final } = entry;
  return (
    <article className="screen-record" aria-labelledby={`screen-title-${item.id}`} data-item={item.id}>
      <h3 id={`screen-title-${item.id}`} className="screen-record-title">{item.title ? <RichText text={item.title} terms={terms} /> : '(no title)'}</h3>
      <p className="screen-record-meta">
        <span className="screen-authors">{item.authors.length > 0 ? item.authors.join('; ') : 'No authors'}</span>
        {item.year !== null && <> · <span>{item.year}</span></>}
        {item.container && <> · <i>{item.container}</i></>}
        {item.doi && <> · <span>doi:{item.doi}</span></>}
      </p>
      {showAbstract && <p className="screen-abstract">{item.abstract ? <RichText text={item.abstract} terms={terms} /> : <span className="screen-none">No abstract.</span>}</p>}
      {item.keywords.length > 0 && (
        <p className="screen-keywords"><span className="screen-field">Keywords:</span> <RichText text={item.keywords.join('; ')} terms={terms} /></p>
      )}
      <p className="screen-mine" data-testid="my-decision">
        Your decision: {mine ? <strong className={`decision-${mine.decision}`}>{DECISION_LABEL[mine.decision]}{mine.reason ? ` — ${mine.reason}` : ''}</strong> : 'none yet'}
      </p>
      {others !== null && (
        <p className="screen-others">
          Others: {others.length === 0 ? 'none yet' : others.map((o) => `${o.initials} ${DECISION_LABEL[o.decision]}${o.reason ? ` (${o.reason})` : ''}`).join(', ')}
          {final && <> · final: <strong>{final}</strong></>}
        </p>
      )}
    </article>
  );
}
