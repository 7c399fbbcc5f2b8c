import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { coreError } from '../errors.js';
import type { KeyRing } from './keyring.js';
import { createKeyRing, type KeyEntry } from './key-ring.js';

/**
 * Key file format (JSON):
 * `{ "version": 1, "primary": "k1", "keys": [ { "id": "k1", "key": "<base64 of 32 bytes>", "created": "<ISO>" } ] }`
 * @public
 */
export interface KeyFile {
  readonly version: 1;
  readonly primary: string;
  readonly keys: readonly { readonly id: string; readonly key: string; readonly created?: string }[];
}

const BASE64 = /^[A-Za-z0-9+/]{43}=$/u;
const BASE64URL = /^[\w-]{43}$/u;

function decodeKey(text: string, id: string): Uint8Array {
  const t = text.trim();
  if (!BASE64.test(t) && !BASE64URL.test(t))
    throw coreError('KAMEN_ERR_KEY_FILE', `key '${id}' is not base64 of 32 bytes`);
  return new Uint8Array(Buffer.from(t, BASE64.test(t) ? 'base64' : 'base64url'));
}

/** Parses key-file JSON (or, when `allowBare`, a single base64 key that becomes id 'k1'). Never echoes the text. */
export function parseKeyRing(text: string, allowBare = false): KeyRing {
  const trimmed = text.trim();
  if (allowBare && !trimmed.startsWith('{')) return createKeyRing([{ id: 'k1', key: decodeKey(trimmed, 'k1') }], 'k1');
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    throw coreError('KAMEN_ERR_KEY_FILE', 'not valid JSON');
  }
  const d = doc as Partial<KeyFile> | null;
  if (d === null || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.keys))
    throw coreError('KAMEN_ERR_KEY_FILE', 'expected { "version": 1, "primary": …, "keys": [ … ] }');
  const entries: KeyEntry[] = d.keys.map((k: unknown, i) => {
    const e = k as { id?: unknown; key?: unknown; created?: unknown } | null;
    if (e === null || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.key !== 'string')
      throw coreError('KAMEN_ERR_KEY_FILE', `keys[${i}] needs string "id" and "key"`);
    return {
      id: e.id,
      key: decodeKey(e.key, typeof e.id === 'string' ? `#${i}` : '?'),
      ...(typeof e.created === 'string' ? { created: e.created } : {}),
    };
  });
  if (d.primary !== undefined && typeof d.primary !== 'string')
    throw coreError('KAMEN_ERR_KEY_FILE', '"primary" must be a key id');
  return createKeyRing(entries, d.primary);
}

/**
 * KM-07: a key file must be a regular file (not a symlink), owned by the current user, and not readable or
 * writable by group or others. Checked with lstat before opening and fstat after (no swap in between).
 */
function checkPermissions(
  path: string,
  st: { isFile(): boolean; isSymbolicLink(): boolean; mode: number; uid: number },
): void {
  if (st.isSymbolicLink()) throw coreError('KAMEN_ERR_KEY_PERMISSIONS', 'key file is a symlink', { file: path });
  if (!st.isFile()) throw coreError('KAMEN_ERR_KEY_PERMISSIONS', 'key file is not a regular file', { file: path });
  if ((st.mode & 0o066) !== 0)
    throw coreError('KAMEN_ERR_KEY_PERMISSIONS', `key file mode is ${(st.mode & 0o777).toString(8)}; run chmod 600`, {
      file: path,
    });
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && st.uid !== uid)
    throw coreError('KAMEN_ERR_KEY_PERMISSIONS', 'key file is not owned by the current user', { file: path });
}

/**
 * Loads a key file after the KM-07 permission checks. Errors: KAMEN_ERR_KEY_PERMISSIONS, KAMEN_ERR_KEY_FILE.
 * @public
 */
export function loadKeyRing(path: string): KeyRing {
  let fd: number;
  try {
    checkPermissions(path, lstatSync(path));
    // O_NOFOLLOW: a symlink swapped in after lstat fails to open instead of being followed.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('KAMEN_ERR_') === true) throw err;
    throw coreError('KAMEN_ERR_KEY_FILE', 'cannot open key file', { file: path }, err);
  }
  try {
    checkPermissions(path, fstatSync(fd));
    const text = readFileSync(fd, 'utf8');
    try {
      return parseKeyRing(text);
    } catch (err) {
      throw coreError('KAMEN_ERR_KEY_FILE', (err as Error).message, { file: path });
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a ring from environment variable `name` (key-file JSON or one base64 key) and deletes the variable,
 * so child processes and later dumps of process.env do not carry it. Undefined when the variable is unset.
 * @public
 */
export function keyRingFromEnv(name: string): KeyRing | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  Reflect.deleteProperty(process.env, name);
  return parseKeyRing(value, true);
}

/**
 * Writes a new key file with one fresh random key (id 'k1') and mode 0600. Atomic: written to a temp file in
 * the same directory, then hard-linked into place, which fails rather than overwrite an existing file.
 * @public
 */
export function generateKeyFile(path: string, id = 'k1'): void {
  const file: KeyFile = {
    version: 1,
    primary: id,
    keys: [{ id, key: randomBytes(32).toString('base64'), created: new Date().toISOString() }],
  };
  createKeyRing([{ id, key: new Uint8Array(32) }]); // validates the id before anything touches the disk
  const tmp = join(dirname(path), `.kamen-key-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    } finally {
      closeSync(fd);
    }
    // link() refuses an existing target; rename() would silently replace it.
    linkSync(tmp, path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw coreError(
      'KAMEN_ERR_KEY_FILE',
      code === 'EEXIST' ? 'key file already exists; refusing to overwrite' : 'cannot write key file',
      { file: path },
      err,
    );
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
  }
}
