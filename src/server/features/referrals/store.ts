// SPDX-License-Identifier: EUPL-1.2
// Queries the consent and referral use-cases share: who may see a referral (locateReferral), the
// consent check for a receiver, the deadline per receiving organisation, and the views sent out.
import type { AuditObjectType } from '../../../contracts/audit.js';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { Actor, Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { ActOnRecord } from '../../platform/access/scoped-store.js';
import { AppError } from '../../platform/errors.js';
import type { Consent, ConsentStatus, Referral, ReferralListItem, SharedClient } from '../../../contracts/referrals.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { amsterdamMidnight, DEFAULT_RESPONSE_WORKING_DAYS } from './domain/deadline.js';
import {
  CONSENT_INVALID_MESSAGES,
  consentInvalidReason,
  mayReferWithoutConsent,
  type Consent as DomainConsent,
  type ConsentPurpose,
  type DataCategory,
} from './domain/consent.js';
import type { ReferralOutcome, ReferralState, ReferralStatus, HoldableStatus } from './domain/referral-state.js';
import { isOpen } from './domain/referral-state.js';
import { unwrap } from '../../platform/domain/result.js';
import { familyVisibleTo, locateFamily } from '../families/care-access.js';
import { referralActions } from './referral-actions.js';
import { enqueueTaskNotifications } from '../subscriptions/enqueue-task-notifications.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;

/** The message for cancelling open referrals when the consent they were sent under is withdrawn. */
export const CONSENT_WITHDRAWN_REASON = 'toestemming ingetrokken';

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

// ── Consent ─────────────────────────────────────────────────────────────────────────────────────

export interface ConsentRow {
  id: string;
  family_id: string;
  given_by: 'client' | 'legal_representative';
  representative_name: string | null;
  receiver_organisation_id: string;
  receiver_organisation_name: string;
  purposes: string[];
  data_categories: string[];
  form: 'verbal' | 'written';
  given_on: string;
  valid_until: string;
  withdrawn_at: Date | string | null;
  recorded_by_organisation_name: string;
  created_at: Date | string;
}

const CONSENT_COLUMNS = sql`c.id::text, c.family_id::text, c.given_by, c.representative_name, c.receiver_organisation_id::text,
  ro.name AS receiver_organisation_name, c.purposes, c.data_categories, c.form, c.given_on::text AS given_on,
  c.valid_until::text AS valid_until, c.withdrawn_at, rb.name AS recorded_by_organisation_name, c.created_at`;

export async function findConsents(tx: Executor, where: SQL, lock = false): Promise<ConsentRow[]> {
  return queryRows<ConsentRow>(
    tx,
    sql`SELECT ${CONSENT_COLUMNS} FROM consents c
      JOIN organisations ro ON ro.id = c.receiver_organisation_id
      JOIN organisations rb ON rb.id = c.recorded_by_organisation_id
      WHERE ${where} ORDER BY c.created_at DESC, c.id ${lock ? sql`FOR UPDATE OF c` : sql``}`,
  );
}

/**
 * The domain's view of a stored consent. Stored dates are whole days (Amsterdam): valid from 00:00
 * on the day it was given through the last moment of `valid_until` — the same rule as care-access.
 */
export function toDomainConsent(row: ConsentRow, purpose: ConsentPurpose): DomainConsent {
  const purposes = row.purposes as ConsentPurpose[];
  return {
    id: row.id,
    givenBy: row.given_by === 'legal_representative' ? { kind: 'legal_representative', name: row.representative_name ?? '', relationship: 'other' } : { kind: 'client' },
    receivingOrganisationId: row.receiver_organisation_id,
    // Stored as a list; the domain checks one purpose: the asked one when covered, else any other.
    purpose: purposes.includes(purpose) ? purpose : (purposes[0] ?? purpose),
    dataCategories: row.data_categories as DataCategory[],
    form: row.form,
    givenAt: amsterdamMidnight(row.given_on),
    validUntil: amsterdamMidnight(addDays(row.valid_until, 1)),
    withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at),
  };
}

