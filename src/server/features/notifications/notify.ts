// SPDX-License-Identifier: EUPL-1.2
// THE way an event reaches people (issue 16): in the transaction of the action that causes it, writes
// an in-app notice for everyone who chose to hear of it, queues their mail (at once, or marks the notice
// for their daily digest), and for an organisation-inbox event also mails the organisation's functional
// address. Only rows are written: no mail server is waited for, so an outage never fails the action
// (the mail worker sends later). Each event notifies once: the same event again does nothing. A mail to
// a person is written in her language (queued with it); one to a functional address in Dutch.
import { sql, type SQL } from 'drizzle-orm';
import type { NotificationDelivery, NotificationKind, PreferredLanguage, ReminderNotificationKind } from '../../../contracts/notifications.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { deliveryFor, isInboxKind, MAIL_TEMPLATE_OF } from './domain/delivery.js';
import { notificationEvents, notifications } from './schema.js';

export type NotificationEvent =
  | {
      /** An event in an organisation's inbox: its members (as its admin and they chose) and its functional address. */
      kind: 'referral_received' | 'referral_due';
      objectId: string;
      organisationId: string;
      linkPath: string;
    }
  | {
      /** A step on a referral, for the person who sent it; `objectId` names the referral and the step, so each step notifies once. */
      kind: 'referral_status_changed';
      objectId: string;
      personId: string;
      linkPath: string;
    }
  | {
      /** Escalation: the coordinators of the organisations that serve the municipality. */
      kind: 'referral_overdue';
      objectId: string;
      municipalityCode: string;
      linkPath: string;
    }
  | {
      /**
       * A reminder to one person (a review date, a verification, the questionnaire, a self-analysis round).
       * `onceKey` names the reminder (record, stage, person): the event is `kind:onceKey`, and its mail's
       * dedupe key is `onceKey` itself, the key the reminder had when it was a mail only, so no reminder
       * mailed before is mailed again.
       */
      kind: ReminderNotificationKind;
      onceKey: string;
      personId: string;
      /** The organisation the reminder is for; null: her first active one, if any. */
      organisationId: string | null;
      linkPath: string;
    };

interface CandidateRow {
  person_id: string;
  email: string;
  /** Null only for a reminder to someone who works for no organisation. */
  organisation_id: string | null;
  is_inbox_recipient: boolean;
  chosen: NotificationDelivery | null;
  language: PreferredLanguage;
}

export function eventKeyOf(kind: NotificationKind, objectId: string): string {
  return `${kind}:${objectId}`;
}

function objectIdOf(event: NotificationEvent): string {
  return 'onceKey' in event ? event.onceKey : event.objectId;
}

/** Active members of the organisation (active people, active memberships), with the list and their choice. */
function inboxCandidates(tx: Executor, organisationId: string, kind: NotificationKind): Promise<CandidateRow[]> {
  return queryRows<CandidateRow>(
    tx,
    sql`SELECT p.id::text AS person_id, p.email, m.organisation_id::text AS organisation_id,
        (r.person_id IS NOT NULL) AS is_inbox_recipient, np.delivery AS chosen, p.preferred_language AS language
      FROM memberships m
      JOIN people p ON p.id = m.person_id AND p.is_active
      JOIN organisations o ON o.id = m.organisation_id AND o.is_active
      LEFT JOIN organisation_inbox_recipients r ON r.organisation_id = m.organisation_id AND r.person_id = p.id
      LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.kind = ${kind}
      WHERE m.organisation_id = ${organisationId}::uuid AND m.is_active
      ORDER BY p.id`,
  );
}

/** The coordinators (role coalition_coordinator) of the active organisations that serve the municipality. */
function coordinatorCandidates(tx: Executor, municipalityCode: string, kind: NotificationKind): Promise<CandidateRow[]> {
  return queryRows<CandidateRow>(
    tx,
    sql`SELECT DISTINCT ON (p.id) p.id::text AS person_id, p.email, m.organisation_id::text AS organisation_id,
        false AS is_inbox_recipient, np.delivery AS chosen, p.preferred_language AS language
      FROM organisation_municipalities om
      JOIN organisations o ON o.id = om.organisation_id AND o.is_active
      JOIN memberships m ON m.organisation_id = o.id AND m.is_active AND 'coalition_coordinator' = ANY (m.roles)
      JOIN people p ON p.id = m.person_id AND p.is_active
      LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.kind = ${kind}
      WHERE om.municipality_code = ${municipalityCode}
      ORDER BY p.id, m.organisation_id`,
  );
}

