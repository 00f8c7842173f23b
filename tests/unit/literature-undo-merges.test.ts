// Which merges an import's undo takes back, on the repository: the merge that took in one of its records, every
// later merge that built on that one (and only those), each marked void with its cause; an undone merge that had one
// of its records is marked too; everything else in the log and the library is as it was.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { createLiteratureRepo, toItemRow } from '../../server/db/literature-repo.ts';
import { migrate, readMigrations } from '../../server/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../server/paths.ts';
import type { CslItem } from '../../shared/csl.ts';
import { testClock } from '../support/server.ts';

function library() {
  const db = openDatabase(':memory:');
  migrate(db, readMigrations(MIGRATIONS_DIR));
  db.exec("INSERT INTO review (id, slug, title, created_at, updated_at) VALUES (1, 'r', 'Review', 't', 't')");
  const repo = createLiteratureRepo(db, testClock);
  /** one import of these items; returns the batch id and the items' ids in order */
  const load = (fileName: string, csl: Partial<CslItem>[]): { batch: number; ids: number[] } => {
    const batch = repo.createBatch({ reviewId: 1, sourceName: '', searchString: '', fileName, format: 'csl-json', actor: 'ada' });
    repo.insertRows({ id: batch, reviewId: 1, fileName, format: 'csl-json' },
      csl.map((c, i) => toItemRow({ recordNumber: i + 1, raw: JSON.stringify(c), item: { id: `${fileName}-${i}`, type: 'article-journal', ...c }, warnings: [] })), []);
    repo.indexBatchSlice(batch, 0, 1000);
    repo.markBatchComplete(batch, { records: csl.length, imported: csl.length, failed: 0, notes: [] });
    const ids = (db.prepare('SELECT id FROM lit_item WHERE batch_id = ? ORDER BY id').all(batch) as { id: number }[]).map((r) => r.id);
    return { batch, ids };
  };
  const csl = (id: number) => JSON.parse((db.prepare('SELECT csl FROM lit_item WHERE id = ?').get(id) as { csl: string }).csl) as CslItem;
  return { db, repo, load, csl };
}

const why = { rule: 'manual', score: 1 };

describe('undoing an import takes back the merges built on its records', () => {
  it('voids the merge with its record and the later merge on top of it, and nothing else', () => {
    const { db, repo, load, csl } = library();
    const a = load('a.json', [{ title: 'Family group conferencing' }, { title: 'Diffusion of innovations' }, { title: 'Scaling up social work' }]);
    const b = load('b.json', [{ title: 'Family group conferencing', DOI: '10.1/fgc' }, { title: 'Scaling up social work' }]);
    const c = load('c.json', [{ title: 'Family group conferencing', abstract: 'Zanzibar' }, { title: 'Diffusion of innovations', volume: '82' }]);
    const [fgcA, diffA, scaleA] = a.ids as [number, number, number];
    const [fgcB, scaleB] = b.ids as [number, number];
    const [fgcC, diffC] = c.ids as [number, number];
    const original = csl(fgcA);

    // undone before: it had a record of b.json, so it is marked, though there is nothing to take back
    const m0 = repo.merge(1, [scaleA, scaleB], why, 'ada').mergeId;
    repo.undoMerge(1, m0, 'ada');
    const m1 = repo.merge(1, [fgcA, fgcB], why, 'ada').mergeId;
    // builds on m1 (more into its kept record): m1 can only be taken back after it
    const m2 = repo.merge(1, [fgcA, fgcC], why, 'ada').mergeId;
    // no record of b.json, nothing built on one
    const m3 = repo.merge(1, [diffA, diffC], why, 'ada').mergeId;
    expect(csl(fgcA)).toMatchObject({ DOI: '10.1/fgc', abstract: 'Zanzibar' });

    db.transaction(() => repo.deleteBatch(1, b.batch))();
    const undone = `import b.json (batch ${b.batch}) was undone`;
    const log = new Map(repo.mergeLog(1).map((m) => [m.id, m]));
    expect(log.get(m0)).toMatchObject({ voidReason: undone, undoneBy: 'ada' });
    expect(log.get(m1)).toMatchObject({ voidReason: undone, undoneAt: null });
    expect(log.get(m2)).toMatchObject({ voidReason: `taken back with merge ${m1}: ${undone}`, undoneAt: null });
    expect(log.get(m3)).toMatchObject({ voidedAt: null, voidReason: null, undoneAt: null });
    for (const id of [m0, m1, m2]) expect(log.get(id)?.voidedAt).toEqual(expect.any(String));

    expect(csl(fgcA)).toEqual(original);
    const state = (id: number) => db.prepare('SELECT merged_into AS m FROM lit_item WHERE id = ?').get(id) as { m: number | null } | undefined;
    expect(state(fgcC)).toEqual({ m: null });
    expect(state(diffC)).toEqual({ m: diffA });
    expect(state(fgcB)).toBeUndefined();
    // the record of c.json is a searchable item of its own again, and a candidate with the one it had been merged into
    expect(repo.listItems(1, { q: 'zanzibar' }).items.map((i) => i.id)).toEqual([fgcC]);
    expect(repo.duplicateGroups(1).map((g) => g.members.map((m) => m.item))).toEqual([[fgcA, fgcC]]);
    expect(() => repo.undoMerge(1, m2, 'ada')).toThrow(/is void/);
    // m3 still undoes as any merge does
    repo.undoMerge(1, m3, 'ada');
    expect(state(diffC)).toEqual({ m: null });
  });
});
