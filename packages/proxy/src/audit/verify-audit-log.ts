import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  checkpointProblem,
  entryProblem,
  GENESIS,
  sameHex,
  type AuditCheckpoint,
  type AuditEntry,
} from './audit-entry.js';
import { readCheckpointFile } from './audit-head.js';

export interface VerifyAuditOptions {
  /** Audit HMAC key: every entry must then carry a valid mac (a forger without the key cannot re-chain). */
  readonly key?: Uint8Array;
  /** Head file to check the end against (default `<path>.head` when it exists; false to skip). */
  readonly headFile?: string | false;
  /** Checkpoints exported earlier (off-host): the log must still contain each one. */
  readonly checkpoints?: readonly AuditCheckpoint[];
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string; readonly macsChecked: boolean }
  | { readonly ok: false; readonly line: number; readonly reason: string; readonly entries: number };

/**
 * Verifies a whole audit log (AL-03): every line parses and hashes to its `hash` (edits), `seq` counts up by one
 * and `prev` is the previous hash (deletions, insertions, reordering), macs verify when a key is given (forgery),
 * the file ends with a newline, and the head file and checkpoints name entries that are still there with the same
 * hash (tail truncation). Reports the first bad line (1-based); a truncation is reported at the line after the end.
 * Streams the file: memory stays constant.
 */
export async function verifyAuditLog(path: string, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const key = options.key;
  const want = new Map<number, { hash: string; what: string }>();
  const headPath = options.headFile === false ? undefined : (options.headFile ?? `${path}.head`);
  if (headPath !== undefined) {
    const head = await readCheckpointFile(headPath);
    if (head !== undefined) {
      const problem = checkpointProblem(head, key);
      if (problem !== undefined) return { ok: false, line: 0, reason: `head file: ${problem}`, entries: 0 };
      const h = head as AuditCheckpoint;
      if (h.seq > 0) want.set(h.seq, { hash: h.hash, what: 'head file' });
    }
  }
  for (const c of options.checkpoints ?? []) {
    const problem = checkpointProblem(c, key);
    if (problem !== undefined) return { ok: false, line: 0, reason: problem, entries: 0 };
    if (c.seq > 0) want.set(c.seq, { hash: c.hash, what: 'checkpoint' });
  }

  let n = 0;
  let prev = GENESIS;
  let endsWithNewline = true;
  const stream = createReadStream(path);
  stream.on('data', (chunk) => {
    const b = chunk as Buffer;
    if (b.length > 0) endsWithNewline = b[b.length - 1] === 0x0a;
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      n++;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        return { ok: false, line: n, reason: 'not JSON', entries: n - 1 };
      }
      const problem = entryProblem(raw, key);
      if (problem !== undefined) return { ok: false, line: n, reason: problem, entries: n - 1 };
      const e = raw as AuditEntry;
      if (e.seq !== n)
        return {
          ok: false,
          line: n,
          reason: `seq ${e.seq} where ${n} was expected (deleted, inserted or reordered)`,
          entries: n - 1,
        };
      if (!sameHex(e.prev, prev))
        return { ok: false, line: n, reason: 'prev does not match the previous hash', entries: n - 1 };
      const anchor = want.get(n);
      if (anchor !== undefined && !sameHex(anchor.hash, e.hash))
        return { ok: false, line: n, reason: `hash differs from the ${anchor.what}`, entries: n - 1 };
      prev = e.hash;
    }
  } catch (err) {
    return {
      ok: false,
      line: n + 1,
      reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      entries: n,
    };
  } finally {
    lines.close();
    stream.destroy();
  }
  if (n > 0 && !endsWithNewline)
    return { ok: false, line: n, reason: 'last line incomplete (torn write)', entries: n - 1 };
  for (const [seq, anchor] of want)
    if (seq > n)
      return {
        ok: false,
        line: n + 1,
        reason: `${anchor.what} names entry ${seq}; the log ends at ${n} (truncated)`,
        entries: n,
      };
  return { ok: true, entries: n, lastHash: prev, macsChecked: key !== undefined };
}
