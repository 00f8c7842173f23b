// Screening over real HTTP on a temp SQLite file: who is who, blind mode on every read, lead-only actions,
// conflicts and their resolution, agreement against a hand computation, decision imports with a per-line report,
// the PRISMA 2020 counts derived from imports, merges and decisions, and the seed review's entered flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const ris = (records: { title: string; doi?: string; id: string; year?: number }[]): string =>
  records.map((r) => [
    'TY  - JOUR', `TI  - ${r.title}`, 'AU  - Tester, Ann', `PY  - ${r.year ?? 2020}`, ...(r.doi ? [`DO  - ${r.doi}`] : []),
    `AB  - An abstract about ${r.title.toLowerCase()}.`, 'KW  - screening', `ID  - ${r.id}`, 'ER  - ', '',
  ].join('\n')).join('\n');

const SCOPUS = Array.from({ length: 10 }, (_, i) => ({ title: `Scopus record number ${i + 1} on family support`, doi: `10.1000/s${i + 1}`, id: `S${i + 1}` }));
const GREY = [{ title: 'Grey report on care leavers', id: 'G1' }, { title: 'Grey report on kinship care', id: 'G2' }];

// reviewer A and B on the 12 unmerged items (10 Scopus, 2 grey), index = item order by id
const A = ['include', 'include', 'include', 'include', 'exclude', 'exclude', 'exclude', 'exclude', 'exclude', 'include', 'exclude', 'maybe'] as const;
const B = ['include', 'include', 'include', 'include', 'exclude', 'exclude', 'exclude', 'exclude', 'exclude', 'exclude', 'include', 'include'] as const;
const reasonA = (i: number): string => (i <= 6 ? 'wrong population' : 'wrong design');

