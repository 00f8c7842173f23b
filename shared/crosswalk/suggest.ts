// Suggested alignments for phases nobody has assessed yet. Two kinds of evidence, each stated as a reason the
// reviewer can read: the band constraint (an early phase most likely belongs to an early stage) and fuzzy matches
// (fuse.js) of the phase label's words against the stage name, its focus keywords and its purpose. Suggestions
// are only proposals: nothing here writes, and the screen saves one only when the reviewer accepts it.
import Fuse from 'fuse.js';
import type { Alignment, Band, Phase, Stage } from '../schemas.ts';

export interface Suggestion {
  phaseId: number;
  stageId: number;
  /** 0–1: higher is stronger evidence */
  score: number;
  /** why, in words a reviewer can check, strongest first */
  reasons: string[];
}

export interface SuggestInput {
  phases: Pick<Phase, 'id' | 'label' | 'bandId' | 'position'>[];
  stages: Pick<Stage, 'id' | 'name' | 'focus' | 'purpose' | 'bandId' | 'position'>[];
  bands: Pick<Band, 'id' | 'label'>[];
  /** existing alignments: a phase with any alignment (including "no counterpart") is assessed and gets none */
  alignments: Pick<Alignment, 'phaseId'>[];
}

export interface SuggestOptions {
  /** at most this many suggestions per phase (default 3) */
  perPhase?: number;
  /** drop suggestions scoring below this (default 0.3, so a band match alone still counts) */
  minScore?: number;
}

type EntryKind = 'name' | 'focus' | 'purpose';
interface Entry {
  stageId: number;
  kind: EntryKind;
  text: string;
}

const WEIGHTS = { band: 0.3, name: 0.4, focus: 0.25, purpose: 0.1 } as const;
const STOPWORDS = new Set([
  'a', 'an', 'and', 'the', 'of', 'to', 'for', 'with', 'within', 'into', 'in', 'on', 'by', 'through', 'new', 'that',
  'or', 'its', 'their', 'from', 'as', 'at', 'be', 'is',
]);

/** The words of a label worth matching: lower case, no stop words, at least three letters. */
export function labelWords(label: string): string[] {
  const words = label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !STOPWORDS.has(w)))];
}

function entriesOf(stage: SuggestInput['stages'][number]): Entry[] {
  const focus = stage.focus
    .split(/[;,]/)
    .map((k) => k.trim())
    .filter(Boolean)
    .map((text): Entry => ({ stageId: stage.id, kind: 'focus', text }));
  return [
    { stageId: stage.id, kind: 'name', text: stage.name },
    ...focus,
    ...(stage.purpose.trim() ? [{ stageId: stage.id, kind: 'purpose' as const, text: stage.purpose }] : []),
  ];
}

interface Hit {
  kind: EntryKind;
  text: string;
  words: string[];
  /** 0 = exact, 1 = no match (fuse's scale) */
  distance: number;
}

export function suggestAlignments(input: SuggestInput, options: SuggestOptions = {}): Suggestion[] {
  const perPhase = options.perPhase ?? 3;
  const minScore = options.minScore ?? 0.3;
  const assessed = new Set(input.alignments.map((a) => a.phaseId));
  const bandLabel = new Map(input.bands.map((b) => [b.id, b.label]));
  const stageOrder = new Map(
    [...input.stages].sort((a, b) => a.position - b.position || a.id - b.id).map((s, i) => [s.id, i]),
  );
  const fuse = new Fuse(input.stages.flatMap(entriesOf), {
    keys: ['text'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.25,
    minMatchCharLength: 3,
  });

  const phases = [...input.phases].sort((a, b) => a.position - b.position || a.id - b.id);
  return phases
    .filter((phase) => !assessed.has(phase.id))
    .flatMap((phase) => {
      // stageId → (kind + text) → best hit
      const hits = new Map<number, Map<string, Hit>>();
      for (const word of labelWords(phase.label)) {
        for (const result of fuse.search(word)) {
          const { stageId, kind, text } = result.item;
          const distance = result.score ?? 1;
          const byEntry = hits.get(stageId) ?? new Map<string, Hit>();
          hits.set(stageId, byEntry);
          const key = `${kind}:${text}`;
          const hit = byEntry.get(key);
          if (!hit) byEntry.set(key, { kind, text, words: [word], distance });
          else {
            hit.words.push(word);
            hit.distance = Math.min(hit.distance, distance);
          }
        }
      }
      const suggestions = input.stages.flatMap((stage): Suggestion[] => {
        const parts: { weight: number; reason: string }[] = [];
        if (phase.bandId !== null && phase.bandId === stage.bandId) {
          parts.push({ weight: WEIGHTS.band, reason: `same band: ${bandLabel.get(phase.bandId) ?? `band ${phase.bandId}`}` });
        }
        const stageHits = [...(hits.get(stage.id)?.values() ?? [])];
        const best = (kind: EntryKind) =>
          stageHits.filter((h) => h.kind === kind).sort((a, b) => a.distance - b.distance);
        for (const h of best('name').slice(0, 1)) {
          parts.push({ weight: WEIGHTS.name * (1 - h.distance), reason: `label '${phase.label}' matches stage name '${h.text}'` });
        }
        // at most two focus keywords count, so a long keyword list cannot outvote the name
        for (const h of best('focus').slice(0, 2)) {
          parts.push({ weight: WEIGHTS.focus * (1 - h.distance), reason: `label '${phase.label}' matches focus keyword '${h.text}'` });
        }
        for (const h of best('purpose').slice(0, 1)) {
          const words = h.words.map((w) => `'${w}'`).join(', ');
          parts.push({ weight: WEIGHTS.purpose * (1 - h.distance), reason: `the stage's purpose mentions ${words}` });
        }
        if (parts.length === 0) return [];
        const score = Math.min(1, Math.round(parts.reduce((sum, p) => sum + p.weight, 0) * 100) / 100);
        const reasons = [...parts].sort((a, b) => b.weight - a.weight).map((p) => p.reason);
        return [{ phaseId: phase.id, stageId: stage.id, score, reasons }];
      });
      return suggestions
        .filter((s) => s.score >= minScore)
        .sort((a, b) => b.score - a.score || (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0))
        .slice(0, perPhase);
    });
}
