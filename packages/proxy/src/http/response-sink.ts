import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';

/**
 * The end of a masked body pipeline. Output is held until `bufferBytes` are reached: a body that completes within
 * that gets an exact Content-Length, and any failure before then becomes a clean 502 with no body byte sent. Past
 * it, headers go out with chunked encoding and the rest streams with backpressure; a later failure destroys the
 * socket so the client sees an aborted response, never a well-formed truncated one (PX-11).
 */
export class ResponseSink extends Writable {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private streaming = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly status: number,
    private readonly headers: OutgoingHttpHeaders,
    private readonly bufferBytes: number,
  ) {
    super();
  }

  /** True once headers (and possibly body bytes) went to the client: a failure can only abort the connection now. */
  get committed(): boolean {
    return this.streaming;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    if (!this.streaming) {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes <= this.bufferBytes) return done();
      this.streaming = true;
      this.res.writeHead(this.status, this.headers);
      const first = Buffer.concat(this.held);
      this.held = [];
      return this.send(first, done);
    }
    this.send(chunk, done);
  }

  private send(chunk: Buffer, done: (err?: Error | null) => void): void {
    if (this.res.destroyed) return done(new Error('client went away'));
    if (this.res.write(chunk)) return done();
    const onDrain = () => {
      this.res.off('close', onClose);
      done();
    };
    const onClose = () => {
      this.res.off('drain', onDrain);
      done(new Error('client went away'));
    };
    this.res.once('drain', onDrain);
    this.res.once('close', onClose);
  }

  override _final(done: (err?: Error | null) => void): void {
    if (!this.streaming) {
      const body = Buffer.concat(this.held);
      this.held = [];
      this.res.writeHead(this.status, { ...this.headers, 'content-length': body.length });
      this.res.end(body);
      done();
      return;
    }
    this.res.end();
    done();
  }
}
