// Coding over real HTTP on a temp SQLite file, against the seed review (its stages, models and alignments):
// the codebook tree, own codes with versions, moves and no cycles, tags with versions, 409s and undo, reviewer
// attribution, a code in use that cannot be deleted without moving its tags, merge with undo, the items that can be
// coded (library, then screening's includes), matrix, evidence map, agreement and evidence attached to an alignment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertItems, testItems } from '../support/coding-items.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('coding API', () => {
  let s: TestServer;
  const R = 1;
  const base = `/api/reviews/${R}/coding`;
  let ann: number;
  let bob: number;
  let items: number[];
  let stages: { ref: string; id: number; label: string }[];
  let phaseRef: string;
  let alignment: { id: number; phaseId: number; stageId: number };
  const as = (who: number) => ({ 'x-workbench-reviewer': String(who) });

  beforeAll(async () => {
    s = await startTestServer();
    ann = (await s.request('POST', `/api/reviews/${R}/reviewers`, { name: 'Ann Coder' })).body.id;
    bob = (await s.request('POST', `/api/reviews/${R}/reviewers`, { name: 'Bob Coder' })).body.id;
    items = insertItems(s.wb.repos.db, R, testItems(6));
    expect(items).toHaveLength(6);
    const book = await s.request('GET', `${base}/codebook`);
    stages = (book.body.nodes as { kind: string; ref: string; id: number; label: string }[]).filter((n) => n.kind === 'stage');
    const aligns = await s.request('GET', `/api/reviews/${R}/alignments`);
    alignment = (aligns.body as { id: number; phaseId: number; stageId: number | null }[]).find((a) => a.stageId !== null) as typeof alignment;
    phaseRef = `phase:${alignment.phaseId}`;
  });
  afterAll(async () => {
    await s.close();
  });

  it('reads the codebook as three roots: the six stages, every model with its phases, and the own categories', async () => {
    const book = await s.request('GET', `${base}/codebook`);
    expect(book.status).toBe(200);
    const nodes = book.body.nodes as { ref: string; kind: string; path: string[]; parentRef: string | null; readOnly: boolean; band: string | null }[];
    expect(nodes.filter((n) => n.kind === 'root').map((n) => n.ref)).toEqual(['root:stages', 'root:models', 'root:categories']);
    expect(stages).toHaveLength(6);
    expect(nodes.find((n) => n.kind === 'stage')).toMatchObject({ parentRef: 'root:stages', readOnly: true });
    expect(nodes.filter((n) => n.kind === 'model')).toHaveLength(10);
    const phase = nodes.find((n) => n.ref === phaseRef);
    expect(phase?.path[0]).toBe('Models');
    expect(phase?.path).toHaveLength(3);
    expect(nodes.filter((n) => n.kind === 'phase').every((n) => n.band !== null)).toBe(true);
  });

  let context: { id: number; version: number };
  let policy: { id: number; version: number };
  let practice: { id: number; version: number };

  it('creates, edits, reorders and moves own codes, with versions and no cycles', async () => {
    const noOne = await s.request('POST', `${base}/codes`, { label: 'Context' });
    expect(noOne.status).toBe(403);
    const c = await s.request('POST', `${base}/codes`, { label: 'Context', description: 'Where the innovation happens', band: 'early' }, as(ann));
    expect(c.status).toBe(201);
    context = c.body;
    practice = (await s.request('POST', `${base}/codes`, { label: 'Practice' }, as(ann))).body;
    policy = (await s.request('POST', `${base}/codes`, { label: 'Policy', parentId: context.id }, as(ann))).body;
    expect(policy).toMatchObject({ parentId: context.id, position: 0 });

    const empty = await s.request('POST', `${base}/codes`, { label: '  ' }, as(ann));
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].pointer).toBe('/body/label');

    const renamed = await s.request('PATCH', `${base}/codes/${context.id}`, { version: context.version, label: 'Context of care' }, as(ann));
    expect(renamed.status).toBe(200);
    const stale = await s.request('PATCH', `${base}/codes/${context.id}`, { version: context.version, label: 'Other' }, as(bob));
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.current.label).toBe('Context of care');
    context = renamed.body;

    const cycle = await s.request('PATCH', `${base}/codes/${context.id}`, { version: context.version, parentId: policy.id }, as(ann));
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0].pointer).toBe('/body/parentId');

    const first = await s.request('PATCH', `${base}/codes/${practice.id}`, { version: practice.version, position: 0 }, as(ann));
    expect(first.body.position).toBe(0);
    practice = first.body;
    const book = await s.request('GET', `${base}/codebook`);
    const cats = (book.body.nodes as { ref: string; path: string[]; parentRef: string }[]).filter((n) => n.path[0] === 'Categories' && n.path.length > 1);
    expect(cats.map((n) => n.path.join('/'))).toEqual(['Categories/Practice', 'Categories/Context of care', 'Categories/Context of care/Policy']);
  });

  let t1: { id: number; version: number };

  it('creates, edits (versioned) and lists tags, attributed to the reviewer who sent them', async () => {
    const stage = stages[0]!.ref;
    const noOne = await s.request('POST', `${base}/tags`, { itemId: items[0], code: stage });
    expect(noOne.status).toBe(403);
    const created = await s.request('POST', `${base}/tags`, { itemId: items[0], code: stage, quote: 'we mobilised staff', locator: 'p. 3' }, as(ann));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: stage, quote: 'we mobilised staff', locator: 'p. 3', reviewerId: ann, reviewerName: 'Ann Coder', version: 1 });
    t1 = created.body;
    const again = await s.request('POST', `${base}/tags`, { itemId: items[0], code: stage, quote: 'we mobilised staff' }, as(ann));
    expect(again.status).toBe(409);
    const badCode = await s.request('POST', `${base}/tags`, { itemId: items[0], code: 'stage:99999' }, as(ann));
    expect(badCode.status).toBe(422);
    expect(badCode.body.errors[0].pointer).toBe('/body/code');
    const badItem = await s.request('POST', `${base}/tags`, { itemId: 999999, code: stage }, as(ann));
    expect(badItem.status).toBe(422);

    const edited = await s.request('PATCH', `${base}/tags/${t1.id}`, { version: 1, locator: 'pp. 3–4', note: 'strong' }, as(ann));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ locator: 'pp. 3–4', note: 'strong', version: 2 });
    const stale = await s.request('PATCH', `${base}/tags/${t1.id}`, { version: 1, locator: 'p. 9' }, as(bob));
    expect(stale.status).toBe(409);
    expect(stale.body.current.locator).toBe('pp. 3–4');
    t1 = edited.body;

    await s.request('POST', `${base}/tags`, { itemId: items[1], code: stage }, as(bob));
    const mine = await s.request('GET', `${base}/tags?mine=true`, undefined, as(bob));
    expect(mine.body.map((t: { reviewerId: number }) => t.reviewerId)).toEqual([bob]);
    const perItem = await s.request('GET', `${base}/tags?itemId=${items[0]}`);
    expect(perItem.body.map((t: { id: number }) => t.id)).toEqual([t1.id]);
    const perCode = await s.request('GET', `${base}/tags?code=root:stages&descendants=true`);
    expect(perCode.body).toHaveLength(2);
    const audit = await s.request('GET', `/api/reviews/${R}/audit`);
    const events = (audit.body.events ?? audit.body) as { entity: string; actor: string; action: string }[];
    expect(events.filter((e) => e.entity === 'tag').map((e) => `${e.actor}:${e.action}`)).toEqual(['Ann Coder:create', 'Ann Coder:update', 'Bob Coder:create']);
  });

  it('deletes a tag to the trash and undoes it', async () => {
    const stale = await s.request('DELETE', `${base}/tags/${t1.id}?version=1`, undefined, as(ann));
    expect(stale.status).toBe(409);
    const del = await s.request('DELETE', `${base}/tags/${t1.id}?version=${t1.version}`, undefined, as(ann));
    expect(del.status).toBe(200);
    expect(del.body.deletedAt).not.toBeNull();
    expect((await s.request('GET', `${base}/tags?itemId=${items[0]}`)).body).toHaveLength(0);
    const undo = await s.request('POST', `${base}/tags/${t1.id}/restore`, undefined, as(ann));
    expect(undo.status).toBe(200);
    expect(undo.body.deletedAt).toBeNull();
    expect((await s.request('GET', `${base}/tags?itemId=${items[0]}`)).body.map((t: { id: number }) => t.id)).toEqual([t1.id]);
    expect((await s.request('POST', `${base}/tags/${t1.id}/restore`, undefined, as(ann))).status).toBe(409);
  });

  it('refuses to delete a code in use unless its tags are moved, and undoes the delete', async () => {
    await s.request('POST', `${base}/tags`, { itemId: items[0], code: `code:${policy.id}`, quote: 'policy quote' }, as(ann));
    await s.request('POST', `${base}/tags`, { itemId: items[1], code: `code:${policy.id}` }, as(ann));
    const refused = await s.request('DELETE', `${base}/codes/${policy.id}`, undefined, as(ann));
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('2 tags');
    expect(refused.body.errors[0].pointer).toBe('/query/moveTagsTo');
    expect((await s.request('GET', `${base}/tags?code=code:${policy.id}`)).body).toHaveLength(2);

    const moved = await s.request('DELETE', `${base}/codes/${policy.id}?moveTagsTo=code:${practice.id}`, undefined, as(ann));
    expect(moved.status).toBe(200);
    expect(moved.body.movedTagIds).toHaveLength(2);
    expect((await s.request('GET', `${base}/tags?code=code:${practice.id}`)).body).toHaveLength(2);
    const book = await s.request('GET', `${base}/codebook`);
    expect(book.body.nodes.some((n: { ref: string }) => n.ref === `code:${policy.id}`)).toBe(false);

    const undo = await s.request('POST', `${base}/codes/restore`, moved.body, as(ann));
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ id: policy.id, parentId: context.id, deletedAt: null });
    expect((await s.request('GET', `${base}/tags?code=code:${policy.id}`)).body).toHaveLength(2);
    expect((await s.request('GET', `${base}/tags?code=code:${practice.id}`)).body).toHaveLength(0);

    const unused = (await s.request('POST', `${base}/codes`, { label: 'Unused' }, as(ann))).body;
    expect((await s.request('DELETE', `${base}/codes/${unused.id}`, undefined, as(ann))).status).toBe(200);
  });

  it('merges one code into another: tags move, duplicates collapse, the merge is audited and undoable', async () => {
    // the same passage on both codes by the same reviewer: one tag survives the merge
    await s.request('POST', `${base}/tags`, { itemId: items[0], code: `code:${practice.id}`, quote: 'policy quote' }, as(ann));
    const merged = await s.request('POST', `${base}/codes/${policy.id}/merge`, { into: `code:${practice.id}` }, as(ann));
    expect(merged.status).toBe(200);
    expect(merged.body.movedTagIds).toHaveLength(1);
    expect(merged.body.collapsedTagIds).toHaveLength(1);
    expect((await s.request('GET', `${base}/tags?code=code:${practice.id}`)).body).toHaveLength(2);
    const intoSelf = await s.request('POST', `${base}/codes/${practice.id}/merge`, { into: `code:${practice.id}` }, as(ann));
    expect(intoSelf.status).toBe(422);
    const audit = await s.request('GET', `/api/reviews/${R}/audit`);
    const events = (audit.body.events ?? audit.body) as { entity: string; entityId: number; action: string }[];
    expect(events.some((e) => e.entity === 'code' && e.entityId === policy.id && e.action === 'delete')).toBe(true);

    const undo = await s.request('POST', `${base}/codes/restore`, merged.body, as(ann));
    expect(undo.status).toBe(200);
    expect((await s.request('GET', `${base}/tags?code=code:${policy.id}`)).body).toHaveLength(2);
    expect((await s.request('GET', `${base}/tags?code=code:${practice.id}`)).body).toHaveLength(1);
  });

  it('computes the matrix, the evidence map with its gaps, and a map cell', async () => {
    const stage = stages[0]!.ref;
    const matrix = await s.request('GET', `${base}/matrix?branch=root:stages`);
    expect(matrix.status).toBe(200);
    expect(matrix.body.columns).toHaveLength(6);
    expect(matrix.body.cells).toContainEqual(expect.objectContaining({ row: String(items[0]), column: stage }));
    const cell = (matrix.body.cells as { row: string; column: string; quotes: { quote: string }[] }[]).find((c) => c.row === String(items[0]) && c.column === stage);
    expect(cell?.quotes.map((q) => q.quote)).toEqual(['we mobilised staff']);
    const flipped = await s.request('GET', `${base}/matrix?orientation=codes-items&branch=root:categories`);
    expect(flipped.body.rows.map((r: { label: string }) => r.label)).toEqual(['Practice', 'Context of care', 'Context of care / Policy']);
    const early = await s.request('GET', `${base}/matrix?branch=root:categories&band=early`);
    expect(early.body.columns.map((c: { label: string }) => c.label)).toEqual(['Context of care']);

    const map = await s.request('GET', `${base}/evidence-map`);
    expect(map.status).toBe(200);
    expect(map.body.rows).toHaveLength(6);
    expect(map.body.columns.map((c: { key: string }) => c.key)).toEqual([`code:${practice.id}`, `code:${context.id}`]);
    // item 0 has the first stage and Policy (under Context of care); item 1 has the first stage (Bob) and Policy
    const hit = map.body.cells.find((c: { row: string; column: string }) => c.row === stage && c.column === `code:${context.id}`);
    expect(hit).toMatchObject({ items: 2, gap: false, itemIds: [items[0], items[1]] });
    const gap = map.body.cells.find((c: { row: string; column: string }) => c.row === stages[5]!.ref && c.column === `code:${context.id}`);
    expect(gap).toMatchObject({ items: 0, gap: true });
    const open = await s.request('GET', `${base}/evidence-map/cell?row=${stage}&column=code:${context.id}`);
    expect(open.body.items.map((i: { itemId: number }) => i.itemId)).toEqual([items[0], items[1]]);
    expect(open.body.items[0].quotes.map((q: { quote: string }) => q.quote)).toContain('we mobilised staff');
    expect((await s.request('GET', `${base}/evidence-map?rows=stage:99999`)).status).toBe(422);
  });

  it('measures agreement on coding per code with the disagreements', async () => {
    const stage = stages[0]!.ref;
    // Ann and Bob both code items 2 and 3; Ann puts the first stage on both, Bob on item 2 only
    for (const who of [ann, bob]) for (const i of [2, 3]) await s.request('POST', `${base}/tags`, { itemId: items[i], code: `code:${context.id}` }, as(who));
    await s.request('POST', `${base}/tags`, { itemId: items[2], code: stage }, as(ann));
    await s.request('POST', `${base}/tags`, { itemId: items[3], code: stage }, as(ann));
    await s.request('POST', `${base}/tags`, { itemId: items[2], code: stage }, as(bob));
    const agreement = await s.request('GET', `${base}/agreement?a=${ann}&b=${bob}`);
    expect(agreement.status).toBe(200);
    // items both coded: 1 (Ann: Policy; Bob: the stage), 2 (both: the stage), 3 (Ann: the stage)
    expect(agreement.body.items).toBe(3);
    const onStage = agreement.body.codes.find((c: { code: string }) => c.code === stage);
    expect(onStage).toMatchObject({ both: 1, onlyA: 1, onlyB: 1, neither: 0, kappa: expect.any(Number) });
    expect(onStage.percentAgreement).toBeCloseTo(100 / 3);
    expect(agreement.body.disagreements).toContainEqual(expect.objectContaining({ itemId: items[3], code: stage, taggedBy: ann }));
    expect((await s.request('GET', `${base}/agreement?a=${ann}&b=${ann}`)).status).toBe(422);
  });

  it('lists the evidence behind an alignment and attaches a tagged passage as a citation link', async () => {
    const stageRef = `stage:${alignment.stageId}`;
    const a = (await s.request('POST', `${base}/tags`, { itemId: items[4], code: phaseRef, quote: 'the phase passage', locator: 'p. 7' }, as(ann))).body;
    await s.request('POST', `${base}/tags`, { itemId: items[4], code: stageRef, quote: 'the stage passage' }, as(ann));
    await s.request('POST', `${base}/tags`, { itemId: items[5], code: phaseRef }, as(ann));
    const evidence = await s.request('GET', `${base}/alignments/${alignment.id}/evidence`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.items.map((i: { itemId: number }) => i.itemId)).toEqual([items[4]]);
    expect(evidence.body.items[0].tags.map((t: { quote: string }) => t.quote).sort()).toEqual(['the phase passage', 'the stage passage']);

    const before = (await s.request('GET', `/api/reviews/${R}/citations`)).body.length;
    const attached = await s.request('POST', `${base}/alignments/${alignment.id}/evidence`, { tagId: a.id }, as(ann));
    expect(attached.status, attached.text).toBe(201);
    expect(attached.body.citationCreated).toBe(true);
    expect(attached.body.link).toMatchObject({ targetType: 'alignment', targetId: alignment.id, locator: 'p. 7', quote: 'the phase passage' });
    expect((await s.request('GET', `/api/reviews/${R}/citations`)).body.length).toBe(before + 1);
    const links = await s.request('GET', `/api/reviews/${R}/citation-links?targetType=alignment&targetId=${alignment.id}`);
    expect(JSON.stringify(links.body)).toContain('the phase passage');
    const second = await s.request('POST', `${base}/alignments/${alignment.id}/evidence`, { tagId: a.id }, as(ann));
    expect(second.body.citationCreated).toBe(false);
    expect(second.body.citationId).toBe(attached.body.citationId);
    const support = await s.request('GET', `${base}/stage-support`);
    expect(support.body.find((x: { stageId: number }) => x.stageId === alignment.stageId).items).toBeGreaterThanOrEqual(2);
  });

  it('codes the library until screening decides, then the last stage\'s included items', async () => {
    const lib = await s.request('GET', `${base}/items`, undefined, as(ann));
    expect(lib.body.source).toBe('library');
    expect(lib.body.items).toHaveLength(6);
    expect(lib.body.items[0]).toMatchObject({ id: items[0], reference: 'Author1 (2010) Coding record 1 on innovation in social care' });
    expect(lib.body.items[0].mine).toBeGreaterThan(0);
    const stage = await s.request('POST', `/api/reviews/${R}/screening/stages`, { kind: 'title', reviewersRequired: 1 }, as(ann));
    await s.request('PUT', `/api/reviews/${R}/screening/stages/${stage.body.id}/decisions/${items[2]}`, { decision: 'include' }, as(ann));
    await s.request('PUT', `/api/reviews/${R}/screening/stages/${stage.body.id}/decisions/${items[3]}`, { decision: 'exclude' }, as(ann));
    const screened = await s.request('GET', `${base}/items`);
    expect(screened.body).toMatchObject({ source: 'screening', stageId: stage.body.id });
    expect(screened.body.items.map((i: { id: number }) => i.id)).toEqual([items[2]]);
  });

  it('exports the extracts and the codebook, and lists every coding route in the OpenAPI document', async () => {
    const csv = await s.request('GET', `${base}/export/extracts?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('Item,Code,Quote,Locator,Reviewer,Note');
    expect(csv.text).toContain('we mobilised staff');
    const json = await s.request('GET', `${base}/export/codebook?format=json`);
    expect(json.body.format).toBe('synthesis-workbench/codebook');
    expect(json.body.provenance.reviewSlug).toBeTruthy();
    const xlsx = await fetch(`${s.url}${base}/export/matrix?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const svg = await s.request('GET', `${base}/export/evidence-map?format=svg`);
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('>gap<');
    const bad = await s.request('GET', `${base}/export/codebook?format=docx`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const doc = await s.request('GET', '/api/openapi.json');
    for (const p of ['/codebook', '/codes', '/codes/{codeId}', '/codes/{codeId}/merge', '/tags', '/tags/{tagId}', '/matrix', '/evidence-map', '/agreement', '/alignments/{alignmentId}/evidence']) {
      expect(Object.keys(doc.body.paths)).toContain(`/api/reviews/{reviewId}/coding${p}`);
    }
  });
});