export function consentStatusOf(row: ConsentRow, now: Date): ConsentStatus {
  if (row.withdrawn_at !== null) return 'withdrawn';
  const today = amsterdamDate(now);
  if (row.given_on > today) return 'not_yet_valid';
  if (row.valid_until < today) return 'expired';
  return 'valid';
}

export function toConsent(row: ConsentRow, now: Date): Consent {
  return {
    id: row.id,
    familyId: row.family_id,
    givenBy: row.given_by,
    representativeName: row.representative_name,
    receiverOrganisationId: row.receiver_organisation_id,
    receiverOrganisationName: row.receiver_organisation_name,
    purposes: row.purposes,
    dataCategories: row.data_categories,
    form: row.form,
    givenOn: row.given_on,
    validUntil: row.valid_until,
    withdrawnAt: iso(row.withdrawn_at),
    status: consentStatusOf(row, now),
    recordedByOrganisationName: row.recorded_by_organisation_name,
    createdAt: iso(row.created_at)!,
  };
}

export interface SharingBasis {
  consentId: string | null;
  legalGround: string | null;
  justification: string | null;
}

/**
 * What a referral (or forward) to this receiver may leave on: a valid consent of this family for this
 * receiver with purpose 'referral', or — only without consent — a legal ground with its justification.
 * Locks the consent row, so a withdrawal running at the same moment waits for this transaction.
 */
export async function sharingBasis(
  tx: Executor,
  input: { familyId: string; receiverOrganisationId: string; consentId?: string | undefined; legalGround?: string | undefined; justification?: string | undefined },
  now: Date,
): Promise<SharingBasis> {
  const hasLegalGround = input.legalGround !== undefined && input.legalGround !== '';
  if (input.consentId && hasLegalGround) {
    throw new AppError('validation_failed', {
      message: 'Kies óf een toestemming óf een wettelijke grond, niet allebei.',
      errors: [{ path: 'legalGround', message: 'Kies óf een toestemming óf een wettelijke grond, niet allebei.' }],
    });
  }
  if (input.consentId) {
    const [row] = await findConsents(tx, sql`c.id = ${input.consentId}::uuid AND c.family_id = ${input.familyId}::uuid`, true);
    if (!row) throw consentRequired('De gekozen toestemming hoort niet bij deze cliënt.');
    const invalid = consentInvalidReason(toDomainConsent(row, 'referral'), input.receiverOrganisationId, 'referral', now);
    if (invalid) throw consentRequired(CONSENT_INVALID_MESSAGES[invalid]);
    return { consentId: row.id, legalGround: null, justification: null };
  }
  if (hasLegalGround) {
    const allowed = unwrap(mayReferWithoutConsent(input.legalGround!, input.justification ?? ''));
    return { consentId: null, legalGround: allowed.legalGround, justification: allowed.justification };
  }
  throw consentRequired(
    'Er is geen geldige toestemming voor deze organisatie. Leg eerst toestemming vast, of kies een wettelijke grond met onderbouwing.',
  );
}

function consentRequired(message: string): AppError {
  return new AppError('consent_required', { message, errors: [{ path: 'consentId', message }] });
}

// ── Organisations and deadlines ──────────────────────────────────────────────────────────────────

export async function activeOrganisation(tx: Executor, organisationId: string, field: string): Promise<{ id: string; name: string }> {
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`SELECT id::text, name FROM organisations WHERE id = ${organisationId}::uuid AND is_active`,
  );
  if (!row) {
    const message = 'Deze organisatie bestaat niet of is niet actief.';
    throw new AppError('validation_failed', { message, errors: [{ path: field, message }] });
  }
  return row;
}