/** One person, if active, with her choice (the organisation is the one she acted for: her active memberships' first). */
function personCandidate(tx: Executor, personId: string, kind: NotificationKind): Promise<CandidateRow[]> {
  return queryRows<CandidateRow>(
    tx,
    sql`SELECT p.id::text AS person_id, p.email, m.organisation_id::text AS organisation_id, false AS is_inbox_recipient, np.delivery AS chosen,
        p.preferred_language AS language
      FROM people p
      JOIN memberships m ON m.person_id = p.id AND m.is_active
      LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.kind = ${kind}
      WHERE p.id = ${personId}::uuid AND p.is_active
      ORDER BY m.organisation_id
      LIMIT 1`,
  );
}

/** The person a reminder is for, if active, with her choice; she need not work for an organisation (a self-analysis respondent). */
function reminderCandidate(tx: Executor, personId: string, organisationId: string | null, kind: NotificationKind): Promise<CandidateRow[]> {
  return queryRows<CandidateRow>(
    tx,
    sql`SELECT p.id::text AS person_id, p.email,
        COALESCE(${organisationId}::uuid, (SELECT m.organisation_id FROM memberships m WHERE m.person_id = p.id AND m.is_active ORDER BY m.organisation_id LIMIT 1))::text
          AS organisation_id,
        false AS is_inbox_recipient, np.delivery AS chosen, p.preferred_language AS language
      FROM people p
      LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.kind = ${kind}
      WHERE p.id = ${personId}::uuid AND p.is_active`,
  );
}

export interface NotifyResult {
  /** False when this event had been notified already. */
  isNew: boolean;
  notified: number;
  mailed: number;
}

export async function notify(tx: Executor, event: NotificationEvent, now: Date): Promise<NotifyResult> {
  const eventKey = eventKeyOf(event.kind, objectIdOf(event));
  const [fresh] = await tx
    .insert(notificationEvents)
    .values({ eventKey, kind: event.kind, createdAt: now })
    .onConflictDoNothing()
    .returning({ eventKey: notificationEvents.eventKey });
  if (!fresh) return { isNew: false, notified: 0, mailed: 0 };

  const candidates =
    'onceKey' in event
      ? await reminderCandidate(tx, event.personId, event.organisationId, event.kind)
      : event.kind === 'referral_overdue'
        ? await coordinatorCandidates(tx, event.municipalityCode, event.kind)
        : event.kind === 'referral_status_changed'
          ? await personCandidate(tx, event.personId, event.kind)
          : await inboxCandidates(tx, event.organisationId, event.kind);
  const template = MAIL_TEMPLATE_OF[event.kind];
  let notified = 0;
  let mailed = 0;
  for (const candidate of candidates) {
    const delivery = deliveryFor(event.kind, { isInboxRecipient: candidate.is_inbox_recipient, chosen: candidate.chosen });
    if (delivery === 'none') continue;
    await tx
      .insert(notifications)
      .values({
        personId: candidate.person_id,
        organisationId: candidate.organisation_id,
        kind: event.kind,
        eventKey,
        linkPath: event.linkPath,
        awaitsDigest: delivery === 'email_digest',
        createdAt: now,
      })
      .onConflictDoNothing();
    notified += 1;
    if (delivery === 'email_immediate') {
      const dedupeKey = 'onceKey' in event ? event.onceKey : `${eventKey}:${candidate.person_id}`;
      await enqueueMail(tx, { template, toAddress: candidate.email, toPersonId: candidate.person_id, linkPath: event.linkPath, locale: candidate.language, dedupeKey }, now);
      mailed += 1;
    }
  }
  if (isInboxKind(event.kind) && 'organisationId' in event) {
    const [settings] = await queryRows<{ functional_address: string | null }>(
      tx,
      sql`SELECT functional_address FROM organisation_inbox_settings WHERE organisation_id = ${event.organisationId}::uuid`,
    );
    if (settings?.functional_address) {
      await enqueueMail(tx, { template, toAddress: settings.functional_address, linkPath: event.linkPath, dedupeKey: `${eventKey}:organisation` }, now);
      mailed += 1;
    }
  }
  return { isNew: true, notified, mailed };
}

/** SQL that is true when the event (kind, object id given as SQL) has been notified already: lets a periodic job skip what it did. */
export function isNotifiedSql(kind: NotificationKind, objectIdText: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM notification_events ne WHERE ne.event_key = ${`${kind}:`} || ${objectIdText})`;
}
