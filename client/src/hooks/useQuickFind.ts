import { useEffect, useMemo, useState } from 'react';
import Fuse from 'fuse.js';
import type { Crosswalk } from '../../../shared/crosswalk/crosswalk.ts';
import type { Review } from '../../../shared/schemas.ts';
import { reviewHash } from '../lib/route.ts';

export interface FindItem {
  kind: 'review' | 'model' | 'phase' | 'stage' | 'citation';
  id: number;
  title: string;
  /** where it lives, e.g. the model of a phase */
  context: string;
  /** other text searched: citation, description, focus, purpose, key question */
  text: string;
  /** URL hash to open and the element id to focus there */
  hash: string;
  focusId: string;
}

/** The reviews the list holds (the trash is not in it): quick find opens one on its overview. */
export function reviewFindItems(reviews: Review[]): FindItem[] {
  return reviews.map((r): FindItem => ({
    kind: 'review', id: r.id, title: r.title, context: r.archivedAt ? 'archived review' : 'review',
    text: [r.question, r.description, r.citation, r.slug].join(' '),
    hash: reviewHash(r.slug, 'overview'), focusId: 'main',
  }));
}

/** Everything quick find searches in one review: models, phases and stages with their text. */
export function findItems(cw: Crosswalk, slug: string): FindItem[] {
  const models = cw.models.map((m): FindItem => ({
    kind: 'model', id: m.framework.id, title: m.framework.name, context: m.framework.citation,
    text: [m.framework.citation, m.framework.description, m.framework.discipline].join(' '),
    hash: reviewHash(slug, 'models', m.framework.id), focusId: `model-${m.framework.id}`,
  }));
  const phases = cw.models.flatMap((m) =>
    m.phases.map((p): FindItem => ({
      kind: 'phase', id: p.id, title: p.label, context: m.framework.name, text: p.description,
      hash: reviewHash(slug, 'align', m.framework.id, p.id), focusId: `align-phase-${p.id}`,
    })),
  );
  const stages = cw.stages.map((s): FindItem => ({
    kind: 'stage', id: s.id, title: s.name, context: cw.target?.name ?? 'target framework',
    text: [s.focus, s.purpose, s.keyLabel, s.keyQuestion, s.successMeasures].join(' '),
    hash: reviewHash(slug, 'crosswalk', 'stages', s.id), focusId: `sl-stage-${s.id}`,
  }));
  return [...models, ...stages, ...phases];
}

/** A fuse.js index over the items: names weigh most, then the model they belong to, then their text. */
export function useFindIndex(items: FindItem[]) {
  return useMemo(
    () =>
      new Fuse(items, {
        keys: [{ name: 'title', weight: 3 }, { name: 'context', weight: 1 }, { name: 'text', weight: 0.6 }],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
      }),
    [items],
  );
}

/** Open state of the quick find dialog, toggled by Ctrl+K or Cmd+K from anywhere. */
export function useQuickFindShortcut() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return { open, setOpen };
}
