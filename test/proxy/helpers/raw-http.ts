import { connect } from 'node:net';

/**
 * Sends raw bytes to host:port and collects everything the server answers until it closes the connection (or
 * `idleMs` pass without data). For smuggling and grammar cases that no HTTP client would send.
 */
export function rawRequest(url: string, bytes: string | Buffer, idleMs = 1500): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let timer = setTimeout(() => socket.destroy(), idleMs);
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), idleMs);
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(bytes);
  });
}

/** The status code of the first response in raw HTTP output (0 = none). */
export function statusOf(raw: string): number {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
  return m === null ? 0 : Number(m[1]);
}
