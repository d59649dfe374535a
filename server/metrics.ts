// Prometheus metrics of one server (a registry of its own, so two servers in one process — tests —
// do not share counters): requests, latency, errors by problem type, the rules version, reloads.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export class ServeMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'zige_http_requests_total', help: 'HTTP requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'zige_http_request_duration_seconds',
    help: 'Time from a request’s first byte to its answer',
    labelNames: ['route'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({ name: 'zige_http_errors_total', help: 'Problem responses, by problem type', labelNames: ['type'], registers: [this.registry] });
  readonly rules = new Gauge({ name: 'zige_rules_info', help: 'The rules version answering (1 for the current version)', labelNames: ['version'], registers: [this.registry] });
  readonly reloads = new Counter({ name: 'zige_rules_reloads_total', help: 'Rule reloads, by outcome (swapped, kept: the new rules did not check)', labelNames: ['outcome'], registers: [this.registry] });
  readonly inFlight: Gauge;

  /** `inFlight`: the requests in progress, read when the metrics are scraped (not set per request). */
  constructor(inFlight: () => number) {
    this.inFlight = new Gauge({
      name: 'zige_http_requests_in_flight',
      help: 'Requests in progress',
      registers: [this.registry],
      collect() {
        this.set(inFlight());
      },
    });
  }

  /** Marks `version` as the one answering. */
  setVersion(version: string): void {
    this.rules.reset();
    this.rules.set({ version }, 1);
  }
}
