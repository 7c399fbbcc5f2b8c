import { open, readFile, rename, unlink } from 'node:fs/promises';
import { checkpointBody, hmac, type AuditCheckpoint } from './audit-entry.js';

/** Builds a checkpoint for the chain state (signed when a key is given). */
export function makeCheckpoint(seq: number, hash: string, time: string, key: Uint8Array | undefined): AuditCheckpoint {
  const c = { v: 1 as const, seq, hash, time };
  return key === undefined ? c : { ...c, mac: hmac(key, checkpointBody(c)) };
}

/** Reads a head/checkpoint file: undefined when it does not exist, the parsed JSON otherwise (checked by the caller). */
export async function readCheckpointFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Replaces the head file atomically: write a temp file in the same directory, sync it, rename over the head. A
 * crash leaves either the old head or the new one, never a torn one.
 */
export async function writeHead(path: string, checkpoint: AuditCheckpoint, sync: boolean): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(checkpoint)}\n`);
    if (sync) await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
