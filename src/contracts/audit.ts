// SPDX-License-Identifier: EUPL-1.2
// Wire contract of the audit log search (/api/v1/audit-events).
import { z } from 'zod';
import { pageOf, pagingQuerySchema } from './common.js';
import { RESOURCE_TYPES } from './roles.js';

/** Every action the audit log records (NEN 7513); the catalogue has a Dutch label for each. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'second_factor_failed',
  'second_factor_enrolled',
  'password_changed',
  'session_revoked',
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'emergency_access',
  'access_denied',
  // A FHIR Subscription notification sent (or tried) to an organisation's system: only the Task id.
  'notify',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every kind of record an audit row can be about: the access policy's resource types and the finer
 * kinds features name. Closed, so the server cannot write one the catalogue has no Dutch label for.
 */
export const AUDIT_OBJECT_TYPES = [
  // The access policy's resource types.
  ...RESOURCE_TYPES,
  // Finer kinds named by features.
  'pregnancy',
  'duplicates',
  'merge',
  'access_log',
  'access_log_export',
  'consent',
  'consent_withdrawal_notice',
  'screening',
  'enrolment',
  'birth_outcome',
  'two_year_outcome',
  // A child as a parent sees it in Mijn Kansrijke Start.
  'child',
  'demo_seed',
  'coalition_partner',
  'coalition_agreement',
  'agreement_document',
  'local_offer',
  'self_registration',
  'parent_content',
  'notification_preferences',
  'inbox_settings',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

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
