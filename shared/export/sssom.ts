// SSSOM/TSV (Simple Standard for Sharing Ontological Mappings) for alignments: a YAML metadata block in '#' lines,
// then one mapping per row. Predicates follow DESIGN.md §1.3; the exact set relation, which SKOS cannot express,
// is kept in the declared extension column `set_relation` and repeated in `comment` (some readers drop extensions).
import type { DerivedRelation } from '../crosswalk/compose.ts';
import type { Relation } from '../schemas.ts';
import { neutraliseFormula } from './csv.ts';
import { GENERATOR, type Provenance } from './provenance.ts';

export type MappingRelation = Relation | DerivedRelation;

export const SSSOM_PREDICATES: Record<MappingRelation, string> = {
  equivalent: 'skos:exactMatch',
  'subset-of': 'skos:broadMatch',
  'superset-of': 'skos:narrowMatch',
  'intersects-with': 'skos:relatedMatch',
  // "nothing in the target is even related": the weakest predicate with the explicit no-term object
  'no-counterpart': 'skos:relatedMatch',
  // derived only: both phases reach the same stage but might not overlap
  undetermined: 'skos:relatedMatch',
};
export const NO_TERM_FOUND = 'sssom:NoTermFound';
export const JUSTIFICATION = { manual: 'semapv:ManualMappingCuration', chaining: 'semapv:MappingChaining' } as const;

export const SSSOM_COLUMNS = [
  'subject_id', 'subject_label', 'predicate_id', 'object_id', 'object_label', 'mapping_justification', 'confidence',
  'author_id', 'comment', 'set_relation',
] as const;

/** CURIE prefixes that SSSOM knows without a declaration. */
export const BUILT_IN_PREFIXES = ['skos', 'semapv', 'sssom', 'owl', 'rdf', 'rdfs', 'xsd', 'linkml'] as const;

export const BASE_IRI = 'https://synthesis-workbench.local/';

export interface SssomEntity {
  /** local id, made a CURIE with the prefix */
  prefix: 'phase' | 'stage';
  id: number;
  label: string;
}

export interface SssomMappingInput {
  subject: SssomEntity;
  /** null: no counterpart */
  object: SssomEntity | null;
  relation: MappingRelation;
  derived: boolean;
  confidence: number | null;
  reviewerId: number | null;
  comment: string;
}

export interface SssomSet {
  reviewSlug: string;
  title: string;
  /** who made the mappings, as they are credited (the review's citation) */
  creators: string[];
  license: string;
  provenance: Provenance;
  mappings: SssomMappingInput[];
}

export const DEFAULT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

const yamlString = (s: string): string => JSON.stringify(s.replace(/[\r\n\t]+/g, ' '));
/** A TSV cell: tabs and line breaks would break the row; label text is neutralised against formula injection. */
const tsvText = (s: string): string => neutraliseFormula(s.replace(/[\t\r\n]+/g, ' ').trim());
const curie = (e: SssomEntity): string => `${e.prefix}:${e.id}`;

/** Orders CURIEs by prefix, then numerically, so that phase:9 comes before phase:10. */
function compareCurie(a: string, b: string): number {
  const [pa = '', na = ''] = a.split(':');
  const [pb = '', nb = ''] = b.split(':');
  if (pa !== pb) return pa < pb ? -1 : 1;
  const diff = Number(na) - Number(nb);
  if (diff !== 0 && Number.isFinite(diff)) return diff;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

export interface SssomRow {
  subject_id: string;
  subject_label: string;
  predicate_id: string;
  object_id: string;
  object_label: string;
  mapping_justification: string;
  confidence: string;
  author_id: string;
  comment: string;
  set_relation: string;
}

export function sssomRows(mappings: SssomMappingInput[]): SssomRow[] {
  return mappings
    .map((m): SssomRow => ({
      subject_id: curie(m.subject),
      subject_label: tsvText(m.subject.label),
      predicate_id: SSSOM_PREDICATES[m.relation],
      object_id: m.object ? curie(m.object) : NO_TERM_FOUND,
      object_label: m.object ? tsvText(m.object.label) : '',
      mapping_justification: m.derived ? JUSTIFICATION.chaining : JUSTIFICATION.manual,
      confidence: m.confidence === null ? '' : String(m.confidence),
      author_id: m.reviewerId === null ? '' : `reviewer:${m.reviewerId}`,
      comment: tsvText([`set_relation=${m.relation}`, m.comment].filter(Boolean).join('. ')),
      set_relation: m.relation,
    }))
    .sort(
      (a, b) =>
        compareCurie(a.subject_id, b.subject_id) ||
        compareCurie(a.object_id, b.object_id) ||
        (a.predicate_id < b.predicate_id ? -1 : a.predicate_id > b.predicate_id ? 1 : 0) ||
        (a.mapping_justification < b.mapping_justification ? -1 : a.mapping_justification > b.mapping_justification ? 1 : 0),
    );
}

export function renderSssom(set: SssomSet): string {
  const base = `${BASE_IRI}reviews/${encodeURIComponent(set.reviewSlug)}/`;
  const p = set.provenance;
  const header = [
    'curie_map:',
    `  phase: ${base}phases/`,
    `  stage: ${base}stages/`,
    `  reviewer: ${BASE_IRI}reviewers/`,
    `  wb: ${BASE_IRI}vocab/`,
    `mapping_set_id: ${base}mappings.sssom.tsv`,
    `mapping_set_title: ${yamlString(set.title)}`,
    `mapping_set_description: ${yamlString(`Alignments of the review "${p.reviewTitle}" (${p.reviewSlug}); data snapshot sha-256 ${p.snapshotHash}.`)}`,
    `license: ${set.license}`,
    ...(set.creators.length > 0 ? ['creator_label:', ...set.creators.map((c) => `  - ${yamlString(c)}`)] : []),
    `mapping_tool: ${yamlString(GENERATOR)}`,
    `mapping_tool_version: ${yamlString(p.appVersion)}`,
    `publication_date: ${p.generatedAt.slice(0, 10)}`,
    'extension_definitions:',
    '  - slot_name: set_relation',
    '    property: wb:set_relation',
    '    type_hint: xsd:string',
  ];
  const rows = sssomRows(set.mappings).map((r) => SSSOM_COLUMNS.map((c) => r[c]).join('\t'));
  return `${[...header.map((l) => `# ${l}`), SSSOM_COLUMNS.join('\t'), ...rows].join('\n')}\n`;
}
