// A review may call the relations by its own words (Settings → relation labels); the screens show those words,
// while exports keep the standard vocabulary, since publication tables and SSSOM need it.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Relation } from '../../../../shared/schemas.ts';
import { RELATION_TEXT } from './relations.ts';

const RelationTextContext = createContext<Record<Relation, string>>(RELATION_TEXT);

/** Gives the screens inside it the review's relation labels, each blank one falling back to the standard word. */
export function RelationTextProvider({ labels, children }: { labels: Partial<Record<Relation, string>> | undefined; children: ReactNode }) {
  const merged = useMemo(() => {
    const text = { ...RELATION_TEXT };
    for (const [relation, label] of Object.entries(labels ?? {}) as [Relation, string | undefined][]) {
      if (label && label.trim() && relation in text) text[relation] = label.trim();
    }
    return text;
  }, [labels]);
  return <RelationTextContext.Provider value={merged}>{children}</RelationTextContext.Provider>;
}

/** The words for each relation on this review's screens (RELATION_TEXT outside any review). */
export function useRelationText(): Record<Relation, string> {
  return useContext(RelationTextContext);
}
