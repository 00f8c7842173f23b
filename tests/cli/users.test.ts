// `workbench users add|list|remove` as a user runs them, and the password each prints or reads signing in to a
// server that requires sign-in on the same database file.
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ROOT } from '../../server/paths.ts';
import { openWorkbench } from '../../server/workbench.ts';
import { BIN, queryDb, workbench, type CliResult } from '../support/cli.ts';
import { tempDbPath } from '../support/server.ts';

function withStdin(args: string[], input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** POST /api/session against a sign-in server on the file: the status it answers. */
async function signInStatus(db: string, name: string, password: string): Promise<number> {
  const wb = openWorkbench(db);
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ repos: wb.repos, auth: 'required' }).listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-request': '1' }, body: JSON.stringify({ name, password }),
    });
    return res.status;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    wb.close();
  }
}

describe('workbench users', { timeout: 120_000 }, () => {
  let db: string;
  const sql = <T>(query: string, ...params: unknown[]): T[] => queryDb<T>(db, query, ...params);

  beforeAll(async () => {
    db = tempDbPath('wb-users-');
    expect((await workbench(['reviews', 'create', '--title', 'Second review', '--db', db])).code).toBe(0);
  });

  it('adds a lead with a printed one-time password, stored only as a salted scrypt hash', async () => {
    const res = await workbench(['users', 'add', 'Ann Lead', '--lead', '--review', 'second-review', '--db', db]);
    expect(res.code, res.stderr).toBe(0);
    const password = res.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(res.stderr).toMatch(/added Ann Lead \(lead of second-review\)/);
    const [row] = sql<{ password_hash: string }>('SELECT password_hash FROM account');
    expect(row?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row?.password_hash).not.toContain(password);
    expect(sql("SELECT rr.role FROM review_reviewer rr JOIN reviewer r ON r.id = rr.reviewer_id JOIN review v ON v.id = rr.review_id WHERE r.name = 'Ann Lead' AND v.slug = 'second-review'"))
      .toEqual([{ role: 'lead' }]);
    expect(await signInStatus(db, 'Ann Lead', password)).toBe(200);
    expect(await signInStatus(db, 'Ann Lead', `${password}x`)).toBe(401);
  });

  it('reads a password from stdin, adds a reviewer to the seed review by default, and two hashes of one password differ', async () => {
    const res = await withStdin(['users', 'add', 'Bob', '--password-stdin', '--db', db], 'correct horse battery\n');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect((await withStdin(['users', 'add', 'Cy', '--password-stdin', '--db', db], 'correct horse battery')).code).toBe(0);
    const hashes = sql<{ password_hash: string }>("SELECT password_hash FROM account a JOIN reviewer r ON r.id = a.reviewer_id WHERE r.name IN ('Bob', 'Cy')");
    expect(hashes).toHaveLength(2);
    expect(hashes[0]!.password_hash).not.toBe(hashes[1]!.password_hash);
    expect(await signInStatus(db, 'Bob', 'correct horse battery')).toBe(200);
    const short = await withStdin(['users', 'add', 'Dee', '--password-stdin', '--db', db], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/shorter than 8 characters/);
  });

  it('lists the accounts with their reviews, refuses a second account for a name, and removes one', async () => {
    const list = await workbench(['users', 'list', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('Ann Lead\tsecond-review (lead)\nBob\tstages-of-innovation\nCy\tstages-of-innovation\n');
    const json = JSON.parse((await workbench(['users', 'list', '--json', '--db', db])).stdout) as { name: string; reviews: unknown[] }[];
    expect(json.map((u) => u.name)).toEqual(['Ann Lead', 'Bob', 'Cy']);
    expect(json[0]?.reviews).toEqual([{ slug: 'second-review', role: 'lead' }]);
    const again = await workbench(['users', 'add', 'Bob', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Bob already has an account/);
    const removed = await workbench(['users', 'remove', 'Bob', '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await signInStatus(db, 'Bob', 'correct horse battery')).toBe(401);
    expect((await workbench(['users', 'list', '--db', db])).stdout).not.toMatch(/^Bob/m);
    const missing = await workbench(['users', 'remove', 'Nobody', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No account named "Nobody"/);
  });
});