export async function responseWorkingDays(tx: Executor, organisationId: string): Promise<number> {
  const [row] = await queryRows<{ days: number }>(
    tx,
    sql`SELECT response_working_days AS days FROM referral_settings WHERE organisation_id = ${organisationId}::uuid`,
  );
  return row?.days ?? DEFAULT_RESPONSE_WORKING_DAYS;
}

// ── Referral access ─────────────────────────────────────────────────────────────────────────────

/**
 * SQL: the receiver of referral `r` may see it now — sent on a legal ground, or under a consent that
 * is not withdrawn and valid today. Withdrawal therefore ends the receiver's access at once.
 */
export function receiverMaySee(now: Date): SQL {
  const today = amsterdamDate(now);
  return sql`(r.legal_ground IS NOT NULL OR EXISTS (
    SELECT 1 FROM consents rc WHERE rc.id = r.consent_id AND rc.withdrawn_at IS NULL
      AND rc.given_on <= ${today}::date AND rc.valid_until >= ${today}::date))`;
}

/** The policy target of a referral: the sender always; the receiver only while its basis holds. */
export async function locateReferral(tx: Executor, referralId: string, now: Date): Promise<Target | null> {
  const [row] = await queryRows<{ sender: string; receiver: string; receiver_may_see: boolean }>(
    tx,
    sql`SELECT r.sender_organisation_id::text AS sender, r.receiver_organisation_id::text AS receiver,
        ${receiverMaySee(now)} AS receiver_may_see
      FROM referrals r WHERE r.id = ${referralId}::uuid`,
  );
  if (!row) return null;
  return { organisationIds: row.receiver_may_see ? [row.sender, row.receiver] : [row.sender] };
}

/** Runs an act on one referral: policy on locateReferral, audit row with the family as client. */
export async function actOnReferral<T>(
  ctx: UseCaseContext,
  referralId: string,
  operation: {
    action: 'read' | 'update';
    perform: (tx: Executor, familyId: string) => Promise<T>;
    details?: (result: T) => Record<string, unknown> | null;
  },
): Promise<T> {
  let familyId = '';
  const act: ActOnRecord<T> = {
    resource: 'referral',
    action: operation.action,
    objectId: referralId,
    locate: async (tx) => {
      const [row] = await queryRows<{ family_id: string }>(tx, sql`SELECT family_id::text FROM referrals WHERE id = ${referralId}::uuid`);
      if (!row) return null;
      familyId = row.family_id;
      // The audit row is written after perform, in the same transaction: it names the family as client.
      act.clientId = familyId;
      return locateReferral(tx, referralId, ctx.now());
    },
    perform: (tx) => operation.perform(tx, familyId),
    ...(operation.details ? { details: operation.details } : {}),
  };
  return ctx.store.act(act);
}

/**
 * Like actOnFamily, for a record of which only the id is known (a consent): the family is looked up
 * inside the transaction, then the policy decides on that family and the audit row names it.
 */
export async function actOnFamilyOf<T>(
  ctx: UseCaseContext,
  operation: {
    objectId: string;
    familyIdOf: (tx: Executor) => Promise<string | null>;
    action: 'read' | 'update';
    objectType: AuditObjectType;
    perform: (tx: Executor, familyId: string) => Promise<T>;
    details?: (result: T) => Record<string, unknown> | null;
  },
): Promise<T> {
  let familyId = '';
  const act: ActOnRecord<T> = {
    resource: 'family',
    action: operation.action,
    objectId: operation.objectId,
    objectType: operation.objectType,
    locate: async (tx) => {
      const found = await operation.familyIdOf(tx);
      if (!found) return null;
      familyId = found;
      act.clientId = familyId;
      return locateFamily(tx, familyId, ctx.store.actor, ctx.now());
    },
    perform: (tx) => operation.perform(tx, familyId),
    ...(operation.details ? { details: operation.details } : {}),
  };
  return ctx.store.act(act);
}

