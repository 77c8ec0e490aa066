// SPDX-License-Identifier: EUPL-1.2
// Wire contract of the platform admin's mail page (issue 16 item 1): the outbox with its state per
// mail — never the content, and the address only masked — a dead letter sent again, and, only in the
// development mode where mails are written to a folder, a sent mail's subject and text.
import { z } from 'zod';
import { dateTimeStringSchema, pagingQuerySchema } from './common.js';

/** The mail templates (each a subject and a text in the catalogue's `mail` section). */
export const MAIL_TEMPLATES = ['invitation', 'newReferral', 'referralDue', 'referralOverdue', 'referralStatusChanged', 'digest', 'serviceVerification', 'analysisInvitation', 'analysisReminder', 'analysisReminderByLink', 'agreementReview', 'pathwayReview', 'questionnaireOpen', 'questionnaireDeadline'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** pending: waiting for (another) attempt; sent; dead: no more attempts (the dead-letter list). */
export const MAIL_STATUSES = ['pending', 'sent', 'dead'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const mailOutboxQuerySchema = pagingQuerySchema.extend({
  status: z.enum(MAIL_STATUSES).optional(),
});

export const mailOutboxItemSchema = z
  .object({
    id: z.uuid(),
    template: z.string(),
    status: z.enum(MAIL_STATUSES),
    /** The address masked: the first letter of the mailbox and the domain (j***@example.nl). */
    recipient: z.string(),
    attempts: z.number().int(),
    /** When the next attempt is due; null once sent or dead. */
    nextAttemptAt: dateTimeStringSchema.nullable(),
    /** What went wrong at the last attempt, as a kind and a code (e.g. EENVELOPE 550). */
    lastError: z.string().nullable(),
    createdAt: dateTimeStringSchema,
    sentAt: dateTimeStringSchema.nullable(),
  })
  .meta({ id: 'MailOutboxItem' });
export type MailOutboxItem = z.infer<typeof mailOutboxItemSchema>;

export const mailOutboxPageSchema = z
  .object({
    items: z.array(mailOutboxItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** True in the development mode (mails written to a folder): a sent mail can then be shown. */
    canPreview: z.boolean(),
  })
  .meta({ id: 'MailOutboxPage' });
export type MailOutboxPage = z.infer<typeof mailOutboxPageSchema>;

export const mailPreviewSchema = z.object({ id: z.uuid(), subject: z.string(), text: z.string() }).meta({ id: 'MailPreview' });
export type MailPreview = z.infer<typeof mailPreviewSchema>;
