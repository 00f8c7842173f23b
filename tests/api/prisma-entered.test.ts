// PRISMA counts entered by hand over HTTP: entered, shown as entered, taken back to what the records give; an
// unknown box is refused with a pointer; each change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('PRISMA entered counts', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });
  const box = async (key: string) => (await s.request('GET', '/api/reviews/1/prisma')).body.boxes[key];

  it('enters a count, takes it back, and refuses an unknown box', async () => {
    expect(await box('dbr_notretrieved_reports')).toMatchObject({ count: null, entered: false });
    const put = await s.request('PUT', '/api/reviews/1/prisma/entered/dbr_notretrieved_reports', { count: 7, note: 'paywalled' });
    expect(put.status).toBe(200);
    expect(put.body.boxes.dbr_notretrieved_reports).toMatchObject({ count: 7, entered: true, note: 'paywalled' });

    // a count the seed's reported flow gives (3,819 from databases) comes back once the hand-entered one is taken back
    expect((await box('database_results')).count).toBe(3819);
    await s.request('PUT', '/api/reviews/1/prisma/entered/database_results', { count: 3800, note: '' });
    expect((await box('database_results')).count).toBe(3800);
    const del = await s.request('DELETE', '/api/reviews/1/prisma/entered/database_results');
    expect(del.status).toBe(200);
    expect(del.body.boxes.database_results.count).toBe(3819);

    expect((await s.request('DELETE', '/api/reviews/1/prisma/entered/dbr_notretrieved_reports')).body.boxes.dbr_notretrieved_reports)
      .toMatchObject({ count: null, entered: false });
    const bad = await s.request('DELETE', '/api/reviews/1/prisma/entered/no_such_box');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/params/key');

    const audit = (await s.request('GET', '/api/reviews/1/audit?limit=1000')).body as { entity: string; action: string }[];
    expect(audit.filter((e) => e.entity === 'prisma_entered').map((e) => e.action)).toEqual(['create', 'create', 'delete', 'delete']);
  });
});
