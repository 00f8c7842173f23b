import { createApp } from '../app.ts';
import { answerClientErrors, UPLOAD_MB, uploadBytesFromMb } from '../http/limits.ts';
import { openWorkbench, resolveDbPath } from '../workbench.ts';
import { CliError, parseOptions, type Command } from './common.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: ['workbench serve [--port N] [--host H] [--max-upload-mb N] [--db PATH]'],
  async run(args, io) {
    const { values } = parseOptions(args, {
      port: { type: 'string', default: process.env.PORT ?? '5757' },
      host: { type: 'string', default: process.env.WORKBENCH_HOST ?? '127.0.0.1' },
      'max-upload-mb': { type: 'string', default: process.env.WORKBENCH_MAX_UPLOAD_MB ?? String(UPLOAD_MB) },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    const maxUploadBytes = uploadBytesFromMb(values['max-upload-mb']);
    if (maxUploadBytes === null) throw new CliError(`--max-upload-mb must be a number of megabytes above 0, not "${values['max-upload-mb']}"`);
    const wb = openWorkbench(resolveDbPath(values.db));
    const allowedHosts = (process.env.WORKBENCH_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    const app = createApp({ repos: wb.repos, listenHost: values.host, allowedHosts, maxUploadBytes });
    return await new Promise<number>((resolve, reject) => {
      const server = app.listen(port, values.host, () => {
        const address = server.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        const shownHost = values.host.includes(':') ? `[${values.host}]` : values.host;
        answerClientErrors(server);
        io.out.write(`Synthesis Workbench is running at http://${shownHost}:${actualPort}/\n  database: ${wb.dbPath}\n  press Ctrl+C to stop\n`);
      });
      server.on('error', (error: NodeJS.ErrnoException) => {
        wb.close();
        reject(error.code === 'EADDRINUSE' ? new CliError(`Port ${port} on ${values.host} is in use: pass another with --port.`) : error);
      });
      const stop = (): void => {
        server.close(() => {
          wb.close();
          resolve(0);
        });
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