describe('screening API', () => {
  let s: TestServer;
  let reviewId: number;
  let ann: number;
  let bob: number;
  let cy: number;
  let items: number[];
  let title: number;
  let full: number;
  const as = (who: number) => ({ 'x-workbench-reviewer': String(who) });
  const base = () => `/api/reviews/${reviewId}/screening`;

  async function importRis(text: string, source: string): Promise<number> {
    const res = await fetch(`${s.url}/api/reviews/${reviewId}/literature/imports?fileName=${source}.ris&source=${source}`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' }, body: text,
    });
    expect(res.status).toBe(202);
    const { batchId } = (await res.json()) as { batchId: number };
    for (let i = 0; i < 400; i++) {
      const p = await s.request('GET', `/api/reviews/${reviewId}/literature/imports/${batchId}`);
      if (p.body.state !== 'running') {
        expect(p.body.state).toBe('complete');
        return batchId;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }

  beforeAll(async () => {
    s = await startTestServer();
    const review = await s.request('POST', '/api/reviews', { title: 'Screening trial' });
    reviewId = review.body.id;
    const settings = await s.request('PATCH', `/api/reviews/${reviewId}`, {
      settings: { relationLabels: {}, exclusionReasons: ['wrong population', 'wrong design'] }, version: review.body.version,
    });
    expect(settings.status).toBe(200);
    ann = (await s.request('POST', `/api/reviews/${reviewId}/reviewers`, { name: 'Ann Lead' })).body.id;
    bob = (await s.request('POST', `/api/reviews/${reviewId}/reviewers`, { name: 'Bob Second' })).body.id;
    cy = (await s.request('POST', `/api/reviews/${reviewId}/reviewers`, { name: 'Cy Third' })).body.id;
    await importRis(ris(SCOPUS), 'Scopus');
    const pubmed = await importRis(ris([{ ...SCOPUS[0]!, id: 'P1' }]), 'PubMed');
    const grey = await importRis(ris(GREY), 'Google');
    expect((await s.request('PATCH', `/api/reviews/${reviewId}/literature/batches/${grey}`, { sourceKind: 'other' })).status).toBe(200);
    const list = await s.request('GET', `/api/reviews/${reviewId}/literature/items?limit=100`);
    const all = (list.body.items as { id: number; title: string }[]).sort((x, y) => x.id - y.id);
    const dup = all.filter((i) => i.title === SCOPUS[0]!.title).map((i) => i.id);
    expect(dup).toHaveLength(2);
    expect((await s.request('POST', `/api/reviews/${reviewId}/literature/merges`, { items: dup })).status).toBe(201);
    expect(pubmed).toBeGreaterThan(0);
    items = all.filter((i) => i.id !== dup[1]).map((i) => i.id);
    expect(items).toHaveLength(12);
  });
  afterAll(async () => {
    await s.close();
  });

  it('gives team members initials and roles, and PATCH changes them', async () => {
    const team = await s.request('GET', `/api/reviews/${reviewId}/reviewers`);
    expect(team.body[0]).toMatchObject({ id: ann, name: 'Ann Lead', initials: 'AL', role: 'reviewer' });
    const patched = await s.request('PATCH', `/api/reviews/${reviewId}/reviewers/${ann}`, { role: 'lead', initials: 'AnL' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: ann, initials: 'AnL', role: 'lead' });
    const bad = await s.request('PATCH', `/api/reviews/${reviewId}/reviewers/${ann}`, { role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/body/role');
  });

  it('creates stages: the first screens the library, the next what the first included', async () => {
    expect((await s.request('POST', `${base()}/stages`, { kind: 'title' })).status).toBe(403);
    const t = await s.request('POST', `${base()}/stages`, { kind: 'title-abstract', label: 'Titles and abstracts' }, as(ann));
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ kind: 'title-abstract', source: 'library', reviewersRequired: 2, blind: true, unblindedAt: null, items: 12 });
    title = t.body.id;
    const f = await s.request('POST', `${base()}/stages`, { kind: 'full-text' }, as(ann));
    expect(f.body).toMatchObject({ source: 'previous', position: 1 });
    full = f.body.id;
    const bad = await s.request('POST', `${base()}/stages`, { kind: 'titles' }, as(ann));
    expect(bad.status).toBe(400);
  });

  it('refuses screening writes and personal reads from nobody or from someone not on the team', async () => {
    const anon = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[0]}`, { decision: 'include' });
    expect(anon.status).toBe(403);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect(anon.body.detail).toMatch(/choose who you are/i);
    const stranger = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[0]}`, { decision: 'include' }, as(9999));
    expect(stranger.status).toBe(403);
    expect((await s.request('GET', `${base()}/stages/${title}/queue`)).status).toBe(403);
    expect((await s.request('GET', `${base()}/stages/${title}/progress`)).status).toBe(403);
  });

  it('checks exclusion reasons against the review\'s list', async () => {
    const wrong = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[0]}`, { decision: 'exclude', reason: 'too old' }, as(ann));
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].pointer).toBe('/body/reason');
    const notInStage = await s.request('PUT', `${base()}/stages/${full}/decisions/${items[0]}`, { decision: 'include' }, as(ann));
    expect(notInStage.status).toBe(404);
  });

  it('keeps each reviewer blind to the others on every read until they finish or the lead unblinds', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[i]}`,
        { decision: A[i], ...(A[i] === 'exclude' ? { reason: reasonA(i) } : {}) }, as(ann));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ decision: A[i], reviewerId: ann });
    }
    // Bob has decided only the first 6: he is still blind
    for (let i = 0; i < 6; i++) {
      const r = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[i]}`, { decision: B[i], ...(B[i] === 'exclude' ? { reason: 'wrong population' } : {}) }, as(bob));
      expect(r.status).toBe(200);
    }
    const q = await s.request('GET', `${base()}/stages/${title}/queue?filter=all`, undefined, as(bob));
    expect(q.status).toBe(200);
    expect(q.body.total).toBe(12);
    for (const row of q.body.items) {
      expect(row.others).toBeNull();
      expect(row.final).toBeNull();
    }
    expect(q.text).not.toContain('maybe');
    expect(q.body.items.filter((r: { mine: unknown }) => r.mine !== null)).toHaveLength(6);
    const undecided = await s.request('GET', `${base()}/stages/${title}/queue`, undefined, as(bob));
    expect(undecided.body.total).toBe(6);
    const p = await s.request('GET', `${base()}/stages/${title}/progress`, undefined, as(bob));
    expect(p.body).toEqual({ total: 12, final: null, reviewers: [{ reviewerId: bob, name: 'Bob Second', initials: 'BS', decided: 6, include: 4, exclude: 2, maybe: 0 }] });
    expect((await s.request('GET', `${base()}/stages/${title}/queue?filter=conflicts`, undefined, as(bob))).status).toBe(403);
    expect((await s.request('GET', `${base()}/stages/${title}/conflicts`, undefined, as(bob))).status).toBe(403);
    expect((await s.request('GET', `${base()}/stages/${title}/agreement`, undefined, as(bob))).status).toBe(403);
    // reads that take no reviewer: the stage list hides the next stage's size, the flow its counts, the log the decisions
    const stages = await s.request('GET', `${base()}/stages`);
    expect(stages.body[1].items).toBeNull();
    const prisma = await s.request('GET', `/api/reviews/${reviewId}/prisma`);
    expect(prisma.body.boxes.records_excluded).toMatchObject({ count: null });
    expect(prisma.body.boxes.new_studies.count).toBeNull();
    const audit = await s.request('GET', `/api/reviews/${reviewId}/audit?limit=1000`);
    expect(audit.body.some((e: { entity: string }) => e.entity === 'screening_decision')).toBe(false);
    // Ann has decided every item: she may see Bob's decisions so far
    const annQ = await s.request('GET', `${base()}/stages/${title}/queue?filter=all`, undefined, as(ann));
    const first = annQ.body.items.find((r: { item: { id: number } }) => r.item.id === items[0]);
    expect(first.others).toEqual([{ reviewerId: bob, initials: 'BS', decision: 'include', reason: '' }]);
    expect(first.item).toMatchObject({ title: SCOPUS[0]!.title, authors: ['Tester, Ann'], year: 2020, keywords: ['screening'] });
    expect(first.item.abstract).toBe(`An abstract about ${SCOPUS[0]!.title.toLowerCase()}.`);
  });

  it('orders the queue in a stable random order and pages it by position', async () => {
    const one = await s.request('GET', `${base()}/stages/${title}/queue?filter=all&limit=5`, undefined, as(cy));
    const again = await s.request('GET', `${base()}/stages/${title}/queue?filter=all&limit=5`, undefined, as(cy));
    expect(one.body.items.map((r: { item: { id: number } }) => r.item.id)).toEqual(again.body.items.map((r: { item: { id: number } }) => r.item.id));
    expect(one.body.items.map((r: { position: number }) => r.position)).toEqual([0, 1, 2, 3, 4]);
    expect(one.body.nextAfter).toBe(4);
    const next = await s.request('GET', `${base()}/stages/${title}/queue?filter=all&limit=5&after=4`, undefined, as(cy));
    expect(next.body.items[0].position).toBe(5);
    const ids = [...one.body.items, ...next.body.items].map((r: { item: { id: number } }) => r.item.id);
    expect(new Set(ids).size).toBe(10);
    expect(ids).not.toEqual([...items].slice(0, 10));
  });

  it('undoes a decision', async () => {
    const undo = await s.request('DELETE', `${base()}/stages/${title}/decisions/${items[5]}`, undefined, as(bob));
    expect(undo.status).toBe(204);
    expect((await s.request('DELETE', `${base()}/stages/${title}/decisions/${items[5]}`, undefined, as(bob))).status).toBe(404);
  });

  it('lets only a lead unblind; then conflicts, agreement and progress appear', async () => {
    for (let i = 5; i < 12; i++) {
      const r = await s.request('PUT', `${base()}/stages/${title}/decisions/${items[i]}`, { decision: B[i], ...(B[i] === 'exclude' ? { reason: 'wrong population' } : {}) }, as(bob));
      expect(r.status).toBe(200);
    }
    // Bob has finished too: no longer blind for him, still blind for Cy
    expect((await s.request('GET', `${base()}/stages/${title}/conflicts`, undefined, as(cy))).status).toBe(403);
    const notLead = await s.request('POST', `${base()}/stages/${title}/unblind`, undefined, as(bob));
    expect(notLead.status).toBe(403);
    const un = await s.request('POST', `${base()}/stages/${title}/unblind`, undefined, as(ann));
    expect(un.status).toBe(200);
    expect(un.body.unblindedAt).not.toBeNull();
    const conflicts = await s.request('GET', `${base()}/stages/${title}/conflicts`, undefined, as(cy));
    expect(conflicts.body.map((c: { item: { id: number } }) => c.item.id)).toEqual([items[9], items[10], items[11]]);
    expect(conflicts.body[2].decisions).toEqual([
      { reviewerId: ann, initials: 'AnL', decision: 'maybe', reason: '', note: '' },
      { reviewerId: bob, initials: 'BS', decision: 'include', reason: '', note: '' },
    ]);
    const p = await s.request('GET', `${base()}/stages/${title}/progress`, undefined, as(cy));
    expect(p.body.final).toEqual({ include: 4, exclude: 5, conflict: 3, undecided: 0 });
    expect(p.body.reviewers.map((r: { decided: number }) => r.decided)).toEqual([12, 12, 0]);
    const audit = await s.request('GET', `/api/reviews/${reviewId}/audit?limit=1000`);
    expect(audit.body.filter((e: { entity: string }) => e.entity === 'screening_decision').length).toBeGreaterThanOrEqual(24);
  });

  it('computes Cohen\'s kappa as by hand', async () => {
    const ag = await s.request('GET', `${base()}/stages/${title}/agreement`, undefined, as(bob));
    expect(ag.status).toBe(200);
    // by hand: 9 of 12 agree, po = 3/4; A: 5 include, 6 exclude, 1 maybe; B: 6 include, 6 exclude
    // pe = (5·6 + 6·6 + 1·0) / 144 = 66/144; kappa = (3/4 − 66/144) / (1 − 66/144) = 42/78 = 7/13
    const pe = 66 / 144;
    const se = Math.sqrt((0.75 * 0.25) / (12 * (1 - pe) ** 2));
    expect(ag.body.items).toBe(12);
    expect(ag.body.pairs).toHaveLength(1);
    const pair = ag.body.pairs[0];
    expect(pair).toMatchObject({ a: ann, b: bob, items: 12, percentAgreement: 75 });
    expect(pair.kappa).toBeCloseTo(7 / 13, 10);
    expect(pair.kappaCi95[0]).toBeCloseTo(7 / 13 - 1.96 * se, 10);
    expect(pair.kappaCi95[1]).toBeCloseTo(7 / 13 + 1.96 * se, 10);
    expect(ag.body.fleissKappa).toBeNull();
  });

  it('lets only the lead resolve conflicts, and agreements resolve themselves', async () => {
    const body = { itemId: items[9], decision: 'include', note: 'meets the criteria on reading' };
    expect((await s.request('POST', `${base()}/stages/${title}/resolutions`, body, as(bob))).status).toBe(403);
    const r = await s.request('POST', `${base()}/stages/${title}/resolutions`, body, as(ann));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ itemId: items[9], decision: 'include', reviewerId: ann, note: 'meets the criteria on reading' });
    expect((await s.request('POST', `${base()}/stages/${title}/resolutions`, { itemId: items[10], decision: 'exclude', reason: 'wrong design', note: '' }, as(ann))).status).toBe(201);
    expect((await s.request('POST', `${base()}/stages/${title}/resolutions`, { itemId: items[11], decision: 'include', note: 'x' }, as(ann))).status).toBe(201);
    const conflicts = await s.request('GET', `${base()}/stages/${title}/conflicts`, undefined, as(ann));
    expect(conflicts.body).toEqual([]);
    const stages = await s.request('GET', `${base()}/stages`);
    expect(stages.body[1].items).toBe(6);
    const undo = await s.request('DELETE', `${base()}/stages/${title}/resolutions/${items[11]}`, undefined, as(ann));
    expect(undo.status).toBe(204);
    expect((await s.request('GET', `${base()}/stages`)).body[1].items).toBe(5);
    await s.request('POST', `${base()}/stages/${title}/resolutions`, { itemId: items[11], decision: 'include', note: 'x' }, as(ann));
  });

  it('requires a reason for a full-text exclusion', async () => {
    const r = await s.request('PUT', `${base()}/stages/${full}/decisions/${items[2]}`, { decision: 'exclude' }, as(ann));
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ pointer: '/body/reason', message: expect.stringMatching(/reason/) }]);
  });

  it('derives the PRISMA 2020 counts from imports, merges and decisions', async () => {
    const plan: [number, 'include' | 'exclude', string][] = [[0, 'include', ''], [1, 'include', ''], [2, 'exclude', 'wrong population'],
      [3, 'exclude', 'wrong design'], [9, 'include', ''], [11, 'include', '']];
    for (const who of [ann, bob]) {
      for (const [i, decision, reason] of plan) {
        const r = await s.request('PUT', `${base()}/stages/${full}/decisions/${items[i]}`, { decision, ...(reason ? { reason } : {}) }, as(who));
        expect(r.status).toBe(200);
      }
    }
    const blind = await s.request('GET', `/api/reviews/${reviewId}/prisma`);
    expect(blind.body.boxes.dbr_assessed.count).toBeNull();
    await s.request('POST', `${base()}/stages/${full}/unblind`, undefined, as(ann));
    const { body } = await s.request('GET', `/api/reviews/${reviewId}/prisma`);
    const count = (k: string) => body.boxes[k].count;
    expect(count('database_results')).toBe(11);
    expect(count('register_results')).toBe(0);
    expect(count('other_results')).toBe(2);
    expect(count('duplicates')).toBe(1);
    expect(count('records_screened')).toBe(10);
    expect(count('records_excluded')).toBe(5);
    expect(count('dbr_sought_reports')).toBe(5);
    expect(count('dbr_assessed')).toBe(5);
    expect(count('dbr_excluded')).toBe(2);
    expect(body.boxes.dbr_excluded.reasons).toEqual([{ reason: 'wrong design', count: 1 }, { reason: 'wrong population', count: 1 }]);
    expect(count('other_sought_reports')).toBe(1);
    expect(count('other_assessed')).toBe(1);
    expect(count('new_studies')).toBe(4);
    expect(body.boxes.database_results.entered).toBe(false);
    expect(body.boxes.dbr_notretrieved_reports).toEqual({ count: null, entered: false, note: '' });
    expect(body.sources).toEqual(expect.arrayContaining([{ name: 'Google', kind: 'other', records: 2, batches: 1 }, { name: 'Scopus', kind: 'database', records: 10, batches: 1 }]));
    const entered = await s.request('PUT', `/api/reviews/${reviewId}/prisma/entered/dbr_notretrieved_reports`, { count: 0, note: 'all retrieved' });
    expect(entered.status).toBe(200);
    expect(entered.body.boxes.dbr_notretrieved_reports).toEqual({ count: 0, entered: true, note: 'all retrieved' });
    expect((await s.request('PUT', `/api/reviews/${reviewId}/prisma/entered/nonsense`, { count: 1 })).status).toBe(422);
    const svg = await s.request('GET', `/api/reviews/${reviewId}/prisma/figure.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.text).toMatch(/>Records screened<\/text>\s*<text[^>]*>\(n = 10\)</);
    expect(svg.text).toMatch(/>Reports not retrieved<\/text>\s*<text[^>]*>\(n = 0 †\)</);
    expect(svg.text).toContain('wrong design (n = 1)');
  });

  it('imports decisions from a CSV and a Rayyan export with a per-line report', async () => {
    const csv = [
      'doi,id,title,year,reviewer,stage,decision,reason',
      '10.1000/s2,,,,Cy Third,title-abstract,Included,',
      ',S3,,,CT,,exclude,wrong population',
      `,,"${SCOPUS[3]!.title}",2020,Cy Third,,maybe,`,
      '10.9999/nothing,,,,Cy Third,,include,',
      '10.1000/s5,,,,Dana,,include,',
      '10.1000/s6,,,,Cy Third,,perhaps,',
      '10.1000/s7,,,,Cy Third,full-text,include,',
      '10.1000/s8,,,,Cy Third,,exclude,not a reason',
    ].join('\r\n');
    const r = await s.request('POST', `${base()}/decisions/import?stage=${title}`, { text: csv }, as(ann));
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(3);
    expect(r.body.skipped.map((x: { line: number }) => x.line)).toEqual([5, 6, 7, 8, 9]);
    expect(r.body.skipped[1].reason).toContain('Dana');
    const rayyan = [
      'key,title,year,doi,notes',
      `1,"${SCOPUS[8]!.title}",2020,10.1000/s9,"RAYYAN-INCLUSION: {""Cy Third""=>""Excluded""} | RAYYAN-EXCLUSION-REASONS: wrong design"`,
      '2,Unknown,2020,10.1/none,"RAYYAN-INCLUSION: {""Cy Third""=>""Included""}"',
    ].join('\n');
    const ry = await s.request('POST', `${base()}/decisions/import?stage=${title}`, { text: rayyan }, as(ann));
    expect(ry.body).toEqual({ imported: 1, skipped: [{ line: 3, reason: expect.stringMatching(/no item/) }] });
    const ag = await s.request('GET', `${base()}/stages/${title}/agreement`, undefined, as(ann));
    expect(ag.body.pairs).toHaveLength(3);
    expect(ag.body.reviewers.map((x: { id: number }) => x.id)).toEqual([ann, bob, cy]);
    expect(typeof ag.body.fleissKappa).toBe('number');
  });

  it('deletes a stage with decisions only when forced', async () => {
    const st = await s.request('POST', `${base()}/stages`, { kind: 'abstract', source: 'library', blind: false }, as(bob));
    await s.request('PUT', `${base()}/stages/${st.body.id}/decisions/${items[0]}`, { decision: 'include' }, as(cy));
    const q = await s.request('GET', `${base()}/stages/${st.body.id}/queue?filter=mine`, undefined, as(ann));
    expect(q.body.total).toBe(0);
    const notBlind = await s.request('GET', `${base()}/stages/${st.body.id}/queue?filter=all&limit=200`, undefined, as(ann));
    expect(notBlind.body.items.find((x: { item: { id: number } }) => x.item.id === items[0]).others).toEqual([{ reviewerId: cy, initials: 'CT', decision: 'include', reason: '' }]);
    const stale = await s.request('PATCH', `${base()}/stages/${st.body.id}`, { label: 'x', version: 99 }, as(bob));
    expect(stale.status).toBe(409);
    const renamed = await s.request('PATCH', `${base()}/stages/${st.body.id}`, { label: 'Abstracts again', version: st.body.version }, as(bob));
    expect(renamed.body).toMatchObject({ label: 'Abstracts again', version: st.body.version + 1 });
    expect((await s.request('DELETE', `${base()}/stages/${st.body.id}?force=true`)).status).toBe(403);
    expect((await s.request('DELETE', `${base()}/stages/${st.body.id}`, undefined, as(bob))).status).toBe(409);
    expect((await s.request('DELETE', `${base()}/stages/${st.body.id}?force=true`, undefined, as(bob))).status).toBe(204);
  });

  it('shows the seed review\'s reported flow as entered counts', async () => {
    const { body } = await s.request('GET', '/api/reviews/1/prisma');
    expect(body.boxes.database_results).toMatchObject({ count: 3819, entered: true });
    expect(body.boxes.dbr_assessed).toMatchObject({ count: 304, entered: true });
    expect(body.boxes.new_studies).toMatchObject({ count: 79, entered: true });
    expect(body.boxes.other_results).toMatchObject({ count: 275, entered: true });
    expect(body.boxes.other_results.note).toMatch(/176.*48.*51/);
    const svg = await s.request('GET', '/api/reviews/1/prisma/figure.svg');
    expect(svg.text).toContain('Databases (n = 3819 †)');
    expect(svg.text).toContain('Identification of new studies via other methods');
  });

  it('ranks by relevance on request, every item once', async () => {
    const q = await s.request('GET', `${base()}/stages/${title}/queue?filter=all&order=relevance`, undefined, as(cy));
    expect(q.status).toBe(200);
    expect(new Set(q.body.items.map((r: { item: { id: number } }) => r.item.id))).toEqual(new Set(items));
    expect(q.body.items.map((r: { position: number }) => r.position)).toEqual([...items.keys()]);
  });

  it('carries stages, decisions and resolutions in a bundle and its restore, and copies without literature', async () => {
    const res = await fetch(`${s.url}/api/reviews/${reviewId}/bundle`);
    const text = await res.text();
    const bundle = JSON.parse(text) as { tables: { name: string; rows: unknown[][] }[] };
    const rows = (name: string) => bundle.tables.find((t) => t.name === name)?.rows.length;
    expect(rows('screening_stage')).toBe(2);
    expect(rows('screening_decision')).toBeGreaterThanOrEqual(36);
    expect(rows('screening_resolution')).toBe(3);
    expect(rows('prisma_entered')).toBe(1);
    const restored = await s.request('POST', '/api/reviews/bundle?slug=screening-restored', text, { 'content-type': 'application/json' });
    expect(restored.status, restored.text).toBe(201);
    const before = await s.request('GET', `/api/reviews/${reviewId}/prisma`);
    const after = await s.request('GET', `/api/reviews/${restored.body.id}/prisma`);
    expect(after.body).toEqual(before.body);
    const copy = await s.request('POST', '/api/reviews', { title: 'No library', start: { kind: 'copy', fromReviewId: reviewId, literature: false } });
    expect(copy.status, copy.text).toBe(201);
    const stages = await s.request('GET', `/api/reviews/${copy.body.id}/screening/stages`);
    expect(stages.body.map((x: { items: number }) => x.items)).toEqual([0, 0]);
  });

  it('lists the screening routes in the OpenAPI document', async () => {
    const doc = await s.request('GET', '/api/openapi.json');
    const paths = Object.keys(doc.body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/reviews/{reviewId}/screening/stages/{stageId}/queue', '/api/reviews/{reviewId}/prisma']));
  });
});
