/** A one-line progress display on a TTY stderr: bytes, records, rate and ETA. Silent when stderr is piped. */
export interface Progress {
  update(records: number): void;
  /** Clears the line (before the summary or an error message). */
  done(): void;
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

export function createProgress(
  stderr: NodeJS.WritableStream,
  bytesRead: () => number,
  totalBytes: number | undefined,
): Progress {
  if ((stderr as { isTTY?: boolean }).isTTY !== true) return { update: () => undefined, done: () => undefined };
  const start = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(records) {
      const now = performance.now();
      if (now - last < 200) return; // a few redraws a second is enough, and cheap
      last = now;
      const secs = (now - start) / 1000;
      const bytes = bytesRead();
      const rate = secs > 0 ? bytes / secs : 0;
      let line = `  ${mb(bytes)}`;
      if (totalBytes !== undefined && totalBytes > 0) {
        line += ` / ${mb(totalBytes)} ${Math.min(100, Math.floor((bytes / totalBytes) * 100))}%`;
        if (rate > 0) line += `  ETA ${Math.max(0, Math.round((totalBytes - bytes) / rate))} s`;
      }
      line += `  ${records.toLocaleString('en-US')} records  ${mb(rate)}/s`;
      stderr.write(`\r\x1b[K${line}`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
