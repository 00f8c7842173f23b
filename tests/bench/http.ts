// The crosswalk read under 50 concurrent connections on loopback: the server in its own process (as a user runs
// it), autocannon in this one, 10 s.
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../../server/paths.ts';
import { tempDbPath } from '../support/server.ts';

export async function benchHttp(): Promise<void> {
  const server = spawn(process.execPath, [path.join(ROOT, 'server/bin/workbench.mjs'), 'serve', '--port', '0', '--db', tempDbPath('wb-bench-')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /running at (http:\/\/\S+?)\/?\s/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    for (const [name, pathname] of [['crosswalk (both layouts)', '/api/reviews/1/crosswalk'], ['health', '/api/health']] as const) {
      const result = await autocannon({ url: `${url}${pathname}`, connections: 50, duration: name === 'health' ? 5 : 10 });
      console.log(
        `${name}: ${Math.round(result.requests.average)} req/s; latency p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${result.non2xx} non-2xx, ${result.errors} errors; ` +
          `${Math.round(result.throughput.average / 1024)} KiB/s`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
}
