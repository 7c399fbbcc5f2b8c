import type { FileHandle } from 'node:fs/promises';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { proxyError } from '../errors.js';
import {
  checkpointProblem,
  entryBody,
  entryProblem,
  GENESIS,
  hmac,
  sameHex,
  sha256,
  type AuditCheckpoint,
  type AuditEntry,
} from './audit-entry.js';
import { checkAuditEvent, type AuditEvent } from './audit-event.js';
import { makeCheckpoint, readCheckpointFile, writeHead } from './audit-head.js';
import { verifyAuditLog } from './verify-audit-log.js';

export interface AuditLogOptions {
  /** The JSON-lines log. One writer per file: each replica writes its own (docs/deploy.md). */
  readonly path: string;
  /** HMAC key (e.g. `auditKeyFromRing(keys)`): without it anyone who can write the file can rebuild the chain. */
  readonly key?: Uint8Array;
  /** `always` (default): fdatasync the log, and fsync the head, before append resolves. `never`: the OS decides. */
  readonly fsync?: 'always' | 'never';
  /** Head file holding the last signed checkpoint (tail-truncation anchor); default `<path>.head`, false for none. */
  readonly headFile?: string | false;
  readonly now?: () => Date;
  /** Longest line accepted (default 64 KiB). */
  readonly maxEntryBytes?: number;
}

export interface AuditLog {
  /**
   * Appends one event and resolves when it is written (and synced, per `fsync`). Rejects with
   * KAMEN_PROXY_ERR_AUDIT_WRITE on any failure: the caller must then refuse the reveal (AL-04). Appends are
   * serialised: concurrent calls form one linear chain (AL-05).
   */
  append(event: AuditEvent): Promise<AuditEntry>;
  /** A signed statement of the current chain end, to export off-host (catches truncation by someone who can also rewrite the head). */
  checkpoint(): AuditCheckpoint;
  readonly seq: number;
  close(): Promise<void>;
}

const TAIL_BYTES = 256 * 1024;

const corrupt = (path: string, why: string) =>
  proxyError('KAMEN_PROXY_ERR_AUDIT_CORRUPT', `audit log cannot be continued: ${why}`, { file: path });

/**
 * Opens (or creates, mode 0600) an append-only, hash-chained audit log and continues its chain: the last entry is
 * re-verified (hash, mac) and must agree with the head file; a torn last line, a bad entry or a head beyond the end
 * (truncation) is KAMEN_PROXY_ERR_AUDIT_CORRUPT, and the proxy should not start reveals on it.
 */