// ── Referral rows and views ──────────────────────────────────────────────────────────────────────

export interface ReferralRow {
  id: string;
  family_id: string;
  sender_organisation_id: string;
  sender_organisation_name: string;
  sender_person_id: string;
  sender_person_name: string;
  receiver_organisation_id: string;
  receiver_organisation_name: string;
  municipality_code: string;
  municipality_name: string;
  status: ReferralStatus;
  status_reason: string | null;
  status_before_hold: ReferralStatus | null;
  outcome: ReferralOutcome | null;
  consent_id: string | null;
  legal_ground: string | null;
  justification: string | null;
  reason: string;
  factor_keys: string[];
  screening_id: string | null;
  requested_at: Date | string | null;
  respond_by: Date | string | null;
  responded_at: Date | string | null;
  assigned_to_id: string | null;
  assigned_to_name: string | null;
  forwarded_from_id: string | null;
  forwarded_to_id: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  is_overdue: boolean;
}

/** SQL: still waiting for the receiver's answer past the deadline (see isOverdue in the domain). */
export function overdueSql(now: Date): SQL {
  return sql`(r.status IN ('requested', 'received') AND r.respond_by IS NOT NULL AND r.respond_by <= ${now.toISOString()}::timestamptz)`;
}

export function referralColumns(now: Date): SQL {
  return sql`r.id::text, r.family_id::text, r.sender_organisation_id::text, so.name AS sender_organisation_name,
    r.sender_person_id::text, sp.name AS sender_person_name, r.receiver_organisation_id::text, ro.name AS receiver_organisation_name,
    r.municipality_code, m.name AS municipality_name, r.status, r.status_reason, r.status_before_hold, r.outcome,
    r.consent_id::text, r.legal_ground, r.justification, r.reason, r.factor_keys, r.screening_id::text,
    r.requested_at, r.respond_by, r.responded_at, r.assigned_to_id::text, ap.name AS assigned_to_name,
    r.forwarded_from_id::text, r.forwarded_to_id::text, r.version, r.created_at, r.updated_at,
    ${overdueSql(now)} AS is_overdue`;
}

export const REFERRAL_JOINS = sql`JOIN organisations so ON so.id = r.sender_organisation_id
  JOIN people sp ON sp.id = r.sender_person_id
  JOIN organisations ro ON ro.id = r.receiver_organisation_id
  JOIN municipalities m ON m.code = r.municipality_code
  LEFT JOIN people ap ON ap.id = r.assigned_to_id`;

