// The part of autocannon's programmatic API bench/proxy-load.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Stats {
    readonly average: number;
    readonly mean: number;
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
  }
  interface Result {
    readonly requests: Stats & { readonly total: number };
    readonly latency: Stats;
    readonly throughput: Stats & { readonly total: number };
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
