import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The proxy's Prometheus metrics, on a registry of its own (several proxies in one process stay apart). */
export interface ProxyMetrics {
  readonly registry: Registry;
  /** Requests by role and outcome (`ok`, `masked`, `passthrough`, `blocked`, `rejected`, `upstream_error`, `failed`…). */
  readonly requests: Counter<'role' | 'outcome'>;
  /** Values masked, by entity or field type. */
  readonly maskedValues: Counter<'type'>;
  readonly latency: Histogram<'role' | 'outcome'>;
  /** Upstream failures by kind (`connect`, `timeout`, `reset`, `other`). */
  readonly upstreamErrors: Counter<'kind'>;
  /** Responses blocked for masked roles, by reason (`content_type`, `charset`, `body_limit`, `decompress`, `mask`). */
  readonly blocked: Counter<'reason'>;
}

export function createMetrics(withDefaults = false): ProxyMetrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'kamen_proxy_' });
  return {
    registry,
    requests: new Counter({
      name: 'kamen_proxy_requests_total',
      help: 'Requests by role and outcome',
      labelNames: ['role', 'outcome'] as const,
      registers: [registry],
    }),
    maskedValues: new Counter({
      name: 'kamen_proxy_masked_values_total',
      help: 'Values masked in response bodies, by entity or field type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'kamen_proxy_request_duration_seconds',
      help: 'Time from request to the last response byte',
      labelNames: ['role', 'outcome'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'kamen_proxy_upstream_errors_total',
      help: 'Upstream failures by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    blocked: new Counter({
      name: 'kamen_proxy_blocked_responses_total',
      help: 'Responses refused for masked roles, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
  };
}
