/**
 * `npm start`: the demo HR application with the kamen proxy in front of it, until Ctrl-C.
 *
 *   node packages/proxy/dist/demo/main.js [--port 8080] [--app-port 3000] [--key-file keys.json] [--state-dir DIR]
 */
import { parseArgs } from 'node:util';
import { demoInstructions, startDemo } from './start-demo.js';

const USAGE = `usage: npm start -- [--port N] [--app-port N] [--key-file FILE] [--state-dir DIR]
  port 0 = any free port; without --key-file a key is generated for the run; the key and the audit log live in
  --state-dir (default: a temporary directory removed when the demo stops)`;

async function main(): Promise<number> {
  let values: { port?: string; 'app-port'?: string; 'key-file'?: string; 'state-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'app-port': { type: 'string' },
        'key-file': { type: 'string' },
        'state-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = (v: string | undefined, fallback: number): number => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new RangeError(`not a port: ${v}`);
    return n;
  };
  const demo = await startDemo({
    port: port(values.port, 8080),
    appPort: port(values['app-port'], 3000),
    ...(values['key-file'] !== undefined ? { keyFile: values['key-file'] } : {}),
    ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
  });
  process.stdout.write(`${demoInstructions(demo)}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      process.stdout.write('\nstopping: draining connections…\n');
      resolve();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
  await demo.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error & { code?: string; cause?: { code?: string } }) => {
    const inUse = err.code === 'EADDRINUSE' || err.cause?.code === 'EADDRINUSE';
    const hint = inUse ? ' (port in use: try npm start -- --port 0 --app-port 0)' : '';
    process.stderr.write(`kamen demo: ${err.code !== undefined ? `${err.code}: ` : ''}${err.message}${hint}\n`);
    process.exitCode = 1;
  },
);
