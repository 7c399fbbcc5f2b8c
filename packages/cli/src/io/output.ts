import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where masked bytes go: stdout, or a file that appears only complete (CLI-02). */
export interface OutputSink {
  /** Writes bytes; resolves when they are accepted (backpressure). Rejects with EPIPE when the reader left. */
  write(bytes: Uint8Array): Promise<void>;
  /** Finishes: stdout is flushed; a file is fsynced and renamed over the target. */
  commit(): Promise<void>;
  /** Gives up: a file's temp copy is removed and the target left as it was. Safe more than once. */
  abort(): Promise<void>;
}

/** Temp files of sinks not yet committed: removed synchronously when a signal ends the process. */
const liveTemps = new Set<string>();

/** Removes every uncommitted temp file (for SIGINT/SIGTERM handlers, which must not wait). */
export function removeTempFilesSync(): void {
  for (const tmp of liveTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

/** Opens the output: a temp file next to `path` (same file system, so rename is atomic), else stdout. */
export async function openOutput(path: string | undefined, stdout: NodeJS.WritableStream): Promise<OutputSink> {
  return path === undefined || path === '-' ? stdoutSink(stdout) : fileSink(path);
}

async function fileSink(path: string): Promise<OutputSink> {
  const tmp = join(dirname(path), `.${basename(path)}.kamen-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fh: FileHandle = await open(tmp, 'wx');
  liveTemps.add(tmp);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await fh.close();
  };
  return {
    async write(bytes) {
      let off = 0;
      while (off < bytes.length) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten;
    },
    async commit() {
      await fh.sync();
      await close();
      await rename(tmp, path);
      liveTemps.delete(tmp);
      // The rename itself is durable only once the directory is synced (best effort: not every FS allows it).
      try {
        const dir = await open(dirname(path), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
      } catch {
        // e.g. EISDIR/EPERM on some file systems; the data itself is synced
      }
    },
    async abort() {
      try {
        await close();
      } catch {
        // closing failed; the unlink below still removes the name
      }
      if (liveTemps.delete(tmp)) await unlink(tmp).catch(() => undefined);
    },
  };
}

function stdoutSink(stdout: NodeJS.WritableStream): OutputSink {
  let failure: Error | undefined;
  // Without a listener an EPIPE would be an uncaught exception; record it and reject the next write instead.
  const onError = (err: Error): void => {
    failure ??= err;
  };
  stdout.on('error', onError);
  const waitDrain = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const done = (): void => {
        stdout.off('drain', done);
        stdout.off('error', fail);
        resolve();
      };
      const fail = (err: Error): void => {
        stdout.off('drain', done);
        stdout.off('error', fail);
        reject(err);
      };
      stdout.on('drain', done);
      stdout.on('error', fail);
    });
  return {
    async write(bytes) {
      if (failure !== undefined) throw failure;
      if (!stdout.write(bytes)) await waitDrain();
      if (failure !== undefined) throw failure;
    },
    async commit() {
      if (failure !== undefined) throw failure;
      // Resolves once everything written so far has been handed to the OS.
      await new Promise<void>((resolve, reject) => stdout.write('', (err) => (err ? reject(err) : resolve())));
    },
    async abort() {
      stdout.off('error', onError);
      stdout.on('error', () => undefined);
    },
  };
}