export async function createAuditLog(options: AuditLogOptions): Promise<AuditLog> {
  const { path, key } = options;
  const sync = (options.fsync ?? 'always') === 'always';
  const headFile = options.headFile === false ? undefined : (options.headFile ?? `${path}.head`);
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxEntryBytes ?? 64 * 1024;

  let fh: FileHandle;
  try {
    // O_NOFOLLOW: a symlink planted at the log path is refused instead of followed to another file.
    const { O_APPEND, O_CREAT, O_RDWR, O_NOFOLLOW } = constants;
    fh = await open(path, O_APPEND | O_CREAT | O_RDWR | O_NOFOLLOW, 0o600);
  } catch (cause) {
    throw proxyError('KAMEN_PROXY_ERR_AUDIT_WRITE', 'cannot open the audit log', { file: path }, cause);
  }
  let state: { seq: number; hash: string; size: number; time: string };
  try {
    state = await readTail(fh, path, key);
    if (headFile !== undefined) await checkHead(path, headFile, state, key);
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }

  let poisoned = false;
  let queue: Promise<unknown> = Promise.resolve();
  let lastTime = state.time;

  const doAppend = async (event: AuditEvent): Promise<AuditEntry> => {
    if (poisoned)
      throw proxyError('KAMEN_PROXY_ERR_AUDIT_WRITE', 'audit log is unusable after a failed write', { file: path });
    checkAuditEvent(event);
    const seq = state.seq + 1;
    const t = now().toISOString();
    // Entries carry server time; seq is the order. Time never runs backwards inside one log.
    const time = t < lastTime ? lastTime : t;
    const draft = { v: 1 as const, seq, time, prev: state.hash, event };
    const body = entryBody(draft);
    const entry: AuditEntry = { ...draft, hash: sha256(body), ...(key ? { mac: hmac(key, body) } : {}) };
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    if (line.length > maxBytes) throw proxyError('KAMEN_PROXY_ERR_AUDIT_EVENT', 'audit entry exceeds maxEntryBytes');
    try {
      const { bytesWritten } = await fh.write(line, 0, line.length);
      if (bytesWritten !== line.length) throw new Error('short write');
      if (sync) await fh.datasync();
    } catch (cause) {
      // Roll the file back so the chain stays whole; if even that fails, refuse every later append.
      try {
        await fh.truncate(state.size);
      } catch {
        poisoned = true;
      }
      throw proxyError('KAMEN_PROXY_ERR_AUDIT_WRITE', 'audit entry could not be written', { file: path }, cause);
    }
    state = { seq, hash: entry.hash, size: state.size + line.length, time };
    lastTime = time;
    if (headFile !== undefined) {
      try {
        await writeHead(headFile, makeCheckpoint(seq, entry.hash, time, key), sync);
      } catch (cause) {
        // The entry is in the log; only the anchor lags. Refuse this reveal, keep the chain.
        throw proxyError(
          'KAMEN_PROXY_ERR_AUDIT_WRITE',
          'audit head file could not be written',
          { file: headFile },
          cause,
        );
      }
    }
    return entry;
  };

  let closed = false;
  return {
    append(event) {
      if (closed)
        return Promise.reject(proxyError('KAMEN_PROXY_ERR_AUDIT_WRITE', 'audit log is closed', { file: path }));
      const p = queue.then(() => doAppend(event));
      queue = p.catch(() => undefined);
      return p;
    },
    checkpoint() {
      return makeCheckpoint(state.seq, state.hash, lastTime || now().toISOString(), key);
    },
    get seq() {
      return state.seq;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await fh.close();
    },
  };
}

/** Reads and verifies the last entry; the file must end with a newline (else the last write was torn). */
async function readTail(fh: FileHandle, path: string, key: Uint8Array | undefined) {
  const { size } = await fh.stat();
  if (size === 0) return { seq: 0, hash: GENESIS, size: 0, time: '' };
  const len = Math.min(size, TAIL_BYTES);
  const buf = Buffer.alloc(len);
  await fh.read(buf, 0, len, size - len);
  if (buf[len - 1] !== 0x0a) throw corrupt(path, 'the last line is incomplete (torn write)');
  const text = buf.toString('utf8', 0, len - 1);
  const nl = text.lastIndexOf('\n');
  if (nl === -1 && len < size) throw corrupt(path, 'the last line is longer than the tail window');
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(nl + 1));
  } catch {
    throw corrupt(path, 'the last line is not JSON');
  }
  const problem = entryProblem(raw, key);
  if (problem !== undefined) throw corrupt(path, `the last entry: ${problem}`);
  const last = raw as AuditEntry;
  return { seq: last.seq, hash: last.hash, size, time: last.time };
}

/**
 * The head must name the last entry. When it names an earlier one (a crash between log and head writes, or head
 * writes that failed), the whole file is verified against it; a missing head on a log of more than one entry, a
 * head beyond the end or a forged head stops the log (truncation or tampering).
 */
async function checkHead(
  path: string,
  headFile: string,
  tail: { seq: number; hash: string },
  key: Uint8Array | undefined,
): Promise<void> {
  const head = await readCheckpointFile(headFile);
  if (head === undefined) {
    if (tail.seq > 1) throw corrupt(path, 'the head file is missing');
    return;
  }
  const problem = checkpointProblem(head, key);
  if (problem !== undefined) throw corrupt(path, `head file: ${problem}`);
  const h = head as AuditCheckpoint;
  if (h.seq > tail.seq) throw corrupt(path, `head names entry ${h.seq} but the log ends at ${tail.seq} (truncated)`);
  if (h.seq === tail.seq) {
    if (!sameHex(h.hash, tail.hash)) throw corrupt(path, 'head hash differs from the last entry');
    return;
  }
  const full = await verifyAuditLog(path, { ...(key ? { key } : {}), headFile });
  if (!full.ok) throw corrupt(path, `line ${full.line}: ${full.reason}`);
}
