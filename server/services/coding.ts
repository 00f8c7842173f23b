// Coding: the codebook (stages, phases and the review's own codes), tags attributed to a team member, merges and
// deletes that never lose a tag silently (and are undone from their own answer), the items that can be coded, and
// the reads that the pure modules in shared/coding compute: matrix, evidence map, agreement, alignment evidence.
import type { Repositories } from '../db/repositories.ts';
import { createCodingRepo, type CodingItemRow, type ItemLabelRow } from '../db/coding-repo.ts';
import { HttpProblem, conflict, notFound, unprocessable } from '../http/problem.ts';
import { citationService } from './citations.ts';
import { screeningOf } from './screening.ts';
import { alignmentEvidence } from '../../shared/coding/alignment-evidence.ts';
import { computeCodingAgreement } from '../../shared/coding/agreement.ts';
import { buildCodebook, subtreeIndex } from '../../shared/coding/codebook.ts';
import { computeEvidenceMap, evidenceCell } from '../../shared/coding/evidence-map.ts';
import type { ItemLabel, TagFact } from '../../shared/coding/facts.ts';
import { computeMatrix } from '../../shared/coding/matrix.ts';
import type {
  AlignmentEvidence, AttachedEvidence, Code, CodeCreate, CodeRemoval, CodeUpdate, CodebookNode, CodingAgreement,
  CodingItem, CodingItems, EvidenceCell, EvidenceMap, EvidenceMapQuery, Matrix, MatrixQuery, StageSupport, Tag,
  TagCreate, TagListQuery, TagUpdate,
} from '../../shared/coding/schemas.ts';
import { cslItemSchema } from '../../shared/csl.ts';
import type { ReviewTeamMember } from '../../shared/schemas.ts';

export type Actor = Pick<ReviewTeamMember, 'id' | 'name'>;

const split = (s: string): string[] => s.split(/\s*[;\n]\s*/).filter(Boolean);

/** "Surname (2020) Title": the plain label an item has in matrices, maps and exports. */
export function itemReference(r: Pick<CodingItemRow, 'firstAuthor' | 'year' | 'title' | 'id'>): string {
  const first = r.firstAuthor.trim();
  const surname = first.includes(',') ? first.split(',')[0]?.trim() ?? '' : first.split(/\s+/).at(-1) ?? '';
  const title = r.title.trim() || `item ${r.id}`;
  return `${surname || 'Anon.'} (${r.year ?? 'n.d.'}) ${title}`;
}

const labelOf = (r: ItemLabelRow): ItemLabel => ({ id: r.id, reference: itemReference(r), title: r.title });

export type CodingService = ReturnType<typeof codingService>;

