import { pino, type Logger } from 'pino';

/**
 * JSON logs. Fields are chosen by the proxy, never copied from requests or bodies: no header values, no query
 * strings, paths only after masking; error messages of core never contain values. `redact` is a second line of
 * defence for the header names that carry credentials.
 */
export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'kamen-proxy' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.cookie'], remove: true },
  };
  return stream === undefined ? pino(options) : pino(options, stream as pino.DestinationStream);
}
