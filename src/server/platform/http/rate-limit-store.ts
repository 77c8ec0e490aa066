// SPDX-License-Identifier: EUPL-1.2
// A store for @fastify/rate-limit that counts in the database, so two or three instances behind a
// load balancer share one limit instead of each allowing the configured number (ADR 0015).
import type { FastifyRequest } from 'fastify';
import { normalizeIP, type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/connection.js';
import { hashToken } from '../auth/tokens.js';
import { rateLimitCounters } from './rate-limit-schema.js';

/** Rows of windows that ended this long ago are swept (at most once a minute per instance). */
const SWEEP_EVERY_MS = 60_000;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** The store class the plugin instantiates; every instance of it counts in `db`. */
export function databaseRateLimitStore(db: Executor): FastifyRateLimitStoreCtor {
  const sweeper = { lastSweepAt: 0 };
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly namespace = 'global',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      countHit(db, hashToken(`${this.namespace}|${key}`), timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
      sweepNowAndThen(db, sweeper);
    }

    /** A route with its own limit counts apart from the global one (as the plugin's own stores do). */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes its merged settings with the route under `routeInfo` (its types say otherwise).
      const route = (routeOptions as unknown as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? routeOptions;
      return new DatabaseRateLimitStore(undefined, `${String(route.method ?? '')} ${route.url ?? ''}`);
    }
  };
}

/**
 * One statement, so concurrent hits from every instance all count: a new key or an ended window
 * starts at 1 with a fresh window; otherwise the count goes up and the window stays.
 * The database's clock decides, not the instances' (which may differ by a little).
 */
async function countHit(db: Executor, keyHash: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const { keyHash: key, hits, windowEndsAt } = rateLimitCounters;
  // In ON CONFLICT DO UPDATE the qualified columns are the row already there, `excluded` the new one.
  const [row] = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`INSERT INTO ${rateLimitCounters} (${sql.identifier(key.name)}, ${sql.identifier(hits.name)}, ${sql.identifier(windowEndsAt.name)})
        VALUES (${keyHash}, 1, now() + ${windowMs} * interval '1 millisecond')
        ON CONFLICT (${sql.identifier(key.name)}) DO UPDATE SET
          ${sql.identifier(hits.name)} = CASE WHEN ${windowEndsAt} <= now() THEN 1 ELSE ${hits} + 1 END,
          ${sql.identifier(windowEndsAt.name)} = CASE WHEN ${windowEndsAt} <= now() THEN excluded.${sql.identifier(windowEndsAt.name)} ELSE ${windowEndsAt} END
        RETURNING ${hits} AS hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (${windowEndsAt} - now())) * 1000))::int AS ttl`,
  );
  return { current: row!.hits, ttl: row!.ttl };
}

function sweepNowAndThen(db: Executor, sweeper: { lastSweepAt: number }) {
  const now = Date.now();
  if (now - sweeper.lastSweepAt < SWEEP_EVERY_MS) return;
  sweeper.lastSweepAt = now;
  // Best effort: a failed sweep leaves rows that the next one (here or on another instance) removes.
  db.execute(sql`DELETE FROM ${rateLimitCounters} WHERE ${rateLimitCounters.windowEndsAt} < now() - interval '1 minute'`).catch(() => undefined);
}

/**
 * Whom a limit counts:
 * - a route with a limit of its own is an entry point (login, second factor, OIDC, public forms):
 *   per IP address, whatever session the caller has, so a session never buys extra login attempts
 *   (the lockout per account in login_throttle comes on top);
 * - the general limit counts a fully logged-in session on its own (colleagues behind one municipal
 *   NAT address do not share it), anyone else per IP address (IPv6 per /64 network).
 * The session is the one resolved from the database, never the cookie as sent, so inventing cookies
 * cannot buy fresh limits.
 */
export function rateLimitKeyOf(request: FastifyRequest): string {
  const session = request.session;
  const hasOwnLimit = Boolean(request.routeOptions.config?.rateLimit);
  if (!hasOwnLimit && session && session.stage === 'active') return `session:${session.id}`;
  return `ip:${normalizeIP(request.ip)}`;
}