export function codingService(repos: Repositories) {
  const db = createCodingRepo(repos.db);
  const screening = screeningOf(repos);

  const requireReview = (reviewId: number): void => void repos.reviews.require(reviewId);

  function codebook(reviewId: number): CodebookNode[] {
    requireReview(reviewId);
    const frameworks = repos.frameworks.list(reviewId);
    const targetIds = new Set(frameworks.filter((f) => f.role === 'target').map((f) => f.id));
    return buildCodebook({
      bands: repos.bands.list(reviewId),
      stages: repos.stagesOfReview(reviewId).filter((s) => targetIds.has(s.frameworkId))
        .map((s) => ({ id: s.id, name: s.name, focus: s.focus, bandId: s.bandId, position: s.position })),
      models: frameworks.filter((f) => f.role === 'source').map((f) => ({ id: f.id, name: f.name, position: f.position })),
      phases: repos.phasesOfReview(reviewId).filter((p) => !targetIds.has(p.frameworkId))
        .map((p) => ({ id: p.id, frameworkId: p.frameworkId, label: p.label, description: p.description, bandId: p.bandId, position: p.position })),
      codes: db.codes(reviewId),
      tagCounts: db.tagCounts(reviewId),
    });
  }

  /** The taggable node a ref names in this review; 422 at `pointer` when it names none. */
  function requireTaggable(reviewId: number, ref: string, pointer: string, nodes = codebook(reviewId)): CodebookNode {
    const node = nodes.find((n) => n.ref === ref);
    if (!node || !node.taggable) throw unprocessable(pointer, `no code ${ref} in review ${reviewId}`);
    return node;
  }
  function requireNode(reviewId: number, ref: string, pointer: string, nodes: CodebookNode[]): CodebookNode {
    const node = nodes.find((n) => n.ref === ref);
    if (!node) throw unprocessable(pointer, `no codebook node ${ref} in review ${reviewId}`);
    return node;
  }

  function requireCode(reviewId: number, codeId: number, live = true): Code {
    requireReview(reviewId);
    const code = db.code(reviewId, codeId);
    if (!code || (live && code.deletedAt !== null)) throw notFound('code', codeId);
    return code;
  }

  /** Ids of the code and every live code below it. */
  function descendants(reviewId: number, codeId: number): Set<number> {
    const codes = db.codes(reviewId);
    const out = new Set([codeId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const c of codes) {
        if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
          out.add(c.id);
          grew = true;
        }
      }
    }
    return out;
  }

  function requireParent(reviewId: number, parentId: number | null | undefined, pointer: string): number | null {
    if (parentId === null || parentId === undefined) return null;
    const parent = db.code(reviewId, parentId);
    if (!parent || parent.deletedAt !== null) throw unprocessable(pointer, `no code ${parentId} in review ${reviewId}`);
    return parentId;
  }

  function requireTag(reviewId: number, tagId: number): Tag {
    requireReview(reviewId);
    const tag = db.tag(reviewId, tagId);
    if (!tag) throw notFound('tag', tagId);
    return tag;
  }

  /** Moves every live tag of `code` to `into`; a tag that would duplicate one there (same item, quote, reviewer) goes to the trash. */
  function moveTags(reviewId: number, codeId: number, into: string, now: string): { moved: number[]; collapsed: number[] } {
    const moved: number[] = [];
    const collapsed: number[] = [];
    for (const t of db.tagsOfCode(codeId)) {
      // the reviewer is part of the key: two reviewers' tags on one passage are two judgements, kept for agreement
      if (db.duplicateOf({ reviewId, itemId: t.itemId, reviewerId: t.reviewerId, quote: t.quote, code: into }) !== undefined) {
        db.trashTag(t.id, now);
        collapsed.push(t.id);
      } else {
        db.retag(t.id, into, now);
        moved.push(t.id);
      }
    }
    return { moved, collapsed };
  }

  /** Delete or merge: the code to the trash, its tags to `into` (required when it has any), its children re-homed. */
  function removeCode(reviewId: number, codeId: number, version: number | undefined, into: string | undefined, actor: string, pointer: string): CodeRemoval {
    const code = requireCode(reviewId, codeId);
    if (version !== undefined && version !== code.version) throw conflict('code', codeId, version, code, code.version);
    const nodes = codebook(reviewId);
    const live = nodes.find((n) => n.ref === `code:${codeId}`)?.tags ?? 0;
    if (into !== undefined) {
      requireTaggable(reviewId, into, pointer, nodes);
      if (into === `code:${codeId}`) throw unprocessable(pointer, 'is the code itself');
      const intoId = into.startsWith('code:') ? Number(into.slice(5)) : null;
      if (intoId !== null && descendants(reviewId, codeId).has(intoId)) {
        throw unprocessable(pointer, `code ${intoId} is under code ${codeId}: move it out first, or merge the other way round`);
      }
    } else if (live > 0) {
      throw new HttpProblem(409, 'Conflict',
        `Code ${codeId} ("${code.label}") is used by ${live} tag${live === 1 ? '' : 's'}: send moveTagsTo (a code to move them to) or merge it into another code.`,
        { errors: [{ pointer: '/query/moveTagsTo', message: `is required: ${live} tag${live === 1 ? ' uses' : 's use'} this code` }], current: { tags: live } });
    }
    const now = repos.now();
    const { moved, collapsed } = into !== undefined ? moveTags(reviewId, codeId, into, now) : { moved: [], collapsed: [] };
    // children follow the tags when they go to another own code; otherwise they move up to the code's parent
    const newParent = into?.startsWith('code:') ? Number(into.slice(5)) : code.parentId;
    const children = db.liveChildren(codeId);
    const movedChildren = children.map((c) => ({ id: c.id, parentId: c.parentId, position: c.position }));
    for (const c of children) {
      db.moveChild(c.id, newParent, 1e9, now);
      db.place(reviewId, c.id, newParent, undefined);
    }
    db.trashCode(codeId, now);
    db.closeGap(reviewId, code.parentId);
    const removal: CodeRemoval = { code: requireCode(reviewId, codeId, false), into: into ?? null, movedTagIds: moved, collapsedTagIds: collapsed, movedChildren };
    repos.audit.record(actor, reviewId, 'code', codeId, 'delete', code, removal);
    return removal;
  }

  const facts = (reviewId: number, reviewerId?: number): TagFact[] => {
    const all = db.liveFacts(reviewId);
    return reviewerId === undefined ? all : all.filter((t) => t.reviewerId === reviewerId);
  };

  /** The items that can be coded: the included ones of the last screening stage with decisions, else the library. */
  function codableIds(reviewId: number): { source: 'screening' | 'library'; stageId: number | null; ids: number[] | null } {
    const stages = screening.db.stages(reviewId).filter((s) => screening.db.decisionCount(s.id) > 0);
    const last = stages.at(-1);
    if (!last) return { source: 'library', stageId: null, ids: null };
    const st = screening.state(reviewId, last);
    return { source: 'screening', stageId: last.id, ids: st.ids.filter((id) => st.finals.get(id) === 'include') };
  }
  function codable(reviewId: number): { source: 'screening' | 'library'; stageId: number | null; rows: CodingItemRow[] } {
    const { source, stageId, ids } = codableIds(reviewId);
    return { source, stageId, rows: ids === null ? db.libraryItems(reviewId) : db.items(reviewId, ids) };
  }

  /** Labels of the codable items plus any other item that carries tags (coded before screening excluded it). */
  function labels(reviewId: number, tags: readonly TagFact[]): ItemLabel[] {
    const { ids } = codableIds(reviewId);
    const rows = ids === null ? db.libraryLabels(reviewId) : db.labels(reviewId, ids);
    const have = new Set(rows.map((r) => r.id));
    const extra = [...new Set(tags.map((t) => t.itemId))].filter((id) => !have.has(id));
    return [...rows, ...(extra.length ? db.labels(reviewId, extra) : [])].sort((a, b) => a.id - b.id).map(labelOf);
  }

  return {
    db,
    codebook,

    items(reviewId: number, me: number | undefined): CodingItems {
      requireReview(reviewId);
      const { source, stageId, rows } = codable(reviewId);
      const perItem = new Map<number, { codes: Set<string>; tags: number; mine: number }>();
      for (const t of db.liveFacts(reviewId)) {
        let e = perItem.get(t.itemId);
        if (!e) perItem.set(t.itemId, (e = { codes: new Set(), tags: 0, mine: 0 }));
        e.codes.add(t.code);
        e.tags++;
        if (t.reviewerId === me) e.mine++;
      }
      const items: CodingItem[] = rows.map((r) => {
        const e = perItem.get(r.id);
        return {
          id: r.id, title: r.title, authors: split(r.authors), year: r.year, container: r.container, doi: r.doi,
          abstract: typeof r.abstract === 'string' ? r.abstract : '', keywords: split(r.keywords), reference: itemReference(r),
          codes: e ? [...e.codes] : [], tags: e?.tags ?? 0, mine: e?.mine ?? 0,
        };
      });
      return { source, stageId, items };
    },

    createCode(reviewId: number, body: CodeCreate, actor: string): Code {
      requireReview(reviewId);
      const parentId = requireParent(reviewId, body.parentId, '/body/parentId');
      const id = db.insertCode(reviewId, { parentId, label: body.label, description: body.description ?? '', band: body.band ?? null }, repos.now());
      db.place(reviewId, id, parentId, body.position);
      const code = requireCode(reviewId, id);
      repos.audit.record(actor, reviewId, 'code', id, 'create', null, code);
      return code;
    },

    updateCode(reviewId: number, codeId: number, body: CodeUpdate, actor: string): Code {
      const before = requireCode(reviewId, codeId);
      if (before.version !== body.version) throw conflict('code', codeId, body.version, before, before.version);
      const parentId = body.parentId === undefined ? before.parentId : requireParent(reviewId, body.parentId, '/body/parentId');
      if (parentId !== null && descendants(reviewId, codeId).has(parentId)) {
        throw unprocessable('/body/parentId', parentId === codeId ? 'a code cannot be its own parent' : `code ${parentId} is under code ${codeId}: that would make a cycle`);
      }
      const next: Code = {
        ...before, label: body.label ?? before.label, description: body.description ?? before.description,
        band: body.band === undefined ? before.band : body.band, parentId,
      };
      const now = repos.now();
      db.updateCode(next, now);
      if (parentId !== before.parentId || body.position !== undefined) {
        db.place(reviewId, codeId, parentId, body.position);
        if (parentId !== before.parentId) db.closeGap(reviewId, before.parentId);
      }
      const after = requireCode(reviewId, codeId);
      repos.audit.record(actor, reviewId, 'code', codeId, 'update', before, after);
      return after;
    },

    deleteCode: (reviewId: number, codeId: number, version: number | undefined, moveTagsTo: string | undefined, actor: string): CodeRemoval =>
      removeCode(reviewId, codeId, version, moveTagsTo, actor, '/query/moveTagsTo'),

    mergeCode: (reviewId: number, codeId: number, into: string, version: number | undefined, actor: string): CodeRemoval =>
      removeCode(reviewId, codeId, version, into, actor, '/body/into'),

    /** Undo a delete or merge from its answer: the code back where it was, its tags back on it, children back under it. */
    restoreCode(reviewId: number, removal: CodeRemoval, actor: string): Code {
      const code = requireCode(reviewId, removal.code.id, false);
      if (code.deletedAt === null) throw new HttpProblem(409, 'Conflict', `Code ${code.id} is not in the trash; nothing to undo.`, { current: code });
      const now = repos.now();
      const parentId = code.parentId !== null && db.code(reviewId, code.parentId)?.deletedAt === null ? code.parentId : null;
      db.untrashCode(code.id, parentId, 1e9, now);
      db.place(reviewId, code.id, parentId, removal.code.position);
      const ref = `code:${code.id}`;
      for (const id of removal.movedTagIds) {
        const t = db.tag(reviewId, id);
        // a tag edited or moved on since is left where it is now: undo never overwrites a later change
        if (t && t.code === removal.into) db.retag(id, ref, now);
      }
      for (const id of removal.collapsedTagIds) {
        const t = db.tag(reviewId, id);
        if (t && t.deletedAt !== null && t.code === ref) db.untrashTag(id, now);
      }
      for (const c of removal.movedChildren) {
        const child = db.code(reviewId, c.id);
        if (child && child.deletedAt === null) {
          const from = child.parentId;
          db.moveChild(c.id, code.id, 1e9, now);
          db.place(reviewId, c.id, code.id, c.position);
          db.closeGap(reviewId, from);
        }
      }
      const after = requireCode(reviewId, code.id);
      repos.audit.record(actor, reviewId, 'code', code.id, 'create', null, after);
      return after;
    },

    tags(reviewId: number, query: TagListQuery, me: number | undefined): Tag[] {
      requireReview(reviewId);
      let refs: Set<string> | undefined;
      if (query.code) {
        const nodes = codebook(reviewId);
        requireNode(reviewId, query.code, '/query/code', nodes);
        refs = query.descendants === 'true' ? subtreeIndex(nodes).get(query.code) : new Set([query.code]);
      }
      if (query.mine === 'true' && me === undefined) {
        throw new HttpProblem(403, 'Forbidden', 'Choose who you are: send the x-workbench-reviewer header with your reviewer id to list your tags.');
      }
      const reviewer = query.mine === 'true' ? me : query.reviewerId;
      return db.liveTags(reviewId).filter((t) =>
        (query.itemId === undefined || t.itemId === query.itemId) && (!refs || refs.has(t.code)) && (reviewer === undefined || t.reviewerId === reviewer));
    },

    createTag(reviewId: number, body: TagCreate, who: Actor): Tag {
      requireReview(reviewId);
      if (!db.itemInReview(reviewId, body.itemId)) throw unprocessable('/body/itemId', `no library item ${body.itemId} in review ${reviewId}`);
      requireTaggable(reviewId, body.code, '/body/code');
      const t = { reviewId, itemId: body.itemId, code: body.code, quote: body.quote?.trim() ?? '', locator: body.locator?.trim() ?? '', note: body.note ?? '', reviewerId: who.id };
      const existing = db.duplicateOf(t);
      if (existing !== undefined) {
        throw new HttpProblem(409, 'Conflict', `Item ${body.itemId} already has this tag from ${who.name} (tag ${existing}).`, { current: db.tag(reviewId, existing) });
      }
      const id = db.insertTag(t, repos.now());
      const tag = requireTag(reviewId, id);
      repos.audit.record(who.name, reviewId, 'tag', id, 'create', null, tag);
      return tag;
    },

    updateTag(reviewId: number, tagId: number, body: TagUpdate, actor: string): Tag {
      const before = requireTag(reviewId, tagId);
      if (before.deletedAt !== null) throw notFound('tag', tagId);
      if (before.version !== body.version) throw conflict('tag', tagId, body.version, before, before.version);
      if (body.code !== undefined) requireTaggable(reviewId, body.code, '/body/code');
      const next: Tag = {
        ...before, code: body.code ?? before.code, quote: body.quote?.trim() ?? before.quote,
        locator: body.locator?.trim() ?? before.locator, note: body.note ?? before.note,
      };
      const dup = db.duplicateOf({ ...next, id: tagId });
      if (dup !== undefined) throw new HttpProblem(409, 'Conflict', `That would duplicate tag ${dup} on the same item.`, { current: db.tag(reviewId, dup) });
      db.updateTag(next, repos.now());
      const after = requireTag(reviewId, tagId);
      repos.audit.record(actor, reviewId, 'tag', tagId, 'update', before, after);
      return after;
    },

    deleteTag(reviewId: number, tagId: number, version: number | undefined, actor: string): Tag {
      const before = requireTag(reviewId, tagId);
      if (before.deletedAt !== null) throw notFound('tag', tagId);
      if (version !== undefined && before.version !== version) throw conflict('tag', tagId, version, before, before.version);
      db.trashTag(tagId, repos.now());
      const after = requireTag(reviewId, tagId);
      repos.audit.record(actor, reviewId, 'tag', tagId, 'delete', before, after);
      return after;
    },

    restoreTag(reviewId: number, tagId: number, actor: string): Tag {
      const before = requireTag(reviewId, tagId);
      if (before.deletedAt === null) throw new HttpProblem(409, 'Conflict', `Tag ${tagId} is not deleted; nothing to undo.`, { current: before });
      const [kind, id] = before.code.split(':');
      if (kind === 'code' && db.code(reviewId, Number(id))?.deletedAt !== null) {
        throw new HttpProblem(409, 'Conflict', `Tag ${tagId} is on code ${id}, which is in the trash: restore the code first.`);
      }
      const dup = db.duplicateOf({ ...before, id: tagId });
      if (dup !== undefined) throw new HttpProblem(409, 'Conflict', `The item has the same tag again (tag ${dup}); nothing to undo.`, { current: db.tag(reviewId, dup) });
      db.untrashTag(tagId, repos.now());
      const after = requireTag(reviewId, tagId);
      repos.audit.record(actor, reviewId, 'tag', tagId, 'create', before, after);
      return after;
    },

    matrix(reviewId: number, query: MatrixQuery): Matrix {
      const nodes = codebook(reviewId);
      if (query.branch) requireNode(reviewId, query.branch, '/query/branch', nodes);
      const tags = facts(reviewId);
      return computeMatrix(nodes, labels(reviewId, tags), tags, query);
    },

    evidenceMap(reviewId: number, query: EvidenceMapQuery): EvidenceMap {
      const nodes = codebook(reviewId);
      if (query.rows) requireNode(reviewId, query.rows, '/query/rows', nodes);
      if (query.columns) requireNode(reviewId, query.columns, '/query/columns', nodes);
      return computeEvidenceMap(nodes, facts(reviewId), query);
    },

    evidenceCell(reviewId: number, row: string, column: string): EvidenceCell {
      const nodes = codebook(reviewId);
      requireNode(reviewId, row, '/query/row', nodes);
      requireNode(reviewId, column, '/query/column', nodes);
      const tags = facts(reviewId);
      return evidenceCell(nodes, labels(reviewId, tags), tags, row, column);
    },

    agreement(reviewId: number, a: number | undefined, b: number | undefined): CodingAgreement {
      const nodes = codebook(reviewId);
      const tags = facts(reviewId);
      const team = repos.team.list(reviewId);
      const coders = team.filter((m) => tags.some((t) => t.reviewerId === m.id));
      const pick = (id: number | undefined, pointer: string, fallback: ReviewTeamMember | undefined): ReviewTeamMember => {
        const m = id === undefined ? fallback : team.find((t) => t.id === id);
        if (!m) {
          throw id === undefined
            ? new HttpProblem(422, 'Unprocessable Content', 'Agreement needs two reviewers who have tagged items; fewer have.', { errors: [{ pointer, message: 'no second reviewer has tagged' }] })
            : unprocessable(pointer, `reviewer ${id} is not on the team of review ${reviewId}`);
        }
        return m;
      };
      const ra = pick(a, '/query/a', coders[0]);
      const rb = pick(b, '/query/b', coders.find((m) => m.id !== ra.id));
      if (ra.id === rb.id) throw unprocessable('/query/b', 'name two different reviewers');
      return computeCodingAgreement(nodes, labels(reviewId, tags), tags, { id: ra.id, name: ra.name }, { id: rb.id, name: rb.name });
    },

    alignmentEvidence(reviewId: number, alignmentId: number): AlignmentEvidence {
      requireReview(reviewId);
      const alignment = repos.alignments.require(alignmentId, reviewId);
      const phase = `phase:${alignment.phaseId}`;
      const stage = alignment.stageId === null ? null : `stage:${alignment.stageId}`;
      const byItem = alignmentEvidence(db.liveTags(reviewId), phase, stage);
      const rows = new Map(db.items(reviewId, [...byItem.keys()]).map((r) => [r.id, r]));
      return {
        alignmentId, phase, stage,
        items: [...byItem].map(([itemId, tags]) => {
          const r = rows.get(itemId);
          return { itemId, reference: r ? itemReference(r) : `item ${itemId}`, title: r?.title ?? '', tags };
        }),
      };
    },

    /** A tagged passage as the alignment's evidence: a citation link with the item's reference, locator and quote. */
    attachEvidence(reviewId: number, alignmentId: number, tagId: number, actor: string): AttachedEvidence {
      requireReview(reviewId);
      repos.alignments.require(alignmentId, reviewId);
      const tag = db.tag(reviewId, tagId);
      if (!tag || tag.deletedAt !== null) throw unprocessable('/body/tagId', `no tag ${tagId} in review ${reviewId}`);
      const [row] = db.items(reviewId, [tag.itemId]);
      if (!row) throw unprocessable('/body/tagId', `the item of tag ${tagId} is no longer in the review`);
      // an item read from a file without its own id still needs one to become a citation
      const parsed = cslItemSchema.safeParse({ id: `item${row.id}`, ...(JSON.parse(row.csl) as object) });
      if (!parsed.success) throw unprocessable('/body/tagId', `item ${row.id} has no usable CSL-JSON to cite`);
      const service = citationService(repos);
      const doi = row.doi.trim().toLowerCase();
      const title = row.title.trim().toLowerCase();
      // the item's citation is the review's citation of the same DOI, else of the same title and year
      const existing = service.list(reviewId).find((c) => (doi && (c.doi ?? '').toLowerCase() === doi)
        || (!doi && title && String(c.csl.title ?? '').trim().toLowerCase() === title
          && (row.year === null || JSON.stringify(c.csl.issued ?? '').includes(String(row.year)))));
      const citation = existing ?? service.create(reviewId, parsed.data, undefined, actor);
      const link = service.attach(reviewId, citation.id, { targetType: 'alignment', targetId: alignmentId, locator: tag.locator, quote: tag.quote }, actor);
      return { citationId: citation.id, citekey: citation.citekey, citationCreated: !existing, link: { ...link, targetType: 'alignment' } };
    },

    stageSupport(reviewId: number): StageSupport {
      requireReview(reviewId);
      const tags = facts(reviewId);
      const stages = codebook(reviewId).filter((n) => n.kind === 'stage');
      const phasesOf = new Map<string, Set<string>>();
      for (const a of repos.alignmentsOfReview(reviewId)) {
        if (a.stageId === null) continue;
        const key = `stage:${a.stageId}`;
        phasesOf.set(key, (phasesOf.get(key) ?? new Set()).add(`phase:${a.phaseId}`));
      }
      return stages.map((s) => {
        const direct = new Set<number>();
        const all = new Set<number>();
        const phases = phasesOf.get(s.ref) ?? new Set<string>();
        for (const t of tags) {
          if (t.code === s.ref) {
            direct.add(t.itemId);
            all.add(t.itemId);
          }
          else if (phases.has(t.code)) all.add(t.itemId);
        }
        return { stageId: s.id ?? 0, items: all.size, direct: direct.size };
      });
    },

    labels,
    facts,
    /** The team member a request names, or undefined when it names nobody (reads only). */
    optionalMember(reviewId: number, header: string | undefined): ReviewTeamMember | undefined {
      if (!header) return undefined;
      return screening.who(reviewId, header);
    },
    member: (reviewId: number, header: string | undefined): ReviewTeamMember => screening.who(reviewId, header),
  };
}

const services = new WeakMap<Repositories, CodingService>();
/** One service per set of repositories (its statements are prepared once). */
export function codingOf(repos: Repositories): CodingService {
  let s = services.get(repos);
  if (!s) {
    s = codingService(repos);
    services.set(repos, s);
  }
  return s;
}
