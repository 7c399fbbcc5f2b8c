import type { ServerResponse } from 'node:http';
import { PROXY_ERROR_STATUS, type ProxyErrorCode } from '../errors.js';

/**
 * Answers with the proxy's own error body: the code and status only, never upstream data or stack traces (FC-06).
 * When headers already went out, the connection is destroyed instead so the client sees an aborted response.
 */
export function sendProxyError(res: ServerResponse, code: ProxyErrorCode, status = PROXY_ERROR_STATUS[code]): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, status } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
