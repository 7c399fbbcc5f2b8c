import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Client } from 'undici';

// Load generation and process measurement for bench/proxy.ts.

export interface Target {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const TARGET_SCRIPT = fileURLToPath(new URL('./proxy-target.ts', import.meta.url));

/**
 * Starts `bench/proxy-target.ts <args>` in its own Node process and waits for its URL. `nodeArgs` go before the
 * script (V8 flags such as --max-semi-space-size), `env` is added to this process's environment.
 */
export function spawnTarget(
  args: readonly string[],
  nodeArgs: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', TARGET_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench target ${args[0]} exited (${code}) before listening`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        pid: child.pid as number,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Resident set size of a process in MB (Linux /proc; undefined elsewhere). */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (ms) a process has used so far: the scheduler's run time of each of its threads (main, libuv, V8 and
 * worker threads; Linux /proc/<pid>/task/<tid>/schedstat, in ns), undefined elsewhere. Not /proc/<pid>/stat: it
 * counts 10 ms timer ticks, too coarse a sample for requests of a few ms.
 */
export function cpuMs(pid: number): number | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let ns = 0;
  for (const tid of tasks) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread exited between listing and reading: its time is gone either way.
    }
  }
  return ns / 1e6;
}

/**
 * Waits until a process stops using CPU (under 5 % for 0.5 s, at most `maxMs`): work a proxy still does for
 * requests the load generator already gave up on must not be charged to the next measurement.
 */
export async function settle(pid: number, maxMs = 30_000): Promise<void> {
  const start = Date.now();
  let quiet = 0;
  let prev = cpuMs(pid);
  while (prev !== undefined && quiet < 2 && Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuMs(pid);
    if (now === undefined) return;
    quiet = now - prev < 12.5 ? quiet + 1 : 0;
    prev = now;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number | undefined } {
  let peak: number | undefined;
  const take = (): void => {
    const v = rssMb(pid);
    if (v !== undefined) peak = Math.max(peak ?? 0, v);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

export interface LoadResult {
  readonly rps: number;
  /** Completed responses. */
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly bytesPerResponse: number;
}

/** autocannon: `connections` closed-loop clients for `seconds`. */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const r = await autocannon({ url, headers, connections, duration: seconds, timeout: 30 });
  const total = r.requests.total;
  return {
    rps: total / r.duration,
    requests: total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: total > 0 ? r.throughput.total / total : 0,
  };
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/** The p-th percentile (nearest rank) of ascending samples. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;

/** p50 and p99 of unsorted samples. */
export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * Service times (ms) without queueing: one keep-alive connection, one request at a time, timed with hrtime
 * (autocannon's histogram has whole-millisecond resolution, too coarse for a 5 ms budget).
 */
export async function sequentialTimes(
  url: string,
  headers: Record<string, string>,
  requests: number,
): Promise<number[]> {
  const u = new URL(url);
  const client = new Client(u.origin, { pipelining: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < requests; i++) {
      const t0 = process.hrtime.bigint();
      const res = await client.request({ method: 'GET', path: u.pathname + u.search, headers });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  } finally {
    await client.close();
  }
  return times;
}

/** One response body, for the checks that the targets really serve what they should. */
export async function fetchBody(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}
