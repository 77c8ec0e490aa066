// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the auth feature (/api/v1/auth/*, /api/v1/invitations/*).
import { z } from 'zod';
import { roleSchema } from './roles.js';
import { emailSchema } from './common.js';

export const sessionStageSchema = z.enum(['second_factor', 'enrolment', 'active']);

export const sessionInfoSchema = z
  .object({
    stage: sessionStageSchema,
    person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    /** The organisation the person acts for now; null if they have none. */
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    roles: z.array(roleSchema),
    /** Every organisation the person works for, to switch between. */
    organisations: z.array(z.object({ id: z.uuid(), name: z.string(), roles: z.array(roleSchema) })),
    hasTwoFactor: z.boolean(),
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(1024) }).meta({ id: 'LoginRequest' });

/** A 6-digit TOTP code, or one of the recovery codes. */
export const secondFactorRequestSchema = z
  .object({ code: z.string().trim().min(6).max(32) })
  .meta({ id: 'SecondFactorRequest' });

/** Replacing an existing second factor: the password and a current code or a recovery code. */
export const enrolmentRequestSchema = z
  .object({ currentPassword: z.string().max(1024).optional(), code: z.string().trim().max(32).optional() })
  .meta({ id: 'TwoFactorEnrolmentRequest' });

export const enrolmentSchema = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'TwoFactorEnrolment' });

export const enrolmentConfirmationSchema = z
  .object({ recoveryCodes: z.array(z.string()), session: sessionInfoSchema })
  .meta({ id: 'TwoFactorEnrolmentConfirmation' });

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .meta({ id: 'PasswordChange' });

export const activeOrganisationSchema = z.object({ organisationId: z.uuid() }).meta({ id: 'ActiveOrganisation' });

export const sessionListItemSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    isCurrent: z.boolean(),
  })
  .meta({ id: 'SessionListItem' });

export const authOptionsSchema = z.object({ hasOidc: z.boolean() }).meta({ id: 'AuthOptions' });

export const invitationInfoSchema = z.object({ name: z.string(), email: z.string() }).meta({ id: 'InvitationInfo' });
export const invitationAcceptSchema = z.object({ password: z.string().min(1).max(1024) }).meta({ id: 'InvitationAccept' });
export const invitationTokenParamSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Ongeldige uitnodigingscode.') });
