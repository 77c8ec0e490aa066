// SPDX-License-Identifier: EUPL-1.2
// Wire contract of notifications (issue 16 items 4 and 5): a person's in-app notices, their unread
// count, their preferences per event, and an organisation's inbox settings (functional address, who
// receives the inbox notices). A notice holds no personal data: only what kind of event it is and a
// link (behind login) to the object it is about.
import { z } from 'zod';
import { dateTimeStringSchema, emailSchema, pageOf, pagingQuerySchema } from './common.js';

/**
 * - referral_received: a new referral in the organisation's inbox (sent or forwarded to it)
 * - referral_due: a referral in the inbox reaches the last day of its response deadline
 * - referral_overdue: a referral is past its deadline: escalated to the coordinators of its municipality
 * - referral_status_changed: the receiver took a step on a referral (accepted, rejected, started, completed,
 *   put on hold, resumed): told to the person who sent it, so the sender sees the loop close
 * The reminders, each to one person (REMINDER_NOTIFICATION_KINDS):
 * - agreement_review: a collaboration agreement nears or passes its review date (the coalition's coordinator)
 * - pathway_review: a care pathway nears or passes its review date (the keeping coalition's coordinator)
 * - service_verification: services of the organisation on the social map must be confirmed (its admins)
 * - questionnaire_open: the yearly questionnaire opened (policy officers)
 * - questionnaire_deadline: a municipality's questionnaire is not submitted and its deadline is near (its policy officers)
 * - analysis_reminder: a self-analysis round one was invited to closes soon and one has not answered (respondents with an account)
 */
export const REMINDER_NOTIFICATION_KINDS = ['agreement_review', 'pathway_review', 'service_verification', 'questionnaire_open', 'questionnaire_deadline', 'analysis_reminder'] as const;
export type ReminderNotificationKind = (typeof REMINDER_NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KINDS = ['referral_received', 'referral_due', 'referral_overdue', 'referral_status_changed', ...REMINDER_NOTIFICATION_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Events that concern an organisation's inbox: its functional address is mailed too, and its admin chooses who hears of them. */
export const INBOX_NOTIFICATION_KINDS: readonly NotificationKind[] = ['referral_received', 'referral_due'];

/** How a person hears of an event: not at all, only in Kansrijk, or also by e-mail (at once, or in one mail a day). */
export const NOTIFICATION_DELIVERIES = ['none', 'in_app', 'email_immediate', 'email_digest'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** The language a person's mails are written in (Dutch unless she chose English). */
export const PREFERRED_LANGUAGES = ['nl', 'en'] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    linkPath: z.string().meta({ description: 'Pad binnen Kansrijk (achter inloggen) naar waar de melding over gaat.' }),
    createdAt: dateTimeStringSchema,
    readAt: dateTimeStringSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = pageOf(notificationSchema, 'NotificationPage');
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationQuerySchema = pagingQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'true: alleen ongelezen meldingen.' }),
});

export const unreadCountSchema = z.object({ unread: z.number().int().min(0) }).meta({ id: 'NotificationUnreadCount' });

export const notificationPreferenceSchema = z
  .object({ kind: z.enum(NOTIFICATION_KINDS), delivery: z.enum(NOTIFICATION_DELIVERIES) })
  .meta({ id: 'NotificationPreference' });
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const notificationPreferencesSchema = z
  .object({
    preferences: z.array(notificationPreferenceSchema),
    /** Whether the person's own organisation lists them as a recipient of its inbox notices. */
    isInboxRecipient: z.boolean(),
    /** The language of the person's mails. */
    language: z.enum(PREFERRED_LANGUAGES),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

const preferenceListSchema = z
  .array(notificationPreferenceSchema)
  .min(1)
  .max(NOTIFICATION_KINDS.length)
  .refine((list) => new Set(list.map((entry) => entry.kind)).size === list.length, { message: 'Elke soort melding mag maar één keer voorkomen.' });

/** An organisation admin sets a member's choices per kind (not her language: that is hers alone). */
export const notificationPreferencesUpdateSchema = z
  .object({ preferences: preferenceListSchema })
  .strict()
  .meta({ id: 'NotificationPreferencesUpdate' });
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdateSchema>;

/** A person sets her own choices per kind, the language of her mails, or both. */
export const ownNotificationPreferencesUpdateSchema = z
  .object({
    preferences: preferenceListSchema.optional(),
    language: z.enum(PREFERRED_LANGUAGES, { error: 'Kies Nederlands (nl) of Engels (en).' }).optional(),
  })
  .strict()
  .refine((update) => update.preferences !== undefined || update.language !== undefined, { message: 'Geef voorkeuren voor meldingen, een taal, of beide.' })
  .meta({ id: 'OwnNotificationPreferencesUpdate' });
export type OwnNotificationPreferencesUpdate = z.infer<typeof ownNotificationPreferencesUpdateSchema>;

export const inboxSettingsSchema = z
  .object({
    organisationId: z.uuid(),
    functionalAddress: z.string().nullable(),
    /** The organisation's members, each with whether they receive the inbox notices. */
    members: z.array(z.object({ personId: z.uuid(), name: z.string(), isRecipient: z.boolean() })),
  })
  .meta({ id: 'InboxNotificationSettings' });
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;

export const inboxSettingsUpdateSchema = z
  .object({
    functionalAddress: z.union([emailSchema, z.literal('')]).nullable(),
    recipientIds: z.array(z.uuid()).max(1000),
  })
  .strict()
  .meta({ id: 'InboxNotificationSettingsUpdate' });
export type InboxSettingsUpdate = z.infer<typeof inboxSettingsUpdateSchema>;