export async function findReferral(tx: Executor, referralId: string, now: Date, lock = false): Promise<ReferralRow | null> {
  const [row] = await queryRows<ReferralRow>(
    tx,
    sql`SELECT ${referralColumns(now)} FROM referrals r ${REFERRAL_JOINS} WHERE r.id = ${referralId}::uuid ${lock ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row ?? null;
}

/** The domain state of a stored referral. */
export function stateOf(row: Pick<ReferralRow, 'status' | 'status_reason' | 'status_before_hold' | 'outcome'>): ReferralState {
  switch (row.status) {
    case 'on-hold':
      return { status: 'on-hold', resumeTo: (row.status_before_hold ?? 'requested') as HoldableStatus, reason: row.status_reason ?? '' };
    case 'rejected':
    case 'cancelled':
      return { status: row.status, reason: row.status_reason ?? '' };
    case 'completed':
      return row.status_reason
        ? { status: 'completed', outcome: row.outcome ?? 'got_help', note: row.status_reason }
        : { status: 'completed', outcome: row.outcome ?? 'got_help' };
    default:
      return { status: row.status };
  }
}

/** The actor's side of a referral: their organisation sent it, or receives it. */
export function roleOf(row: Pick<ReferralRow, 'sender_organisation_id' | 'receiver_organisation_id'>, actor: Actor): 'sender' | 'receiver' {
  return actor.organisationId === row.receiver_organisation_id ? 'receiver' : 'sender';
}

/** The data categories the receiver may read: all of them on a legal ground, else the consent's. */
async function sharedCategories(tx: Executor, row: ReferralRow): Promise<Set<string>> {
  if (row.legal_ground !== null || row.consent_id === null) return new Set(['contact_details', 'pregnancy', 'risk_factors', 'referral_reason']);
  const [consent] = await queryRows<{ data_categories: string[] }>(tx, sql`SELECT data_categories FROM consents WHERE id = ${row.consent_id}::uuid`);
  return new Set(consent?.data_categories ?? []);
}

async function sharedClient(tx: Executor, familyId: string, categories: Set<string> | null): Promise<SharedClient | null> {
  const [row] = await queryRows<{
    given_name: string;
    family_name: string;
    birth_date: string | null;
    due_date: string | null;
    postcode: string | null;
    contact_channel: string;
    contact_language: string;
    do_not_contact: boolean;
    phone: string | null;
    email: string | null;
  }>(
    tx,
    sql`SELECT fm.given_name, fm.family_name, fm.birth_date::text AS birth_date,
        (SELECT p.due_date::text FROM pregnancies p WHERE p.family_id = f.id ORDER BY (p.status = 'ongoing') DESC, p.due_date DESC LIMIT 1) AS due_date,
        f.postcode, f.contact_channel, f.contact_language, f.do_not_contact, f.phone, f.email
      FROM families f
      LEFT JOIN LATERAL (SELECT * FROM family_members x WHERE x.family_id = f.id AND x.role = 'client' ORDER BY x.created_at LIMIT 1) fm ON true
      WHERE f.id = ${familyId}::uuid`,
  );
  if (!row) return null;
  const may = (category: string) => categories === null || categories.has(category);
  const contact = may('contact_details');
  return {
    name: row.given_name ? `${row.given_name} ${row.family_name}` : '',
    birthDate: row.birth_date,
    dueDate: may('pregnancy') ? row.due_date : null,
    postcode: contact ? row.postcode : null,
    contactChannel: contact ? row.contact_channel : null,
    contactLanguage: contact ? row.contact_language : null,
    // Never withheld: "do not contact" protects the client.
    doNotContact: row.do_not_contact,
    phone: contact ? row.phone : null,
    email: contact ? row.email : null,
  };
}

async function historyOf(tx: Executor, referralId: string): Promise<Referral['history']> {
  const rows = await queryRows<{
    status: ReferralStatus;
    outcome: ReferralOutcome | null;
    reason: string | null;
    at: Date | string;
    actor_name: string | null;
    organisation_name: string | null;
  }>(
    tx,
    sql`SELECT e.status, e.outcome, e.reason, e.at, p.name AS actor_name, o.name AS organisation_name
      FROM referral_events e LEFT JOIN people p ON p.id = e.actor_id LEFT JOIN organisations o ON o.id = e.organisation_id
      WHERE e.referral_id = ${referralId}::uuid ORDER BY e.at, e.id`,
  );
  return rows.map((row) => ({
    status: row.status,
    outcome: row.outcome,
    reason: row.reason,
    at: iso(row.at)!,
    actorName: row.actor_name,
    organisationName: row.organisation_name,
  }));
}

/** Every referral linked to this one by forwarding (both directions), oldest first. */
async function chainOf(tx: Executor, referralId: string, actor: Actor, now: Date): Promise<Referral['chain']> {
  const rows = await queryRows<{
    id: string;
    sender_name: string;
    receiver_name: string;
    status: ReferralStatus;
    outcome: ReferralOutcome | null;
    requested_at: Date | string | null;
    depth: number;
    may_open: boolean;
  }>(
    tx,
    sql`WITH RECURSIVE back(id, depth) AS (
          SELECT ${referralId}::uuid, 0
          UNION ALL SELECT r.forwarded_from_id, back.depth - 1 FROM referrals r JOIN back ON r.id = back.id
            WHERE r.forwarded_from_id IS NOT NULL AND back.depth > -50
        ), fwd(id, depth) AS (
          SELECT ${referralId}::uuid, 0
          UNION ALL SELECT r.forwarded_to_id, fwd.depth + 1 FROM referrals r JOIN fwd ON r.id = fwd.id
            WHERE r.forwarded_to_id IS NOT NULL AND fwd.depth < 50
        ), linked AS (SELECT id, depth FROM back UNION SELECT id, depth FROM fwd)
      SELECT r.id::text, so.name AS sender_name, ro.name AS receiver_name, r.status, r.outcome, r.requested_at, linked.depth,
        (r.sender_organisation_id = ${actor.organisationId}::uuid
          OR (r.receiver_organisation_id = ${actor.organisationId}::uuid AND ${receiverMaySee(now)})) AS may_open
      FROM linked JOIN referrals r ON r.id = linked.id
      JOIN organisations so ON so.id = r.sender_organisation_id JOIN organisations ro ON ro.id = r.receiver_organisation_id
      ORDER BY linked.depth`,
  );
  if (rows.length <= 1) return [];
  return rows.map((row) => ({
    id: row.id,
    senderOrganisationName: row.sender_name,
    receiverOrganisationName: row.receiver_name,
    status: row.status,
    outcome: row.outcome,
    requestedAt: iso(row.requested_at),
    isCurrent: row.id === referralId,
    mayOpen: row.may_open,
  }));
}

/**
 * One referral as the actor may see it. The receiver (with access) gets what was shared under the
 * consent, read in this same transaction; the sender sees status, outcome and history, and the
 * client only when its own organisation can see the family anyway.
 */
export async function toReferralView(tx: Executor, row: ReferralRow, actor: Actor, now: Date, senderSeesFamily: boolean): Promise<Referral> {
  const role = roleOf(row, actor);
  const categories = role === 'receiver' ? await sharedCategories(tx, row) : null;
  const client = role === 'receiver' || senderSeesFamily ? await sharedClient(tx, row.family_id, categories) : null;
  const mayReadReason = categories === null || categories.has('referral_reason');
  const mayReadFactors = categories === null || categories.has('risk_factors') || categories.has('screening_result');
  return {
    id: row.id,
    familyId: row.family_id,
    role,
    status: row.status,
    statusReason: row.status_reason,
    resumeTo: row.status === 'on-hold' ? row.status_before_hold : null,
    outcome: row.outcome,
    isOverdue: row.is_overdue,
    requestedAt: iso(row.requested_at),
    respondBy: iso(row.respond_by),
    respondedAt: iso(row.responded_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    sender: { organisationId: row.sender_organisation_id, organisationName: row.sender_organisation_name, personName: row.sender_person_name },
    receiver: { organisationId: row.receiver_organisation_id, organisationName: row.receiver_organisation_name },
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    consentId: row.consent_id,
    legalGround: row.legal_ground,
    justification: row.justification,
    isFlaggedForReview: row.legal_ground !== null,
    reason: mayReadReason ? row.reason : null,
    factorKeys: mayReadFactors ? row.factor_keys : [],
    screeningId: row.screening_id,
    assignedTo: row.assigned_to_id ? { id: row.assigned_to_id, name: row.assigned_to_name ?? '' } : null,
    forwardedFromId: row.forwarded_from_id,
    forwardedToId: row.forwarded_to_id,
    version: row.version,
    client,
    history: await historyOf(tx, row.id),
    chain: await chainOf(tx, row.id, actor, now),
    allowedActions: referralActions(
      actor,
      { state: stateOf(row), role, assignedToId: row.assigned_to_id },
      (await locateReferral(tx, row.id, now)) ?? { organisationIds: [] },
      (await locateFamily(tx, row.family_id, actor, now)) ?? { organisationIds: [] },
    ),
  };
}

/** Does the actor's organisation (or an emergency access of theirs) see this family now? */
export async function seesFamily(tx: Executor, familyId: string, actor: Actor, now: Date): Promise<boolean> {
  const [row] = await queryRows<{ visible: boolean }>(tx, sql`SELECT ${familyVisibleTo(sql`${familyId}::uuid`, actor, now)} AS visible`);
  return row?.visible === true;
}

export interface ListRow extends ReferralRow {
  client_name: string | null;
}

export function toListItem(row: ListRow, actor: Actor): ReferralListItem {
  return {
    id: row.id,
    familyId: row.family_id,
    role: roleOf(row, actor),
    status: row.status,
    outcome: row.outcome,
    isOverdue: row.is_overdue,
    isFlaggedForReview: row.legal_ground !== null,
    requestedAt: iso(row.requested_at),
    respondBy: iso(row.respond_by),
    updatedAt: iso(row.updated_at)!,
    senderOrganisationName: row.sender_organisation_name,
    receiverOrganisationId: row.receiver_organisation_id,
    receiverOrganisationName: row.receiver_organisation_name,
    isOpen: isOpen(row.status),
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    assignedToName: row.assigned_to_name,
    clientName: row.client_name,
    version: row.version,
  };
}

/**
 * SQL: the client's display name of family `r.family_id` as the actor may see it — the same rule as
 * a referral's detail (toReferralView): the receiver while the referral's basis holds, the sender
 * while its organisation sees the family; otherwise NULL (e.g. a forwarded referral after the
 * consent that gave the forwarding party access was withdrawn). Every list, export and view of
 * referrals takes the client's name from here.
 */
export function clientNameSql(actor: Actor, now: Date): SQL {
  return sql`CASE WHEN (r.receiver_organisation_id = ${actor.organisationId}::uuid AND ${receiverMaySee(now)})
      OR (r.sender_organisation_id = ${actor.organisationId}::uuid AND ${familyVisibleTo(sql`r.family_id`, actor, now)})
    THEN ${REFERRAL_CLIENT_NAME} END`;
}

/** The name of a referral's client (r.family_id): only ever shown under clientNameSql's rule or one as strict. */
export const REFERRAL_CLIENT_NAME = sql`(SELECT x.given_name || ' ' || x.family_name FROM family_members x
      WHERE x.family_id = r.family_id AND x.role = 'client' ORDER BY x.created_at LIMIT 1)`;

/** Appends a row to a referral's history. */
/**
 * Records a change in the referral's history. A new referral or a new status (not a mere assignment,
 * `isStatusChange: false`) is also announced to the FHIR Subscriptions on it, in this same transaction.
 */
export async function addEvent(
  tx: Executor,
  event: { referralId: string; status: ReferralStatus; outcome?: ReferralOutcome | null; reason?: string | null; actor: Actor | null; at: Date; isStatusChange?: boolean },
): Promise<void> {
  await tx.execute(sql`INSERT INTO referral_events (referral_id, status, outcome, reason, actor_id, organisation_id, at)
    VALUES (${event.referralId}::uuid, ${event.status}, ${event.outcome ?? null}, ${event.reason ?? null},
      ${event.actor?.personId ?? null}::uuid, ${event.actor?.organisationId ?? null}::uuid, ${event.at.toISOString()}::timestamptz)`);
  if (event.isStatusChange !== false) await enqueueTaskNotifications(tx, event.referralId, event.at);
}

/** Loads a referral and shapes it for the actor (the sender's client block only when it sees the family). */
export async function viewFor(tx: Executor, referralId: string, actor: Actor, now: Date): Promise<Referral> {
  const row = (await findReferral(tx, referralId, now))!;
  const sees = roleOf(row, actor) === 'sender' && (await seesFamily(tx, row.family_id, actor, now));
  return toReferralView(tx, row, actor, now, sees);
}
