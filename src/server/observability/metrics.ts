/**
 * Prometheus metrics in text exposition format, kept in memory per process (each server
 * process is scraped on its own): requests and latency by route, SSE clients, sync lag.
 */

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const lagBuckets = [0, 1, 10, 100, 1_000, 10_000, 100_000];

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count++;
    this.buckets.forEach((le, i) => {
      if (value <= le) this.counts[i]!++;
    });
  }
}

const escapeLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: Record<string, string>) =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

export class Metrics {
  private readonly requests = new Map<string, { labels: Record<string, string>; n: number }>();
  private readonly latency = new Map<string, Histogram>();
  private readonly pullLag = new Histogram(lagBuckets);
  private mutations = { applied: 0, conflict: 0, rejected: 0 };
  sseClients = 0;
  /** Newest sequence this process knows of. */
  headSeq = 0;

  recordRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    const entry = this.requests.get(key);
    if (entry) entry.n++;
    else this.requests.set(key, { labels: { method, route, status: String(status) }, n: 1 });
    const hkey = `${method} ${route}`;
    let histogram = this.latency.get(hkey);
    if (!histogram) {
      histogram = new Histogram(latencyBuckets);
      this.latency.set(hkey, histogram);
    }
    histogram.observe(seconds);
  }

  /** How many events behind the head a client was when it pulled. */
  recordPull(after: number, head: number): void {
    this.pullLag.observe(Math.max(0, head - after));
  }

  recordMutation(status: 'applied' | 'conflict' | 'rejected'): void {
    this.mutations[status]++;
  }

  render(): string {
    const out: string[] = [];
    out.push('# HELP saksbord_http_requests_total HTTP requests by route and status.');
    out.push('# TYPE saksbord_http_requests_total counter');
    for (const { labels: l, n } of this.requests.values()) {
      out.push(`saksbord_http_requests_total${labels(l)} ${n}`);
    }
    out.push('# HELP saksbord_http_request_duration_seconds Request latency by route.');
    out.push('# TYPE saksbord_http_request_duration_seconds histogram');
    for (const [key, h] of this.latency) {
      const [method, route] = key.split(' ') as [string, string];
      this.renderHistogram(out, 'saksbord_http_request_duration_seconds', h, { method, route });
    }
    out.push('# HELP saksbord_sse_clients Open Server-Sent Events streams.');
    out.push('# TYPE saksbord_sse_clients gauge');
    out.push(`saksbord_sse_clients ${this.sseClients}`);
    out.push('# HELP saksbord_sync_head_seq Newest sequence number known to this process.');
    out.push('# TYPE saksbord_sync_head_seq gauge');
    out.push(`saksbord_sync_head_seq ${this.headSeq}`);
    out.push(
      '# HELP saksbord_sync_pull_lag_events How far behind the head clients were when pulling.',
    );
    out.push('# TYPE saksbord_sync_pull_lag_events histogram');
    this.renderHistogram(out, 'saksbord_sync_pull_lag_events', this.pullLag, {});
    out.push('# HELP saksbord_sync_mutations_total Pushed mutations by outcome.');
    out.push('# TYPE saksbord_sync_mutations_total counter');
    for (const [status, n] of Object.entries(this.mutations)) {
      out.push(`saksbord_sync_mutations_total${labels({ status })} ${n}`);
    }
    return `${out.join('\n')}\n`;
  }

  private renderHistogram(
    out: string[],
    name: string,
    h: Histogram,
    base: Record<string, string>,
  ): void {
    h.buckets.forEach((le, i) => {
      out.push(`${name}_bucket${labels({ ...base, le: String(le) })} ${h.counts[i]}`);
    });
    out.push(`${name}_bucket${labels({ ...base, le: '+Inf' })} ${h.count}`);
    const suffix = Object.keys(base).length ? labels(base) : '';
    out.push(`${name}_sum${suffix} ${h.sum}`);
    out.push(`${name}_count${suffix} ${h.count}`);
  }
}
