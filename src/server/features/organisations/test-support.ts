// SPDX-License-Identifier: EUPL-1.2
// Test helpers for the organisation, people and audit API tests: requests as a demo person, and
// the audit rows a request left behind.
import { asc, gt, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { auditLog } from '../../platform/audit/schema.js';
import { sessionFor, type TestSession } from '../../../../test/helpers/sessions.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';

export type AuditRow = typeof auditLog.$inferSelect;

export async function lastAuditSequence(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ last: sql<number>`coalesce(max(${auditLog.sequence}), 0)::int` }).from(auditLog);
  return row?.last ?? 0;
}

export async function auditRowsAfter(t: TestApp, sequence: number): Promise<AuditRow[]> {
  return t.database.db.select().from(auditLog).where(gt(auditLog.sequence, sequence)).orderBy(asc(auditLog.sequence));
}

export interface Caller {
  session: TestSession;
  request(method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Runs the request and returns its response with the audit rows it wrote. */
  audited(method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<{
    response: LightMyRequestResponse;
    rows: AuditRow[];
  }>;
}

/** A logged-in demo person (by key), acting for a demo organisation (by key). */
export async function callerFor(t: TestApp, personKey: string, organisationKey?: string): Promise<Caller> {
  const session = await sessionFor(t, personKey, organisationKey);
  const request: Caller['request'] = (method, url, payload, headers) =>
    t.app.inject({
      method,
      url,
      headers: { ...session.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    session,
    request,
    async audited(method, url, payload, headers) {
      const before = await lastAuditSequence(t);
      const response = await request(method, url, payload, headers);
      return { response, rows: await auditRowsAfter(t, before) };
    },
  };
}
