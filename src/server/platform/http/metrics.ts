// SPDX-License-Identifier: EUPL-1.2
// GET /metrics: Prometheus text exposition format (version 0.0.4), written by hand — a few counters
// and a histogram need no client library. Operational, not part of the public API: it exists only when
// METRICS_TOKEN is configured (404 otherwise, like any unknown path), answers only to
// `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise; no session grants it), is left out of the
// OpenAPI document (which describes /api/v1) and is not logged.
//
// - kansrijk_http_requests_total{method,route,status}: requests by route pattern (never a concrete
//   URL: no ids, no query) and status; rate() gives the request rate.
// - kansrijk_http_request_duration_seconds{method,route}: latency histogram.
// - kansrijk_db_pool_connections{state}, kansrijk_db_pool_waiting_requests: the PostgreSQL pool.
// - kansrijk_audit_log_rows_total: the audit log's highest sequence (append-only; since ADR 0019 a
//   database sequence, so a rolled-back append leaves a gap: approximately the row count), read from
//   the database, so it is the same on every instance and survives restarts; rate() gives the audit
//   append rate. kansrijk_audit_checkpoint_sequence: the highest sequence in the newest signed batch
//   (ADR 0010, 0019); the difference is roughly what no checkpoint covers yet.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { queryRows, type Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import { safeEqual } from '../auth/tokens.js';
import { PROBE_ROUTE } from './request-context.js';

export const METRICS_PATH = '/metrics';
/** Upper bounds in seconds; Prometheus's defaults, plus 30 s for the slow exports. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;
/** How long the database figures may take before a scrape goes without them. */
const DATABASE_FIGURES_TIMEOUT_MS = 2_000;

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string>): string {
  return `{${Object.entries(pairs).map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}`;
}

function poolOf(database: Database): pg.Pool | null {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

async function auditFigures(database: Database): Promise<{ rows: number; checkpoint: number } | null> {
  const query = queryRows<{ rows: string | number | null; checkpoint: string | number | null }>(
    database.db,
    // The checkpoint: the highest sequence in the newest signed batch (ADR 0019), else the legacy checkpoint's row.
    sql`SELECT (SELECT max(sequence) FROM audit_log) AS rows,
          coalesce((SELECT max(l.sequence) FROM audit_log l JOIN audit_batches b ON l.xid >= b.from_xid AND l.xid < b.to_xid
                    WHERE b.batch = (SELECT max(batch) FROM audit_batch_checkpoints)), (SELECT max(sequence) FROM audit_checkpoints)) AS checkpoint`,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), DATABASE_FIGURES_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([query, timeout]);
    if (!result) return null;
    return { rows: Number(result[0]?.rows ?? 0), checkpoint: Number(result[0]?.checkpoint ?? 0) };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export function registerMetrics(app: FastifyInstance, deps: { config: Config; database: Database }) {
  const requests = new Map<string, { labels: Record<string, string>; count: number }>();
  const latencies = new Map<string, { labels: Record<string, string>; histogram: Histogram }>();

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    const status = String(reply.statusCode);
    const requestKey = `${method} ${route} ${status}`;
    const counted = requests.get(requestKey) ?? { labels: { method, route, status }, count: 0 };
    counted.count += 1;
    requests.set(requestKey, counted);

    const seconds = reply.elapsedTime / 1000;
    const latencyKey = `${method} ${route}`;
    const latency = latencies.get(latencyKey) ?? { labels: { method, route }, histogram: { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 } };
    LATENCY_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) latency.histogram.buckets[index]! += 1;
    });
    latency.histogram.sum += seconds;
    latency.histogram.count += 1;
    latencies.set(latencyKey, latency);
  });

  // Scraped every few seconds, like a probe: no log lines, no cookies, no session (PROBE_ROUTE).
  app.get(METRICS_PATH, { ...PROBE_ROUTE, schema: { hide: true } }, async (request, reply) => {
    const token = deps.config.metricsToken;
    if (!token) return reply.callNotFound();
    const authorization = request.headers.authorization;
    const offered = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
    if (!offered || !safeEqual(offered, token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="kansrijk-metrics"');
      throw new AppError('unauthenticated');
    }

    const lines: string[] = [];
    const family = (name: string, type: 'counter' | 'gauge' | 'histogram', help: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

    family('kansrijk_http_requests_total', 'counter', 'HTTP requests by method, route pattern and status.');
    for (const { labels: pairs, count } of requests.values()) lines.push(`kansrijk_http_requests_total${labels(pairs)} ${count}`);

    family('kansrijk_http_request_duration_seconds', 'histogram', 'HTTP request duration in seconds, by method and route pattern.');
    for (const { labels: pairs, histogram } of latencies.values()) {
      LATENCY_BUCKETS.forEach((bound, index) => lines.push(`kansrijk_http_request_duration_seconds_bucket${labels({ ...pairs, le: String(bound) })} ${histogram.buckets[index]}`));
      lines.push(`kansrijk_http_request_duration_seconds_bucket${labels({ ...pairs, le: '+Inf' })} ${histogram.count}`);
      lines.push(`kansrijk_http_request_duration_seconds_sum${labels(pairs)} ${histogram.sum}`);
      lines.push(`kansrijk_http_request_duration_seconds_count${labels(pairs)} ${histogram.count}`);
    }

    const pool = poolOf(deps.database);
    if (pool) {
      family('kansrijk_db_pool_connections', 'gauge', 'Connections in the PostgreSQL pool: all of them, and the idle ones.');
      lines.push(`kansrijk_db_pool_connections${labels({ state: 'total' })} ${pool.totalCount}`);
      lines.push(`kansrijk_db_pool_connections${labels({ state: 'idle' })} ${pool.idleCount}`);
      family('kansrijk_db_pool_waiting_requests', 'gauge', 'Queries waiting for a connection from the pool.');
      lines.push(`kansrijk_db_pool_waiting_requests ${pool.waitingCount}`);
    }

    const audit = await auditFigures(deps.database);
    family('kansrijk_database_up', 'gauge', '1 when the database answered the metrics query in time.');
    lines.push(`kansrijk_database_up ${audit ? 1 : 0}`);
    if (audit) {
      family('kansrijk_audit_log_rows_total', 'counter', 'Rows appended to the audit log (its sequence; the same on every instance).');
      lines.push(`kansrijk_audit_log_rows_total ${audit.rows}`);
      family('kansrijk_audit_checkpoint_sequence', 'gauge', 'The audit log row covered by the newest signed checkpoint.');
      lines.push(`kansrijk_audit_checkpoint_sequence ${audit.checkpoint}`);
    }

    const memory = process.memoryUsage();
    family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.');
    lines.push(`process_resident_memory_bytes ${memory.rss}`);
    family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.');
    lines.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
    family('process_start_time_seconds', 'gauge', 'Start time of the process since the Unix epoch, in seconds.');
    lines.push(`process_start_time_seconds ${Math.round(Date.now() / 1000 - process.uptime())}`);

    return reply
      .header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(`${lines.join('\n')}\n`);
  });
}
