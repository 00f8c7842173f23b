import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
let reviewId: number;
let bandIds: number[];
beforeAll(async () => {
  s = await startTestServer();
  const created = await s.request('POST', '/api/reviews', { slug: 'my-review', title: 'My review' });
  reviewId = created.body.id;
  bandIds = [];
  for (const label of ['Early', 'Late']) bandIds.push((await s.request('POST', `/api/reviews/${reviewId}/bands`, { label })).body.id);
});
afterAll(() => s.close());

const auditCount = (): number =>
  (s.wb.db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;

describe('editing models, phases, stages and alignments', () => {
  it('creates a model with ordered phases, reorders them and records each change in the audit log', async () => {
    const before = auditCount();
    const model = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Model A', citation: 'A, 2020' })).body;
    expect(model).toMatchObject({ role: 'source', position: 0, version: 1 });
    const labels = ['one', 'two', 'three'];
    const ids: number[] = [];
    for (const label of labels) {
      const res = await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label, bandId: bandIds[0] });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const reordered = await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases/reorder`, { ids: [ids[2], ids[0], ids[1]] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((p: { label: string }) => p.label)).toEqual(['three', 'one', 'two']);
    expect(auditCount() - before).toBe(5);
    const audit = await s.request('GET', `/api/reviews/${reviewId}/audit`);
    expect(audit.body.at(-1)).toMatchObject({ action: 'reorder', entity: 'phase', before: ids, after: [ids[2], ids[0], ids[1]] });
  });

  it('does not treat a reorder as a conflicting edit of the rows it moved', async () => {
    const model = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Moved' })).body;
    const a = (await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label: 'a' })).body;
    const b = (await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label: 'b' })).body;
    await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases/reorder`, { ids: [b.id, a.id] });
    const rename = await s.request('PATCH', `/api/reviews/${reviewId}/phases/${a.id}`, { label: 'a2', version: a.version });
    expect(rename.status).toBe(200);
    expect(rename.body).toMatchObject({ label: 'a2', position: 1 });
  });

  it('refuses a reorder that leaves out a phase', async () => {
    const model = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Model B' })).body;
    const p1 = (await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label: 'p1' })).body;
    await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label: 'p2' });
    const res = await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases/reorder`, { ids: [p1.id] });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/body/ids');
  });

  it('detects a stale update with 409 and the current version, and never overwrites', async () => {
    const model = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Versioned' })).body;
    const first = await s.request('PATCH', `/api/reviews/${reviewId}/frameworks/${model.id}`, { name: 'Renamed by Ann', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await s.request('PATCH', `/api/reviews/${reviewId}/frameworks/${model.id}`, { name: 'Renamed by Bob', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(stale.body.current).toMatchObject({ name: 'Renamed by Ann', version: 2 });
    const now = await s.request('GET', `/api/reviews/${reviewId}/frameworks/${model.id}`);
    expect(now.body.name).toBe('Renamed by Ann');
  });

  it('aligns phases to stages with typed relations and keeps "no counterpart" exclusive', async () => {
    const target = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Wheel', role: 'target' })).body;
    const stage = (await s.request('POST', `/api/reviews/${reviewId}/frameworks/${target.id}/stages`, { name: 'S1', bandId: bandIds[0] })).body;
    const model = (await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Aligned' })).body;
    const phase = (await s.request('POST', `/api/reviews/${reviewId}/frameworks/${model.id}/phases`, { label: 'p' })).body;

    const a = await s.request('POST', `/api/reviews/${reviewId}/alignments`, { phaseId: phase.id, stageId: stage.id, relation: 'subset-of', confidence: 0.8, rationale: 'because' });
    expect(a.status).toBe(201);
    const dup = await s.request('POST', `/api/reviews/${reviewId}/alignments`, { phaseId: phase.id, stageId: stage.id, relation: 'equivalent' });
    expect(dup.status).toBe(409);
    const none = await s.request('POST', `/api/reviews/${reviewId}/alignments`, { phaseId: phase.id, stageId: null, relation: 'no-counterpart' });
    expect(none.status).toBe(409);
    const wrongShape = await s.request('POST', `/api/reviews/${reviewId}/alignments`, { phaseId: phase.id, stageId: null, relation: 'equivalent' });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.errors[0].pointer).toBe('/body/stageId');

    const cw = (await s.request('GET', `/api/reviews/${reviewId}/crosswalk`)).body;
    const row = cw.tables.stages.rows.find((r: string[]) => r[0] === 'Aligned');
    expect(row[1]).toBe('p (⊂)');

    const second = await s.request('POST', `/api/reviews/${reviewId}/frameworks`, { name: 'Second wheel', role: 'target' });
    expect(second.status).toBe(409);
    const phaseInTarget = await s.request('POST', `/api/reviews/${reviewId}/frameworks/${target.id}/phases`, { label: 'x' });
    expect(phaseInTarget.status).toBe(422);

    const del = await s.request('DELETE', `/api/reviews/${reviewId}/alignments/${a.body.id}?version=1`);
    expect(del.status).toBe(204);
    const gone = await s.request('GET', `/api/reviews/${reviewId}/alignments/${a.body.id}`);
    expect(gone.status).toBe(404);
  });

  it('does not let an id from one review reach into another', async () => {
    const other = (await s.request('POST', '/api/reviews', { slug: 'other', title: 'Other' })).body;
    const band = (await s.request('GET', `/api/reviews/${reviewId}/bands/${bandIds[0]}`)).body;
    expect(band.label).toBe('Early');
    const cross = await s.request('GET', `/api/reviews/${other.id}/bands/${bandIds[0]}`);
    expect(cross.status).toBe(404);
    const model = (await s.request('POST', `/api/reviews/${other.id}/frameworks`, { name: 'M' })).body;
    const foreignBand = await s.request('POST', `/api/reviews/${other.id}/frameworks/${model.id}/phases`, { label: 'p', bandId: bandIds[0] });
    expect(foreignBand.status).toBe(422);
    expect(foreignBand.body.errors[0].pointer).toBe('/body/bandId');
  });
});
