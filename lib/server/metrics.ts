import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { getDb } from "./db";

/** Prometheus metrics (prom-client), one registry per process, kept on globalThis across route bundles. */
interface Metrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method">;
  decisionLatency: Histogram<"decision" | "tier">;
  notificationAttempts: Counter<"kind" | "outcome">;
}

const holder = globalThis as typeof globalThis & { __tablewrightMetrics?: Metrics };

export function getMetrics(): Metrics {
  if (holder.__tablewrightMetrics) return holder.__tablewrightMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tablewright_" });
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: "tablewright_http_requests_total",
      help: "API requests by route template, method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "tablewright_http_request_duration_seconds",
      help: "API request latency by route template and method",
      labelNames: ["route", "method"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    decisionLatency: new Histogram({
      name: "tablewright_decision_latency_seconds",
      help: "Time from submission to a decision (approve, reject, request changes)",
      labelNames: ["decision", "tier"],
      buckets: [60, 300, 900, 3600, 4 * 3600, 24 * 3600, 3 * 86400, 7 * 86400],
      registers: [registry],
    }),
    notificationAttempts: new Counter({
      name: "tablewright_notification_attempts_total",
      help: "Notification delivery attempts made by this instance, by channel kind and outcome (delivered, retry, failed)",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
  };
  new Gauge({
    name: "tablewright_notification_deliveries",
    help: "Notification deliveries by status (read from the database at scrape time, shared by all instances)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const db = await getDb();
      const groups = await db.notificationDelivery.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const g of groups) this.set({ status: g.status }, g._count._all);
    },
  });
  new Gauge({
    name: "tablewright_change_requests",
    help: "Change requests by status (read from the database at scrape time, shared by all instances)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const db = await getDb();
      const groups = await db.changeRequest.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const g of groups) this.set({ status: g.status }, g._count._all);
    },
  });
  holder.__tablewrightMetrics = metrics;
  return metrics;
}

/** Records one API request (route is the template, never the concrete path: bounded label values). */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = getMetrics();
  m.httpRequests.inc({ route, method, status: String(status) });
  m.httpDuration.observe({ route, method }, seconds);
}

export function observeDecision(decision: string, tier: string, submittedAt: Date | null, decidedAt: Date): void {
  if (!submittedAt) return;
  getMetrics().decisionLatency.observe(
    { decision, tier },
    Math.max(0, (decidedAt.getTime() - submittedAt.getTime()) / 1000),
  );
}

/** Records one notification delivery attempt (kind: WEBHOOK, SLACK or EMAIL). */
export function observeNotificationAttempt(kind: string, outcome: "delivered" | "retry" | "failed"): void {
  getMetrics().notificationAttempts.inc({ kind: kind.toLowerCase(), outcome });
}
