// Delete with undo over real HTTP: what a delete would take, the delete that returns it, and the exact restore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
const R = '/api/reviews/1';
interface Row { id: number; name?: string; label?: string; version: number }

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const get = async (path: string) => (await s.request('GET', `${R}${path}`)).body;
const murray = async (): Promise<Row> =>
  (await get('/frameworks')).find((f: Row) => f.name === 'The six stages of social innovation');
const linkRows = () => s.wb.db.prepare('SELECT * FROM citation_link ORDER BY id').all() as { id: number }[];
/** Citation links on a model, its phases and their alignments, counted straight from the database. */
const linksOfModel = (frameworkId: number): number =>
  (s.wb.db.prepare(
    `SELECT count(*) AS n FROM citation_link WHERE framework_id = @id
       OR phase_id IN (SELECT id FROM phase WHERE framework_id = @id)
       OR alignment_id IN (SELECT a.id FROM alignment a JOIN phase p ON p.id = a.phase_id WHERE p.framework_id = @id)`,
  ).get({ id: frameworkId }) as { n: number }).n;
const linksOfStage = (stageId: number): number =>
  (s.wb.db.prepare(
    'SELECT count(*) AS n FROM citation_link WHERE stage_id = @id OR alignment_id IN (SELECT id FROM alignment WHERE stage_id = @id)',
  ).get({ id: stageId }) as { n: number }).n;

