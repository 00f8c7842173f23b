// Screening: stages and their item sets, decisions attributed to a team member, blind mode, conflicts and their
// resolution, progress and agreement. Blind mode is decided here, once, for every read: a reviewer of a blind stage
// who has not finished sees only their own decisions until the lead unblinds it.
import type { Response } from 'express';
import type { Repositories } from '../db/repositories.ts';
import { createScreeningRepo, type StageRow } from '../db/screening-repo.ts';
import { HttpProblem, conflict, notFound, unprocessable } from '../http/problem.ts';
import type { ReviewTeamMember } from '../../shared/schemas.ts';
import { cohenKappa, fleissKappa, percentAgreement } from '../../shared/screening/agreement.ts';
import { rankForScreening, stableRandomOrder } from '../../shared/screening/rank.ts';
import { DECISIONS, type AgreementReport, type Decision, type DecisionBody, type Final, type Progress, type Queue,
  type ResolutionBody, type ScreeningDecision, type ScreeningStage, type StageCreate, type StageUpdate,
} from '../../shared/screening/schemas.ts';
import { finalDecision } from '../../shared/screening/status.ts';

export const REVIEWER_HEADER = 'x-workbench-reviewer';

/** Everything known about one stage's items: the set, each item's decisions, resolutions and final decisions. */
export interface StageState {
  stage: StageRow;
  ids: number[];
  inSet: Set<number>;
  byItem: Map<number, ScreeningDecision[]>;
  resolutions: Map<number, { decision: 'include' | 'exclude'; reason: string }>;
  finals: Map<number, Final>;
}

export type ScreeningService = ReturnType<typeof screeningService>;

const hidden = (s: StageRow): boolean => s.blind && s.unblindedAt === null;

