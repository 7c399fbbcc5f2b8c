import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real `kamen` launcher (runs the built dist/, which `npm test` builds in its typecheck step). */
export const KAMEN_BIN = fileURLToPath(new URL('../../packages/cli/bin/kamen.js', import.meta.url));

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kamen args…` with `input` on stdin and collects its output. */
export function runKamen(
  args: readonly string[],
  input?: string | Buffer,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAMEN_BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