describe('delete with undo', () => {
  it('counts what deleting a model would remove', async () => {
    const model = await murray();
    const res = await s.request('GET', `${R}/frameworks/${model.id}/dependents`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      root: { kind: 'framework', id: model.id },
      counts: { frameworks: 1, phases: 6, stages: 0, alignments: 6, citationLinks: linksOfModel(model.id) },
    });
  });

  it('deletes a model with its phases, alignments and citation links, and restores all of it exactly', async () => {
    const model = await murray();
    const phases: Row[] = await get(`/frameworks/${model.id}/phases`);
    const alignments: Row[] = await get(`/alignments?frameworkId=${model.id}`);
    expect(alignments).toHaveLength(6);
    // link one more reference to a phase and an alignment, directly, so the subtree holds links of every kind
    const citationId = Number(s.wb.db.prepare(
      "INSERT INTO citation (review_id, citekey, csl_json, created_at, updated_at) VALUES (1, 'undo-test-ref', '{}', 'x', 'x')",
    ).run().lastInsertRowid);
    const link = s.wb.db.prepare(
      "INSERT INTO citation_link (citation_id, phase_id, alignment_id, locator, quote, created_at) VALUES (?, ?, ?, ?, 'q', 'x')",
    );
    link.run(citationId, phases[1]?.id, null, 'p. 12');
    link.run(citationId, null, alignments[0]?.id, 'p. 13');
    const linksBefore = linkRows();
    const modelLinks = linksOfModel(model.id);
    expect(modelLinks).toBeGreaterThanOrEqual(2);
    const tablesBefore = (await get('/crosswalk')).tables;
    const frameworkBefore = await get(`/frameworks/${model.id}`);

    const stale = await s.request('DELETE', `${R}/frameworks/${model.id}/subtree?version=${model.version + 1}`);
    expect(stale.status).toBe(409);
    expect((await s.request('GET', `${R}/frameworks/${model.id}`)).status).toBe(200);

    const del = await s.request('DELETE', `${R}/frameworks/${model.id}/subtree?version=${model.version}`);
    expect(del.status).toBe(200);
    expect(del.body.root).toEqual({ kind: 'framework', id: model.id });
    expect(del.body.phases).toEqual(phases);
    expect(del.body.alignments).toEqual(alignments);
    expect(del.body.citationLinks).toHaveLength(modelLinks);
    expect((await s.request('GET', `${R}/frameworks/${model.id}`)).status).toBe(404);
    expect((await get('/crosswalk')).crosswalk.models).toHaveLength(9);
    const gone = new Set(del.body.citationLinks.map((l: { id: number }) => l.id));
    expect(linkRows()).toEqual(linksBefore.filter((l) => !gone.has(l.id)));
    const audit = (await get('/audit?limit=500')) as { entity: string; action: string }[];
    const deletes = audit.filter((e) => e.action === 'delete');
    expect(deletes.filter((e) => e.entity === 'alignment')).toHaveLength(6);
    expect(deletes.filter((e) => e.entity === 'phase')).toHaveLength(6);

    const restored = await s.request('POST', `${R}/restore`, del.body);
    expect(restored.status).toBe(201);
    expect(restored.body.restored).toEqual({ frameworks: 1, phases: 6, stages: 0, alignments: 6, citationLinks: modelLinks });
    expect(await get(`/frameworks/${model.id}`)).toEqual(frameworkBefore);
    expect(await get(`/frameworks/${model.id}/phases`)).toEqual(phases);
    expect(await get(`/alignments?frameworkId=${model.id}`)).toEqual(alignments);
    expect(linkRows()).toEqual(linksBefore);
    expect((await get('/crosswalk')).tables).toEqual(tablesBefore);

    const again = await s.request('POST', `${R}/restore`, del.body);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/framework \d+ exists again/);
  });

  it('deletes a stage with the alignments of every model and restores them', async () => {
    const target = (await get('/frameworks')).find((f: { role: string }) => f.role === 'target');
    const stages: Row[] = await get(`/frameworks/${target.id}/stages`);
    const mobilising = stages.find((st) => st.name === 'Mobilising') as Row;
    const model = await murray();
    // a second model aligned to the same stage
    const spiral = (await get('/frameworks')).find((f: Row) => f.name === 'Innovation Spiral');
    const [first] = await get(`/frameworks/${spiral.id}/phases`);
    const extra = await s.request('POST', `${R}/alignments`, { phaseId: first.id, stageId: mobilising.id, relation: 'subset-of', rationale: 'r' });
    expect(extra.status).toBe(201);

    const deps = await get(`/stages/${mobilising.id}/dependents`);
    // Murray's Mobilising alignment still carries the citation link restored by the previous test
    expect(linksOfStage(mobilising.id)).toBeGreaterThanOrEqual(1);
    expect(deps.counts).toEqual({ frameworks: 0, phases: 0, stages: 1, alignments: 2, citationLinks: linksOfStage(mobilising.id) });
    const del = await s.request('DELETE', `${R}/stages/${mobilising.id}/subtree`);
    expect(del.status).toBe(200);
    expect((await get(`/alignments?stageId=${mobilising.id}`))).toEqual([]);
    expect((await get(`/alignments?frameworkId=${model.id}`))).toHaveLength(5);

    const restored = await s.request('POST', `${R}/restore`, del.body);
    expect(restored.status).toBe(201);
    expect(await get(`/frameworks/${target.id}/stages`)).toEqual(stages);
    const back: Row[] = await get(`/alignments?stageId=${mobilising.id}`);
    expect(back.map((a) => a.id).sort()).toEqual(del.body.alignments.map((a: Row) => a.id).sort());
    expect(back).toContainEqual(extra.body);
  });

  it('refuses, changing nothing, to restore a phase whose model has gone since', async () => {
    const model = (await s.request('POST', `${R}/frameworks`, { name: 'Short-lived' })).body;
    const phase = (await s.request('POST', `${R}/frameworks/${model.id}/phases`, { label: 'only' })).body;
    const delPhase = await s.request('DELETE', `${R}/phases/${phase.id}/subtree?version=1`);
    expect(delPhase.status).toBe(200);
    expect((await s.request('DELETE', `${R}/frameworks/${model.id}/subtree`)).status).toBe(200);
    const res = await s.request('POST', `${R}/restore`, delPhase.body);
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(`Cannot restore: the model ${model.id} of phase ${phase.id} no longer exists.`);
    expect((await s.request('GET', `${R}/phases/${phase.id}`)).status).toBe(404);
  });

  it('restores a single alignment and refuses a restore that would duplicate one made since', async () => {
    const model = await murray();
    const [a] = await get(`/alignments?frameworkId=${model.id}`);
    const del = await s.request('DELETE', `${R}/alignments/${a.id}/subtree?version=${a.version}`);
    expect(del.status).toBe(200);
    const remade = await s.request('POST', `${R}/alignments`, { phaseId: a.phaseId, stageId: a.stageId, relation: 'intersects-with' });
    expect(remade.status).toBe(201);
    const clash = await s.request('POST', `${R}/restore`, del.body);
    expect(clash.status).toBe(409);
    expect((await s.request('GET', `${R}/alignments/${a.id}`)).status).toBe(404);
    await s.request('DELETE', `${R}/alignments/${remade.body.id}`);
    expect((await s.request('POST', `${R}/restore`, del.body)).status).toBe(201);
    expect(await get(`/alignments/${a.id}`)).toEqual(a);
  });

  it('restores a deleted target framework with its stages, unless a new target has taken its place', async () => {
    const target = (await get('/frameworks')).find((f: { role: string }) => f.role === 'target');
    // SQLite hands the highest id out again once its row is gone; a later model keeps the target's id unused
    expect((await s.request('POST', `${R}/frameworks`, { name: 'Placeholder' })).status).toBe(201);
    const stagesBefore = await get(`/frameworks/${target.id}/stages`);
    const del = await s.request('DELETE', `${R}/frameworks/${target.id}/subtree?version=${target.version}`);
    expect(del.status).toBe(200);
    expect(del.body.stages).toHaveLength(6);
    const other = await s.request('POST', `${R}/frameworks`, { name: 'Another wheel', role: 'target' });
    expect(other.status).toBe(201);
    const refused = await s.request('POST', `${R}/restore`, del.body);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Cannot restore: review 1 has a target framework again.');
    expect((await s.request('DELETE', `${R}/frameworks/${other.body.id}`)).status).toBe(204);
    expect((await s.request('POST', `${R}/restore`, del.body)).status).toBe(201);
    expect(await get(`/frameworks/${target.id}/stages`)).toEqual(stagesBefore);
  });

  it('answers bad input with problems naming the field', async () => {
    const bad = await s.request('POST', `${R}/restore`, { reviewId: 1, root: { kind: 'band', id: 1 } });
    expect(bad.status).toBe(400);
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/body/root/kind');
    expect(pointers).toContain('/body/phases');
    const other = (await s.request('POST', '/api/reviews', { slug: 'other', title: 'Other' })).body;
    const model = await murray();
    const del = (await s.request('DELETE', `${R}/frameworks/${model.id}/subtree`)).body;
    const wrongReview = await s.request('POST', `/api/reviews/${other.id}/restore`, del);
    expect(wrongReview.status).toBe(409);
    expect(wrongReview.body.detail).toMatch(/deleted from review 1/);
    expect((await s.request('POST', `${R}/restore`, del)).status).toBe(201);
    expect((await s.request('GET', `${R}/phases/999999/dependents`)).status).toBe(404);
    expect((await s.request('GET', `/api/reviews/${other.id}/frameworks/${model.id}/dependents`)).status).toBe(404);
  });
});