export function screeningService(repos: Repositories) {
  const db = createScreeningRepo(repos.db);
  const stateCache = new Map<number, StageState>();

  const requireStage = (reviewId: number, stageId: number): StageRow => {
    repos.reviews.require(reviewId);
    const stage = db.stage(reviewId, stageId);
    if (!stage) throw notFound('screening stage', stageId);
    return stage;
  };

  /** The team member the request names in X-Workbench-Reviewer; 403 when it names nobody on the team. */
  function who(reviewId: number, header: string | undefined): ReviewTeamMember {
    const team = repos.team.list(reviewId);
    const member = header && /^\d+$/.test(header.trim()) ? team.find((m) => m.id === Number(header.trim())) : undefined;
    if (!member) {
      throw new HttpProblem(403, 'Forbidden', header
        ? `Reviewer ${header} is not on the team of review ${reviewId}: choose who you are.`
        : `Choose who you are: send the ${REVIEWER_HEADER} header with your reviewer id (one of the review's team).`);
    }
    return member;
  }
  const asker = (reviewId: number, res: Response): ReviewTeamMember => who(reviewId, res.req.get(REVIEWER_HEADER));
  const requireLead = (member: ReviewTeamMember, what: string): void => {
    if (member.role !== 'lead') throw new HttpProblem(403, 'Forbidden', `Only a lead of the review can ${what}; ${member.name} is a reviewer.`);
  };

  /** The stage's state, computed from the database (cached for the length of one call chain). */
  function state(reviewId: number, stage: StageRow): StageState {
    const cached = stateCache.get(stage.id);
    if (cached) return cached;
    let ids: number[];
    if (stage.source === 'library') ids = db.libraryIds(reviewId);
    else {
      const before = db.stages(reviewId).filter((s) => s.position < stage.position).at(-1);
      if (!before) ids = [];
      else {
        const prev = state(reviewId, before);
        ids = prev.ids.filter((id) => prev.finals.get(id) === 'include');
      }
    }
    const inSet = new Set(ids);
    const byItem = new Map<number, ScreeningDecision[]>();
    for (const d of db.decisions(stage.id)) {
      if (!inSet.has(d.itemId)) continue;
      const list = byItem.get(d.itemId);
      if (list) list.push(d);
      else byItem.set(d.itemId, [d]);
    }
    const resolutions = new Map(db.resolutions(stage.id).map((r) => [r.itemId, { decision: r.decision, reason: r.reason }]));
    const finals = new Map<number, Final>();
    for (const id of ids) {
      finals.set(id, finalDecision((byItem.get(id) ?? []).map((d) => d.decision), resolutions.get(id)?.decision, stage.reviewersRequired));
    }
    const s = { stage, ids, inSet, byItem, resolutions, finals };
    stateCache.set(stage.id, s);
    return s;
  }
  /** Runs fn with a fresh cache: states are computed once per request, never across requests. */
  const fresh = <T>(fn: () => T): T => {
    stateCache.clear();
    try {
      return fn();
    } finally {
      stateCache.clear();
    }
  };

  const mineCount = (st: StageState, reviewerId: number): number => {
    let n = 0;
    for (const list of st.byItem.values()) if (list.some((d) => d.reviewerId === reviewerId)) n++;
    return n;
  };
  /** Blind for this reviewer: the stage is blind, not unblinded, and they have items left to decide. */
  const blindFor = (st: StageState, reviewerId: number): boolean =>
    hidden(st.stage) && !(st.ids.length > 0 && mineCount(st, reviewerId) === st.ids.length);

  /** A stage that takes its items from a stage still blind would reveal that stage's decisions by its size. */
  function chainHidden(reviewId: number, stage: StageRow): boolean {
    if (stage.source === 'library') return false;
    const before = db.stages(reviewId).filter((s) => s.position < stage.position).at(-1);
    return before !== undefined && (hidden(before) || chainHidden(reviewId, before));
  }

  function stageOut(reviewId: number, stage: StageRow): ScreeningStage {
    return {
      id: stage.id, position: stage.position, kind: stage.kind, label: stage.label, source: stage.source,
      reviewersRequired: stage.reviewersRequired, blind: stage.blind, unblindedAt: stage.unblindedAt, version: stage.version,
      items: chainHidden(reviewId, stage) ? null : state(reviewId, stage).ids.length,
    };
  }

  function checkReason(reviewId: number, stage: StageRow, decision: Decision | 'include' | 'exclude', reason: string): void {
    if (decision !== 'exclude') {
      if (reason) throw unprocessable('/body/reason', 'only an exclusion carries a reason');
      return;
    }
    if (stage.kind === 'full-text' && !reason) throw unprocessable('/body/reason', 'a full-text exclusion needs a reason');
    const reasons = repos.reviews.require(reviewId).settings.exclusionReasons;
    if (reason && reasons.length > 0 && !reasons.includes(reason)) {
      throw unprocessable('/body/reason', `must be one of the review's exclusion reasons: ${reasons.join('; ')}`);
    }
  }

  const requireInSet = (st: StageState, itemId: number): void => {
    if (!st.inSet.has(itemId)) throw new HttpProblem(404, 'Not Found', `Item ${itemId} is not in screening stage ${st.stage.id}.`);
  };

  function decide(reviewId: number, stage: StageRow, member: ReviewTeamMember, itemId: number, body: DecisionBody): ScreeningDecision {
    const reason = body.reason ?? '';
    checkReason(reviewId, stage, body.decision, reason);
    // a library stage holds every unmerged item: one row answers, without computing the whole set
    if (stage.source === 'library' && !stateCache.has(stage.id)) {
      if (!db.itemInReview(reviewId, itemId)) throw new HttpProblem(404, 'Not Found', `Item ${itemId} is not in screening stage ${stage.id}.`);
    } else requireInSet(state(reviewId, stage), itemId);
    const before = db.decision(stage.id, itemId, member.id) ?? null;
    db.upsertDecision({ stageId: stage.id, itemId, reviewerId: member.id, decision: body.decision, reason, note: body.note ?? '' }, repos.now());
    const after = db.decision(stage.id, itemId, member.id) as ScreeningDecision;
    repos.audit.record(member.name, reviewId, 'screening_decision', null, before ? 'update' : 'create', before, after);
    return after;
  }

  function itemsOf(ids: number[]) {
    const details = db.items(ids);
    return (id: number) => details.get(id) ?? { id, title: '', authors: [], year: null, container: '', abstract: '', keywords: [], doi: '' };
  }

  return {
    db,
    who,
    requireStage,
    state: (reviewId: number, stage: StageRow) => fresh(() => state(reviewId, stage)),
    hidden,

    stages: (reviewId: number): ScreeningStage[] => fresh(() => {
      repos.reviews.require(reviewId);
      return db.stages(reviewId).map((s) => stageOut(reviewId, s));
    }),

    createStage: (reviewId: number, body: StageCreate, actor: string): ScreeningStage => fresh(() => {
      repos.reviews.require(reviewId);
      const first = db.stages(reviewId).length === 0;
      const id = db.insertStage(reviewId, {
        kind: body.kind, label: body.label ?? '', source: body.source ?? (first ? 'library' : 'previous'),
        reviewersRequired: body.reviewersRequired ?? 2, blind: body.blind ?? true,
      }, repos.now());
      const stage = db.stage(reviewId, id) as StageRow;
      repos.audit.record(actor, reviewId, 'screening_stage', id, 'create', null, stage);
      return stageOut(reviewId, stage);
    }),

    updateStage: (reviewId: number, stageId: number, body: StageUpdate, actor: string): ScreeningStage => fresh(() => {
      const before = requireStage(reviewId, stageId);
      if (before.version !== body.version) throw conflict('screening stage', stageId, body.version, stageOut(reviewId, before), before.version);
      db.updateStage({ ...before, ...body, version: before.version }, repos.now());
      const after = db.stage(reviewId, stageId) as StageRow;
      repos.audit.record(actor, reviewId, 'screening_stage', stageId, 'update', before, after);
      return stageOut(reviewId, after);
    }),

    deleteStage(reviewId: number, stageId: number, force: boolean, actor: string): void {
      const stage = requireStage(reviewId, stageId);
      const decided = db.decisionCount(stageId);
      if (decided > 0 && !force) {
        throw new HttpProblem(409, 'Conflict', `Screening stage ${stageId} has ${decided} decisions; send ?force=true to delete it with them.`);
      }
      db.deleteStage(stageId);
      repos.audit.record(actor, reviewId, 'screening_stage', stageId, 'delete', stage, null);
    },

    queue: (reviewId: number, stageId: number, res: Response, query: { filter: string; order: string; after: number; limit: number }): Queue => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      const st = state(reviewId, stage);
      const blind = blindFor(st, me.id);
      if (query.filter === 'conflicts' && blind) {
        throw new HttpProblem(403, 'Forbidden', 'Conflicts are shown once the lead unblinds the stage or you have decided every item.');
      }
      const mineOf = (id: number) => (st.byItem.get(id) ?? []).find((d) => d.reviewerId === me.id);
      let order: number[];
      let expectedRelevantRemaining: number | null = null;
      if (query.order === 'relevance') {
        // while blind the model learns from this reviewer's own decisions only: others' would leak through the order
        const labels = new Map<number, 0 | 1>();
        for (const id of st.ids) {
          const label = blind ? mineOf(id)?.decision : st.finals.get(id);
          if (label === 'include') labels.set(id, 1);
          else if (label === 'exclude') labels.set(id, 0);
        }
        const texts = db.itemTexts(reviewId).filter((t) => st.inSet.has(t.id));
        // seeded by the stage, as order=random is, so the order does not jump when the model starts learning
        const ranked = rankForScreening(texts, labels, stage.id);
        const rankedSet = new Set(ranked.order);
        order = [...ranked.order, ...stableRandomOrder(st.ids.filter((id) => !rankedSet.has(id)), stage.id)];
        expectedRelevantRemaining = ranked.expectedRelevantRemaining;
      } else order = stableRandomOrder(st.ids, stage.id);
      const keep = (id: number): boolean => {
        const mine = mineOf(id);
        switch (query.filter) {
          case 'undecided': return !mine;
          case 'mine': return Boolean(mine);
          case 'maybe': return mine?.decision === 'maybe';
          case 'conflicts': return st.finals.get(id) === 'conflict';
          default: return true;
        }
      };
      const positions = order.map((id, position) => ({ id, position })).filter((e) => keep(e.id));
      const rest = positions.filter((e) => e.position > query.after);
      const page = rest.slice(0, query.limit);
      const item = itemsOf(page.map((e) => e.id));
      const initials = new Map(repos.team.list(reviewId).map((m) => [m.id, m.initials]));
      return {
        total: positions.length,
        items: page.map(({ id, position }) => {
          const mine = mineOf(id);
          return {
            position,
            item: item(id),
            mine: mine ? { decision: mine.decision, reason: mine.reason, note: mine.note } : null,
            others: blind ? null : (st.byItem.get(id) ?? []).filter((d) => d.reviewerId !== me.id)
              .map((d) => ({ reviewerId: d.reviewerId, initials: initials.get(d.reviewerId) ?? '', decision: d.decision, reason: d.reason })),
            final: blind ? null : (st.finals.get(id) ?? 'undecided'),
          };
        }),
        nextAfter: rest.length > page.length ? (page.at(-1)?.position ?? null) : null,
        expectedRelevantRemaining,
      };
    }),

    decide: (reviewId: number, stageId: number, itemId: number, res: Response, body: DecisionBody): ScreeningDecision => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      return decide(reviewId, stage, asker(reviewId, res), itemId, body);
    }),

    undo: (reviewId: number, stageId: number, itemId: number, res: Response): void => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      const before = db.decision(stage.id, itemId, me.id);
      if (!before || !db.deleteDecision(stage.id, itemId, me.id)) throw new HttpProblem(404, 'Not Found', `You have no decision on item ${itemId} in stage ${stageId}.`);
      repos.audit.record(me.name, reviewId, 'screening_decision', null, 'delete', before, null);
    }),

    progress: (reviewId: number, stageId: number, res: Response): Progress => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      const st = state(reviewId, stage);
      const blind = blindFor(st, me.id);
      const team = repos.team.list(reviewId).filter((m) => !blind || m.id === me.id);
      const reviewers = team.map((m) => {
        const row = { reviewerId: m.id, name: m.name, initials: m.initials, decided: 0, include: 0, exclude: 0, maybe: 0 };
        for (const list of st.byItem.values()) {
          const d = list.find((x) => x.reviewerId === m.id);
          if (!d) continue;
          row.decided++;
          row[d.decision]++;
        }
        return row;
      });
      let final: Progress['final'] = null;
      if (!blind) {
        final = { include: 0, exclude: 0, conflict: 0, undecided: 0 };
        for (const f of st.finals.values()) final[f]++;
      }
      return { total: st.ids.length, reviewers, final };
    }),

    unblind: (reviewId: number, stageId: number, res: Response): ScreeningStage => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      requireLead(me, 'unblind a stage');
      if (stage.unblindedAt === null) {
        db.unblind(stageId, repos.now());
        repos.audit.record(me.name, reviewId, 'screening_stage', stageId, 'update', stage, db.stage(reviewId, stageId));
      }
      return stageOut(reviewId, db.stage(reviewId, stageId) as StageRow);
    }),

    conflicts: (reviewId: number, stageId: number, res: Response) => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      const st = state(reviewId, stage);
      if (blindFor(st, me.id)) throw new HttpProblem(403, 'Forbidden', 'Conflicts are shown once the lead unblinds the stage or you have decided every item.');
      const ids = st.ids.filter((id) => st.finals.get(id) === 'conflict');
      const item = itemsOf(ids);
      const initials = new Map(repos.team.list(reviewId).map((m) => [m.id, m.initials]));
      return ids.map((id) => ({
        item: item(id),
        decisions: (st.byItem.get(id) ?? []).map((d) => ({ reviewerId: d.reviewerId, initials: initials.get(d.reviewerId) ?? '', decision: d.decision, reason: d.reason, note: d.note })),
      }));
    }),

    resolve: (reviewId: number, stageId: number, res: Response, body: ResolutionBody) => fresh(() => {
      const stage = requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      requireLead(me, 'resolve a conflict');
      const reason = body.reason ?? '';
      checkReason(reviewId, stage, body.decision, reason);
      requireInSet(state(reviewId, stage), body.itemId);
      const before = db.resolution(stageId, body.itemId) ?? null;
      db.upsertResolution({ stageId, itemId: body.itemId, decision: body.decision, reason, note: body.note, reviewerId: me.id }, repos.now());
      const after = db.resolution(stageId, body.itemId);
      repos.audit.record(me.name, reviewId, 'screening_resolution', null, before ? 'update' : 'create', before, after);
      return after;
    }),

    unresolve: (reviewId: number, stageId: number, itemId: number, res: Response): void => fresh(() => {
      requireStage(reviewId, stageId);
      const me = asker(reviewId, res);
      requireLead(me, 'undo a resolution');
      const before = db.resolution(stageId, itemId);
      if (!before || !db.deleteResolution(stageId, itemId)) throw new HttpProblem(404, 'Not Found', `Item ${itemId} has no resolution in stage ${stageId}.`);
      repos.audit.record(me.name, reviewId, 'screening_resolution', null, 'delete', before, null);
    }),

    /** Agreement between the reviewers who decided in the stage; `asker` null (the CLI) sees every stage. */
    agreement: (reviewId: number, stage: StageRow, askerId: number | null): AgreementReport => fresh(() => {
      const st = state(reviewId, stage);
      if (askerId !== null && blindFor(st, askerId)) {
        throw new HttpProblem(403, 'Forbidden', 'Agreement is shown once the lead unblinds the stage or you have decided every item.');
      }
      const decidedBy = new Set([...st.byItem.values()].flatMap((l) => l.map((d) => d.reviewerId)));
      const reviewers = repos.team.list(reviewId).filter((m) => decidedBy.has(m.id))
        .map((m) => ({ id: m.id, name: m.name, initials: m.initials }));
      const decisionOf = (itemId: number, reviewerId: number) => st.byItem.get(itemId)?.find((d) => d.reviewerId === reviewerId)?.decision;
      const pairs: AgreementReport['pairs'] = [];
      for (let i = 0; i < reviewers.length; i++) {
        for (let j = i + 1; j < reviewers.length; j++) {
          const ra = reviewers[i] as (typeof reviewers)[number];
          const rb = reviewers[j] as (typeof reviewers)[number];
          const a: Decision[] = [];
          const b: Decision[] = [];
          for (const id of st.ids) {
            const da = decisionOf(id, ra.id);
            const dbb = decisionOf(id, rb.id);
            if (da && dbb) {
              a.push(da);
              b.push(dbb);
            }
          }
          const k = cohenKappa(a, b, [ra.name, rb.name]);
          pairs.push({ a: ra.id, b: rb.id, items: a.length, percentAgreement: percentAgreement(a, b), kappa: k.kappa, kappaCi95: k.ci95, note: k.note });
        }
      }
      let fleiss: { kappa: number | null; note: string } = { kappa: null, note: 'needs three or more reviewers' };
      if (reviewers.length >= 3) {
        const rows: number[][] = [];
        for (const id of st.ids) {
          const ds = reviewers.map((r) => decisionOf(id, r.id));
          if (ds.every(Boolean)) rows.push(DECISIONS.map((c) => ds.filter((d) => d === c).length));
        }
        fleiss = fleissKappa(rows);
      }
      const items = st.ids.filter((id) => (st.byItem.get(id)?.length ?? 0) >= 2).length;
      return { stage: { id: stage.id, kind: stage.kind, label: stage.label }, items, reviewers, pairs, fleissKappa: fleiss.kappa, fleissNote: fleiss.note };
    }),

    /** For the decision import: records one decision as that member, with the same checks as the API. */
    decideAs: (reviewId: number, stage: StageRow, member: ReviewTeamMember, itemId: number, body: DecisionBody): ScreeningDecision =>
      decide(reviewId, stage, member, itemId, body),
    beginBatch: () => stateCache.clear(),

    /** Audit events without the decisions of stages that are still blind (the log would otherwise reveal them). */
    visibleAudit<E extends { entity: string; before: unknown; after: unknown }>(reviewId: number, events: E[]): E[] {
      const blindStages = new Set(db.stages(reviewId).filter(hidden).map((s) => s.id));
      if (blindStages.size === 0) return events;
      const stageOfEvent = (e: E): number | undefined => {
        const row = (e.after ?? e.before) as { stageId?: number } | null;
        return row?.stageId;
      };
      return events.filter((e) => !e.entity.startsWith('screening_') || e.entity === 'screening_stage' || !blindStages.has(stageOfEvent(e) ?? -1));
    },
    asker,
  };
}

const services = new WeakMap<Repositories, ScreeningService>();
/** One service per set of repositories (its statements are prepared once). */
export function screeningOf(repos: Repositories): ScreeningService {
  let s = services.get(repos);
  if (!s) {
    s = screeningService(repos);
    services.set(repos, s);
  }
  return s;
}
