// Starting one's own review over real HTTP on a temp SQLite file: every start kind (checked through the API),
// slugs, archive, trash and undelete, deleting for good, bundle download and restore, the team, settings, versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedFile } from '../../server/db/seed.ts';
import { SEED_FILE } from '../../server/paths.ts';
import { exportBundle, serializeBundle } from '../../server/services/bundle.ts';
import type { Bundle } from '../../shared/bundle-schema.ts';
import { canonicalJson, sha256Text } from '../../shared/snapshot-hash.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const RIS = `TY  - JOUR
TI  - A wheel of innovation stages in children's services
AU  - Lefevre, Michelle
PY  - 2022
AB  - Six stages arranged as a wheel.
ER  - 

TY  - JOUR
TI  - The open book of social innovation
AU  - Murray, Robin
PY  - 2010
ER  - 
`;

const seed = readSeedFile(SEED_FILE);
const withoutGeneratedAt = (text: string): string => text.replace(/^ {2}"generatedAt": .*$/m, '');

interface Named { id: number; name: string; role?: string; label?: string }

describe('reviews API', () => {
  let s: TestServer;
  let seedCrosswalk: unknown;
  const get = async (path: string) => {
    const res = await s.request('GET', path);
    expect(res.status, `${path}: ${res.text}`).toBe(200);
    return res.body;
  };
  const create = async (body: unknown) => {
    const res = await s.request('POST', '/api/reviews', body);
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const crosswalkTables = async (reviewId: number) => (await get(`/api/reviews/${reviewId}/crosswalk`)).tables;
  const stagesOf = async (reviewId: number) => {
    const [target] = await get(`/api/reviews/${reviewId}/frameworks-by-role/target`);
    return get(`/api/reviews/${reviewId}/frameworks/${target.id}/stages`);
  };
  const litFtsRows = (): number => (s.wb.db.prepare('SELECT count(*) AS n FROM lit_fts').get() as { n: number }).n;

  beforeAll(async () => {
    s = await startTestServer({ bodyLimit: '1kb' });
    // the seed review gets literature and a team, so that a copy has something to leave out
    const res = await fetch(`${s.url}/api/reviews/1/literature/imports?fileName=two.ris&format=ris`, {
      method: 'POST', body: RIS, headers: { 'content-type': 'application/octet-stream', 'x-workbench-request': '1' },
    });
    expect(res.status).toBe(202);
    const { batchId } = (await res.json()) as { batchId: number };
    for (let i = 0; i < 300; i++) {
      const p = await s.request('GET', `/api/reviews/1/literature/imports/${batchId}`);
      if (p.body.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await get('/api/reviews/1/literature/items')).items).toHaveLength(2);
    expect((await s.request('POST', '/api/reviews/1/reviewers', { name: 'Ada Lovelace', email: 'ada@example.org' })).status).toBe(201);
    seedCrosswalk = await crosswalkTables(1);
  });
  afterAll(() => s.close());

  it('starts blank: the review and an empty target framework; without a start, the review alone', async () => {
    const review = await create({ title: 'Blank review', question: 'What helps?', start: { kind: 'blank' } });
    expect(review).toMatchObject({
      slug: 'blank-review', question: 'What helps?', archivedAt: null, deletedAt: null, version: 1,
      settings: { relationLabels: {}, exclusionReasons: [] },
    });
    const frameworks = (await get(`/api/reviews/${review.id}/frameworks`)) as Named[];
    expect(frameworks.map((f) => [f.role, f.name])).toEqual([['target', 'Target framework']]);
    expect(await get(`/api/reviews/${review.id}/bands`)).toEqual([]);
    expect(await get(`/api/reviews/${review.id}/frameworks/${frameworks[0]?.id}/stages`)).toEqual([]);
    const bare = await create({ title: 'Bare review' });
    expect(await get(`/api/reviews/${bare.id}/frameworks`)).toEqual([]);
  });

  it('starts from the seed template: its bands and all of Table 2 from the fixture, not the edited database', async () => {
    const seedStage = (await stagesOf(1))[0];
    const edited = await s.request('PATCH', `/api/reviews/1/stages/${seedStage.id}`, { name: 'Edited in the database', version: seedStage.version });
    expect(edited.status).toBe(200);
    try {
      const review = await create({ title: 'From the template', start: { kind: 'template', template: 'seed' } });
      expect(review.targetCaption).toBe(seed.review.targetCaption);
      const bands = await get(`/api/reviews/${review.id}/bands`);
      expect(bands.map((b: Named) => b.label)).toEqual(['Early phases', 'Middle phases', 'Latter phases']);
      expect(await get(`/api/reviews/${review.id}/frameworks-by-role/source`)).toEqual([]);
      const targets = await get(`/api/reviews/${review.id}/frameworks-by-role/target`);
      expect(targets.map((f: Named) => f.name)).toEqual([seed.targetFramework.name]);
      const stages = await get(`/api/reviews/${review.id}/frameworks/${targets[0].id}/stages`);
      const bandLabel = new Map(bands.map((b: Named) => [b.id, b.label]));
      expect(stages.map((st: Record<string, unknown>) => ({
        name: st.name, band: bandLabel.get(st.bandId as number), focus: st.focus, purpose: st.purpose, keyLabel: st.keyLabel,
        keyQuestion: st.keyQuestion, successMeasures: st.successMeasures,
      }))).toEqual(seed.targetFramework.stages);
      expect(stages).toHaveLength(6);
      expect(await get(`/api/reviews/${review.id}/alignments`)).toEqual([]);
      const given = await create({ title: 'Own caption', targetCaption: 'Mine', start: { kind: 'template', template: 'seed' } });
      expect(given.targetCaption).toBe('Mine');
    } finally {
      const now = await get(`/api/reviews/1/stages/${seedStage.id}`);
      await s.request('PATCH', `/api/reviews/1/stages/${seedStage.id}`, { name: seedStage.name, version: now.version });
    }
  });

  it("starts from another review's target framework: its bands and stages, every field, bands remapped", async () => {
    const src = await create({ title: 'Source of a target' });
    const x = (await s.request('POST', `/api/reviews/${src.id}/bands`, { label: 'X' })).body;
    const y = (await s.request('POST', `/api/reviews/${src.id}/bands`, { label: 'Y' })).body;
    const wheel = (await s.request('POST', `/api/reviews/${src.id}/frameworks`, { role: 'target', name: 'My wheel', citation: 'Me, 2026', description: 'd' })).body;
    const fields = { focus: 'f', purpose: 'p', keyLabel: 'k', keyQuestion: 'q?', successMeasures: 'm' };
    await s.request('POST', `/api/reviews/${src.id}/frameworks/${wheel.id}/stages`, { name: 'One', bandId: y.id, ...fields });
    await s.request('POST', `/api/reviews/${src.id}/frameworks/${wheel.id}/stages`, { name: 'Two', bandId: null });
    const model = (await s.request('POST', `/api/reviews/${src.id}/frameworks`, { name: 'Not copied' })).body;
    expect(model.role).toBe('source');

    const review = await create({ title: 'Same wheel', start: { kind: 'target', fromReviewId: src.id } });
    const bands = await get(`/api/reviews/${review.id}/bands`);
    expect(bands.map((b: Named) => b.label)).toEqual(['X', 'Y']);
    expect(bands.map((b: Named) => b.id)).not.toContain(x.id);
    const frameworks = await get(`/api/reviews/${review.id}/frameworks`);
    expect(frameworks).toHaveLength(1);
    expect(frameworks[0]).toMatchObject({ role: 'target', name: 'My wheel', citation: 'Me, 2026', description: 'd' });
    const stages = await get(`/api/reviews/${review.id}/frameworks/${frameworks[0].id}/stages`);
    expect(stages.map((st: Record<string, unknown>) => [st.name, st.bandId])).toEqual([['One', bands[1].id], ['Two', null]]);
    expect(stages[0]).toMatchObject(fields);

    const fromSeed = await create({ title: 'Seed wheel', start: { kind: 'target', fromReviewId: 1 } });
    const seedStages = await stagesOf(1);
    const copied = await stagesOf(fromSeed.id);
    const text = (st: Record<string, unknown>) => [st.name, st.focus, st.purpose, st.keyLabel, st.keyQuestion, st.successMeasures];
    expect(copied.map(text)).toEqual(seedStages.map(text));
  });

  it('copies a whole review; the copy has its own log, the seed review is unchanged', async () => {
    const seedAlignments = await get('/api/reviews/1/alignments');
    const ftsBefore = litFtsRows();
    const copy = await create({ title: 'Copy of the seed', start: { kind: 'copy', fromReviewId: 1 } });
    expect(copy).toMatchObject({ slug: 'copy-of-the-seed', title: 'Copy of the seed', version: 1, citation: (await get('/api/reviews/1')).citation });
    expect((await get(`/api/reviews/${copy.id}/crosswalk`)).tables).toEqual(seedCrosswalk);
    expect(await get(`/api/reviews/${copy.id}/frameworks-by-role/source`)).toHaveLength(10);
    expect(await get(`/api/reviews/${copy.id}/alignments`)).toHaveLength(seedAlignments.length);
    expect((await get(`/api/reviews/${copy.id}/citations`)).length).toBe((await get('/api/reviews/1/citations')).length);
    expect((await get(`/api/reviews/${copy.id}/flow`)).map((f: { count: number }) => f.count)).toContain(3819);
    expect((await get(`/api/reviews/${copy.id}/reviewers`)).map((r: Named) => r.name)).toEqual(['Ada Lovelace']);
    expect((await get(`/api/reviews/${copy.id}/literature/items`)).items).toHaveLength(2);
    // the copy's items are searchable: their full-text rows were made too
    expect((await get(`/api/reviews/${copy.id}/literature/items?q=wheel`)).items).toHaveLength(1);
    expect(litFtsRows()).toBe(ftsBefore + 2);
    const audit = await get(`/api/reviews/${copy.id}/audit`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'review', entityId: copy.id, after: { copiedFrom: { reviewId: 1, slug: 'stages-of-innovation', alignments: true, literature: true } } });

    const lean = await create({ title: 'Lean copy', start: { kind: 'copy', fromReviewId: 1, alignments: false, literature: false } });
    expect(await get(`/api/reviews/${lean.id}/alignments`)).toEqual([]);
    expect((await get(`/api/reviews/${lean.id}/literature/items`)).items).toEqual([]);
    expect(await get(`/api/reviews/${lean.id}/frameworks-by-role/source`)).toHaveLength(10);
    expect((await get(`/api/reviews/${lean.id}/crosswalk`)).tables.bands).toEqual((seedCrosswalk as { bands: unknown }).bands);

    expect(await crosswalkTables(1)).toEqual(seedCrosswalk);
    expect(await get('/api/reviews/1/alignments')).toEqual(seedAlignments);
    expect((await get('/api/reviews/1/literature/items')).items).toHaveLength(2);
  });

  it('refuses a start from a review that does not exist or is in the trash, with a pointer', async () => {
    for (const start of [{ kind: 'copy', fromReviewId: 9999 }, { kind: 'target', fromReviewId: 9999 }]) {
      const res = await s.request('POST', '/api/reviews', { title: 'Nope', start });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].pointer).toBe('/body/start/fromReviewId');
    }
    const trashed = await create({ title: 'Soon trashed' });
    expect((await s.request('DELETE', `/api/reviews/${trashed.id}`)).status).toBe(200);
    const res = await s.request('POST', '/api/reviews', { title: 'Nope', start: { kind: 'copy', fromReviewId: trashed.id } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ pointer: '/body/start/fromReviewId', message: expect.stringMatching(/trash/) });
    const badKind = await s.request('POST', '/api/reviews', { title: 'Nope', start: { kind: 'template', template: 'other' } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].pointer).toBe('/body/start/template');
    expect((await get('/api/reviews')).map((r: { title: string }) => r.title)).not.toContain('Nope');
  });

  it('derives slugs from titles, unique against every review, and refuses a taken explicit slug', async () => {
    const a = await create({ title: 'Ünïcödé Stüdy: “Care” & Co. 2024!' });
    expect(a.slug).toBe('unicode-study-care-co-2024');
    const b = await create({ title: 'Unicode study — care & co 2024' });
    expect(b.slug).toBe('unicode-study-care-co-2024-2');
    const long = await create({ title: `${'Very long title '.repeat(10)}end` });
    expect(long.slug.length).toBeLessThanOrEqual(80);
    expect(long.slug).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
    const symbols = await create({ title: '???' });
    expect(symbols.slug).toMatch(/^review(-\d+)?$/);
    const taken = await s.request('POST', '/api/reviews', { title: 'Other', slug: 'unicode-study-care-co-2024' });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain(`review ${a.id}`);
    expect(taken.body.errors[0].pointer).toBe('/body/slug');
    const badSlug = await s.request('POST', '/api/reviews', { title: 'Other', slug: 'Not A Slug' });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.errors[0].pointer).toBe('/body/slug');
    const rename = await s.request('PATCH', `/api/reviews/${b.id}`, { slug: a.slug, version: b.version });
    expect(rename.status).toBe(409);
  });

  it('archives and unarchives a review, which stays listed, flagged', async () => {
    const review = await create({ title: 'To archive' });
    const archived = await s.request('PATCH', `/api/reviews/${review.id}`, { archived: true, version: review.version });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(archived.body.version).toBe(review.version + 1);
    const listed = (await get('/api/reviews')).find((r: { id: number }) => r.id === review.id);
    expect(listed.archivedAt).toBe(archived.body.archivedAt);
    const back = await s.request('PATCH', `/api/reviews/${review.id}`, { archived: false, version: archived.body.version });
    expect(back.body.archivedAt).toBeNull();
  });

  it('moves a review to the trash and back, and deletes it for good only from the trash', async () => {
    const review = await create({ title: 'Trash me', start: { kind: 'copy', fromReviewId: 1, alignments: false } });
    const stale = await s.request('DELETE', `/api/reviews/${review.id}?version=${review.version + 5}`);
    expect(stale.status).toBe(409);
    expect(stale.body.current.id).toBe(review.id);
    const notYet = await s.request('DELETE', `/api/reviews/${review.id}/permanently`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.detail).toMatch(/move it to the trash first/);

    const trashed = await s.request('DELETE', `/api/reviews/${review.id}?version=${review.version}`);
    expect(trashed.status).toBe(200);
    expect(trashed.body).toMatchObject({ id: review.id, deletedAt: expect.any(String), version: review.version + 1 });
    expect((await get('/api/reviews')).map((r: { id: number }) => r.id)).not.toContain(review.id);
    const trash = await get('/api/reviews?trash=true');
    expect(trash.map((r: { id: number }) => r.id)).toContain(review.id);
    expect(trash.every((r: { deletedAt: string | null }) => r.deletedAt !== null)).toBe(true);
    expect((await get(`/api/reviews/${review.id}`)).deletedAt).toEqual(trashed.body.deletedAt);
    // a trashed review still holds its slug
    expect((await create({ title: 'Trash me' })).slug).toBe('trash-me-2');

    const back = await s.request('POST', `/api/reviews/${review.id}/undelete`);
    expect(back.status).toBe(200);
    expect(back.body.deletedAt).toBeNull();
    expect((await get('/api/reviews')).map((r: { id: number }) => r.id)).toContain(review.id);
    expect((await get(`/api/reviews/${review.id}/frameworks-by-role/source`))).toHaveLength(10);

    const ftsBefore = litFtsRows();
    expect((await s.request('DELETE', `/api/reviews/${review.id}`)).status).toBe(200);
    const gone = await s.request('DELETE', `/api/reviews/${review.id}/permanently`);
    expect(gone.status).toBe(204);
    expect((await s.request('GET', `/api/reviews/${review.id}`)).status).toBe(404);
    expect(litFtsRows()).toBe(ftsBefore - 2);
    const left = (t: string, col: string) => (s.wb.db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${col} = ?`).get(review.id) as { n: number }).n;
    expect([left('framework', 'review_id'), left('lit_item', 'review_id'), left('audit_event', 'review_id'), left('review_reviewer', 'review_id')]).toEqual([0, 0, 0, 0]);
    expect((await get('/api/reviews?trash=true')).map((r: { id: number }) => r.id)).not.toContain(review.id);
  });

  it('downloads a bundle (the CLI bytes) and restores it under a new slug, as JSON larger than the JSON limit', async () => {
    const res = await fetch(`${s.url}/api/reviews/1/bundle`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?stages-of-innovation\.workbench\.json"?$/);
    const text = await res.text();
    expect(withoutGeneratedAt(text)).toBe(withoutGeneratedAt(serializeBundle(exportBundle(s.wb.db, 1))));
    const bundle = JSON.parse(text) as { tables: { name: string; rows: unknown[][] }[] };
    // the team is in the bundle, and so is the reviewer it names
    expect(bundle.tables.find((t) => t.name === 'review_reviewer')?.rows).toHaveLength(1);
    expect(JSON.stringify(bundle.tables.find((t) => t.name === 'reviewer')?.rows)).toContain('Ada Lovelace');
    expect(text.length).toBeGreaterThan(1024);

    const post = (query: string, body: string, type = 'application/json') =>
      s.request('POST', `/api/reviews/bundle${query}`, body, { 'content-type': type });
    const clash = await post('', text);
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toMatch(/pass replace=true .* or slug=NEW/);
    const restored = await post('?slug=restored-seed', text, 'application/octet-stream');
    expect(restored.status, restored.text).toBe(201);
    expect(restored.body).toMatchObject({ slug: 'restored-seed', title: "Stages of Innovation in Children's Social Care (restored)" });
    expect(await crosswalkTables(restored.body.id)).toEqual(seedCrosswalk);
    expect((await get(`/api/reviews/${restored.body.id}/reviewers`)).map((r: Named) => r.name)).toEqual(['Ada Lovelace']);
    const again = await post('?slug=restored-seed&replace=true', text);
    expect(again.status, again.text).toBe(201);
    expect(again.body.id).not.toBe(restored.body.id);
    expect((await s.request('GET', `/api/reviews/${restored.body.id}`)).status).toBe(404);

    const damaged = await post('?slug=damaged', text.replace('"Early phases"', '"Early phase"'));
    expect(damaged.status).toBe(422);
    expect(damaged.body.detail).toMatch(/changed after export/);
    expect((await post('?slug=x', '{ not json')).status).toBe(422);
    expect((await post('?slug=x', text, 'text/plain')).status).toBe(415);
    expect((await post('?slug=Bad Slug', text)).status).toBe(400);
  });

  it('restores a bundle made before reviews had a question, settings, archive, trash and a team', async () => {
    const current = JSON.parse(serializeBundle(exportBundle(s.wb.db, 1))) as Bundle;
    const added = ['question', 'archived_at', 'deleted_at', 'settings_json'];
    const tables = current.tables.filter((t) => t.name !== 'review_reviewer').map((t) => {
      if (t.name !== 'review') return t;
      const keep = t.columns.map((c, i) => (added.includes(c) ? -1 : i)).filter((i) => i >= 0);
      return { ...t, columns: keep.map((i) => t.columns[i] as string), rows: t.rows.map((r) => keep.map((i) => r[i] ?? null)) };
    });
    const old = { ...current, schemaVersion: '0003_literature.sql', contentHash: sha256Text(canonicalJson(tables)), tables };
    expect(old.tables[0]?.columns).not.toContain('settings_json');
    const res = await s.request('POST', '/api/reviews/bundle?slug=old-bundle', JSON.stringify(old));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ slug: 'old-bundle', question: '', archivedAt: null, deletedAt: null, settings: { relationLabels: {}, exclusionReasons: [] } });
    expect(await crosswalkTables(res.body.id)).toEqual(seedCrosswalk);
    expect(await get(`/api/reviews/${res.body.id}/reviewers`)).toEqual([]);
  });

  it("keeps the review's team: add by name (once), list in order, remove", async () => {
    const review = await create({ title: 'Team review' });
    const base = `/api/reviews/${review.id}/reviewers`;
    expect(await get(base)).toEqual([]);
    const ada = await s.request('POST', base, { name: 'Ada Lovelace' });
    expect(ada.status).toBe(201);
    const adaId = (s.wb.db.prepare("SELECT id FROM reviewer WHERE name = 'Ada Lovelace'").get() as { id: number }).id;
    expect(ada.body).toEqual({ id: adaId, name: 'Ada Lovelace', email: 'ada@example.org', position: 0, initials: 'AL', role: 'reviewer' });
    const bob = await s.request('POST', base, { name: '  Bob Reviewer ', email: 'bob@example.org' });
    expect(bob.body).toMatchObject({ name: 'Bob Reviewer', email: 'bob@example.org', position: 1 });
    expect((await s.request('POST', base, { name: 'Ada Lovelace' })).status).toBe(409);
    expect((await s.request('POST', base, { name: 'Eve', email: 'not an email' })).body.errors[0].pointer).toBe('/body/email');
    expect((await get(base)).map((r: Named) => r.name)).toEqual(['Ada Lovelace', 'Bob Reviewer']);
    expect((await s.request('DELETE', `${base}/${adaId}`)).status).toBe(204);
    expect((await get(base)).map((r: Named) => r.name)).toEqual(['Bob Reviewer']);
    expect((await s.request('DELETE', `${base}/${adaId}`)).status).toBe(404);
    // Ada stays a reviewer, and on the seed review's team
    expect((await get('/api/reviews/1/reviewers')).map((r: Named) => r.name)).toEqual(['Ada Lovelace']);
    expect((await get(`/api/reviews/${review.id}/audit`)).map((e: { entity: string; action: string }) => `${e.entity} ${e.action}`))
      .toEqual(['review create', 'review_reviewer create', 'reviewer create', 'review_reviewer create', 'review_reviewer delete']);
  });

  it('validates settings as a whole and reads them back', async () => {
    const review = await create({ title: 'Settings review' });
    expect(review.settings).toEqual({ relationLabels: {}, exclusionReasons: [], highlightTerms: { include: [], exclude: [] } });
    const settings = {
      relationLabels: { equivalent: 'same as', 'no-counterpart': 'none' }, exclusionReasons: ['Wrong population', 'Not a model'],
      highlightTerms: { include: ['child*'], exclude: ['adult'] },
    };
    const ok = await s.request('PATCH', `/api/reviews/${review.id}`, { settings, version: review.version });
    expect(ok.status).toBe(200);
    expect((await get(`/api/reviews/${review.id}`)).settings).toEqual(settings);
    const cases: [unknown, string][] = [
      [{ relationLabels: { similar: 'x' } }, '/body/settings/relationLabels'],
      [{ relationLabels: { equivalent: '' } }, '/body/settings/relationLabels/equivalent'],
      [{ relationLabels: { equivalent: 'x'.repeat(61) } }, '/body/settings/relationLabels/equivalent'],
      [{ exclusionReasons: ['a', 'a'] }, '/body/settings/exclusionReasons'],
      [{ exclusionReasons: Array.from({ length: 101 }, (_, i) => `r${i}`) }, '/body/settings/exclusionReasons'],
      [{ colour: 'red' }, '/body/settings'],
      [{ highlightTerms: { include: [''] } }, '/body/settings/highlightTerms/include/0'],
    ];
    for (const [bad, pointer] of cases) {
      const res = await s.request('PATCH', `/api/reviews/${review.id}`, { settings: bad, version: ok.body.version });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.errors[0].pointer).toBe(pointer);
    }
    const partial = await s.request('PATCH', `/api/reviews/${review.id}`, { settings: { exclusionReasons: ['Only this'] }, version: ok.body.version });
    expect(partial.body.settings).toEqual({ relationLabels: {}, exclusionReasons: ['Only this'], highlightTerms: { include: [], exclude: [] } });
  });

  it('answers a stale update with 409 and the current review, and never overwrites', async () => {
    const review = await create({ title: 'Versioned review' });
    const first = await s.request('PATCH', `/api/reviews/${review.id}`, { question: 'By Ann', version: review.version });
    expect(first.status).toBe(200);
    const stale = await s.request('PATCH', `/api/reviews/${review.id}`, { question: 'By Bob', version: review.version });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ question: 'By Ann', version: first.body.version });
    expect((await get(`/api/reviews/${review.id}`)).question).toBe('By Ann');
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = await get('/api/openapi.json');
    for (const path of ['/api/reviews/bundle', '/api/reviews/{reviewId}/undelete', '/api/reviews/{reviewId}/permanently',
      '/api/reviews/{reviewId}/bundle', '/api/reviews/{reviewId}/reviewers', '/api/reviews/{reviewId}/reviewers/{reviewerId}']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(JSON.stringify(doc.paths['/api/reviews'].post.requestBody)).toContain('fromReviewId');
  });
});
