// A real server on a temporary SQLite file, listening on an ephemeral loopback port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import { openWorkbench, type Workbench } from '../../server/workbench.ts';

export interface TestServer {
  url: string;
  wb: Workbench;
  dbPath: string;
  /** fetch against the server with JSON helpers */
  request: (method: string, pathname: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
  text: string;
}

export function tempDbPath(prefix = 'wb-test-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'workbench.sqlite');
}

let tick = 0;
/** A deterministic clock: each call is one second after the last. */
export const testClock = (): string => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000).toISOString();

export async function startTestServer(options: { dbPath?: string; bodyLimit?: string } = {}): Promise<TestServer> {
  const dbPath = options.dbPath ?? tempDbPath();
  const wb = openWorkbench(dbPath, { now: testClock });
  const app = createApp({ repos: wb.repos, bodyLimit: options.bodyLimit });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const request = async (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) => {
    // like the client (client/src/api/client.ts), every write says it comes from the workbench
    const init: RequestInit = { method, headers: { ...(method === 'GET' ? {} : { 'x-workbench-request': '1' }), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${url}${pathname}`, init);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    url,
    wb,
    dbPath,
    request,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      wb.close();
    },
  };
}
