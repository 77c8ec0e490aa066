// SPDX-License-Identifier: EUPL-1.2
// Wire contract of the audit log search (/api/v1/audit-events).
import { z } from 'zod';
import { pageOf, pagingQuerySchema } from './common.js';

export const auditEventSchema = z
  .object({
    sequence: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    onBehalfOfId: z.uuid().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    clientId: z.uuid().nullable(),
    outcome: z.enum(['success', 'denied', 'failure']),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventSchema>;
export const auditEventPageSchema = pageOf(auditEventSchema, 'AuditEventPage');

export const auditQuerySchema = pagingQuerySchema.extend({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  actorId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  objectId: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  objectType: z.string().max(40).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
});
