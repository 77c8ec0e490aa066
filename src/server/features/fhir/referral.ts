// SPDX-License-Identifier: EUPL-1.2
// A referral is two FHIR resources with the same id: ServiceRequest (what is asked: for whom, why,
// under which consent or legal ground) and Task (its lifecycle: status, owner, outcome). Both come
// from the referrals feature's use-cases (getReferral, listReferrals, listFamilyReferrals,
// createReferral, transitionReferral): the sender follows status and outcome, the receiver works on
// it while the consent holds — exactly as in the web app.
import { randomUUID } from 'node:crypto';
import type { Referral, ReferralListItem, ReferralTransition } from '../../../contracts/referrals.js';
import { referralCreateSchema } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { createReferral } from '../referrals/create-referral.js';
import { getReferral } from '../referrals/get-referral.js';
import { listFamilyReferrals } from '../referrals/list-family-referrals.js';
import { listReferrals } from '../referrals/list-referrals.js';
import { transitionReferral } from '../referrals/transition-referral.js';
import {
  eventReaching,
  isAllowed,
  REFERRAL_OUTCOMES,
  type HoldableStatus,
  REFERRAL_STATUSES,
  toFhirTaskStatus,
  type ReferralOutcome,
  type ReferralState,
  type ReferralStatus,
} from '../referrals/domain/referral-state.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { invalidParameter, pageOf, type SearchWindow } from './bundle.js';
import { EXTENSIONS, SYSTEMS, instant, isUuid, reference, referencedId, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { locatePatient } from './family-index.js';
import { parseReference, parseToken, tokenCode } from './search-parameters.js';
import type { CreateHeaders, FhirContext, JsonPatchOperation, ResourceHandler } from './resource-handler.js';

// ── Mapping ───────────────────────────────────────────────────────────────────────────────────────

export function referralState(referral: Pick<Referral, 'status' | 'statusReason' | 'outcome'> & { resumeTo?: Referral['resumeTo'] }): ReferralState {
  const reason = referral.statusReason ?? '';
  switch (referral.status) {
    case 'rejected':
    case 'cancelled':
      return { status: referral.status, reason };
    case 'on-hold':
      return { status: 'on-hold', reason, resumeTo: (referral.resumeTo ?? 'requested') as HoldableStatus };
    case 'completed':
      return referral.statusReason
        ? { status: 'completed', outcome: referral.outcome ?? 'got_help', note: referral.statusReason }
        : { status: 'completed', outcome: referral.outcome ?? 'got_help' };
    default:
      return { status: referral.status };
  }
}

/** Task.status, statusReason and businessStatus from the referrals domain's own FHIR mapping. */
export function taskStatusFields(referral: Pick<Referral, 'status' | 'statusReason' | 'outcome'>) {
  const fields = toFhirTaskStatus(referralState(referral));
  return {
    status: fields.status,
    ...(fields.statusReason && fields.statusReason.text ? { statusReason: { text: fields.statusReason.text } } : {}),
    ...(fields.businessStatus
      ? { businessStatus: { coding: fields.businessStatus.coding.map((coding) => ({ system: SYSTEMS.referralOutcome, ...coding })), text: fields.businessStatus.text } }
      : {}),
  };
}

const SERVICE_REQUEST_STATUS: Record<Referral['status'], string> = {
  draft: 'draft',
  requested: 'active',
  received: 'active',
  accepted: 'active',
  'in-progress': 'active',
  'on-hold': 'on-hold',
  completed: 'completed',
  rejected: 'revoked',
  cancelled: 'revoked',
};

function meta(referral: Pick<Referral, 'version' | 'updatedAt'>) {
  return { versionId: String(referral.version), lastUpdated: instant(referral.updatedAt) };
}

/** What a Task is made of: the referral's status and parties, never its reason or notes. */
export type TaskSource = Pick<
  Referral,
  'id' | 'version' | 'updatedAt' | 'isOverdue' | 'status' | 'statusReason' | 'outcome' | 'familyId' | 'requestedAt' | 'createdAt' | 'respondBy' | 'respondedAt'
> & {
  client?: Pick<NonNullable<Referral['client']>, 'name'> | null;
  sender: Pick<Referral['sender'], 'organisationId' | 'organisationName'>;
  receiver: Referral['receiver'];
};

export function toFhirTask(referral: TaskSource): FhirResource {
  return {
    resourceType: 'Task',
    id: referral.id,
    meta: meta(referral),
    ...(referral.isOverdue ? { extension: [{ url: EXTENSIONS.overdue, valueBoolean: true }] } : {}),
    ...taskStatusFields(referral),
    intent: 'order',
    code: { coding: [{ system: SYSTEMS.taskCode, code: 'fulfill', display: 'Fulfill the focal request' }], text: 'Verwijzing' },
    focus: reference('ServiceRequest', referral.id),
    for: reference('Patient', referral.familyId, referral.client?.name ?? undefined),
    authoredOn: instant(referral.requestedAt ?? referral.createdAt),
    lastModified: instant(referral.updatedAt),
    requester: reference('Organization', referral.sender.organisationId, referral.sender.organisationName),
    owner: reference('Organization', referral.receiver.organisationId, referral.receiver.organisationName),
    ...(referral.respondBy ? { restriction: { period: { end: instant(referral.respondBy) } } } : {}),
    ...(referral.respondedAt ? { executionPeriod: { start: instant(referral.respondedAt) } } : {}),
  };
}

export function toFhirServiceRequest(referral: Referral): FhirResource {
  const extension = referral.legalGround
    ? [
        { url: EXTENSIONS.legalGround, valueCode: referral.legalGround },
        ...(referral.justification ? [{ url: EXTENSIONS.justification, valueString: referral.justification }] : []),
        ...(referral.isFlaggedForReview ? [{ url: EXTENSIONS.flaggedForReview, valueBoolean: true }] : []),
      ]
    : [];
  const supportingInfo = [
    ...(referral.consentId ? [reference('Consent', referral.consentId)] : []),
    ...(referral.screeningId ? [reference('QuestionnaireResponse', referral.screeningId)] : []),
  ];
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: meta(referral),
    ...(extension.length > 0 ? { extension } : {}),
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'order',
    code: { text: `Verwijzing naar ${referral.receiver.organisationName}` },
    subject: reference('Patient', referral.familyId, referral.client?.name ?? undefined),
    ...(referral.requestedAt ? { authoredOn: instant(referral.requestedAt) } : {}),
    requester: reference('Organization', referral.sender.organisationId, referral.sender.organisationName),
    performer: [reference('Organization', referral.receiver.organisationId, referral.receiver.organisationName)],
    ...(referral.factorKeys.length > 0
      ? {
          reasonCode: referral.factorKeys.map((key) => ({
            coding: [{ system: SYSTEMS.factor, code: key, ...(FACTOR_CATALOGUE.get(key) ? { display: FACTOR_CATALOGUE.get(key)!.riskLabel } : {}) }],
          })),
        }
      : {}),
    ...(supportingInfo.length > 0 ? { supportingInfo } : {}),
    ...(referral.reason ? { note: [{ text: referral.reason }] } : {}),
  };
}

// ── Search ────────────────────────────────────────────────────────────────────────────────────────

const SEARCH_PARAMETERS = [
  { name: 'owner', type: 'reference', documentation: 'De ontvangende organisatie: uw eigen organisatie geeft uw inbox (Organization/{id}).' },
  { name: 'requester', type: 'reference', documentation: 'De verwijzende organisatie: uw eigen organisatie geeft de verstuurde verwijzingen.' },
  { name: 'patient', type: 'reference', documentation: 'De cliënt: Patient/{id}; de verwijzingen die uw organisatie stuurde of ontving.' },
] as const;

/** Which referrals a status token matches: through the status of the resource searched (Task or ServiceRequest). */
type StatusMatch = (status: Referral['status']) => boolean;

function statusMatch(value: string | undefined, system: string, statusOf: (status: Referral['status']) => string): StatusMatch | undefined {
  if (value === undefined) return undefined;
  const code = tokenCode(value, system);
  return (status) => code !== null && statusOf(status) === code;
}

async function searchReferrals(
  ctx: FhirContext,
  parameters: Readonly<Record<string, string>>,
  window: SearchWindow,
  matchesStatus: StatusMatch | undefined,
): Promise<{ items: Referral[]; total: number }> {
  const own = ctx.store.actor.organisationId;
  const open = async (items: readonly Pick<ReferralListItem, 'id'>[]) => {
    const referrals: Referral[] = [];
    for (const item of items) referrals.push(await getReferral(ctx, item.id));
    return referrals;
  };
  if (parameters.patient) {
    if (parameters.owner || parameters.requester) throw invalidParameter('patient', 'Zoek met patient zonder owner of requester.');
    const id = parseReference('patient', parameters.patient, 'Patient');
    const location = isUuid(id) ? await locatePatient(ctx.db, id.toLowerCase()) : null;
    if (!location || location.childId) return { items: [], total: 0 };
    const items = (await listFamilyReferrals(ctx, location.familyId)).filter((item) => matchesStatus === undefined || matchesStatus(item.status));
    const page = pageOf(items, window);
    return { items: await open(page.items), total: page.total };
  }
  if (parameters.status) throw invalidParameter('status', "Zoek op status alleen samen met 'patient'.");
  if (parameters.owner && parameters.requester) throw invalidParameter('owner', 'Zoek met owner of met requester, niet met beide.');
  const ownerId = parameters.owner ? parseReference('owner', parameters.owner, 'Organization') : null;
  const requesterId = parameters.requester ? parseReference('requester', parameters.requester, 'Organization') : null;
  if (!ownerId && !requesterId) throw invalidParameter('owner', "Geef owner (uw inbox), requester (uw verstuurde verwijzingen) of patient.");
  // Another organisation's inbox or outbox is not yours to see: nothing matches.
  if ((ownerId ?? requesterId)!.toLowerCase() !== own) return { items: [], total: 0 };
  const page = await listReferrals(ctx, { box: ownerId ? 'incoming' : 'outgoing', page: window.page, pageSize: window.pageSize });
  return { items: await open(page.items), total: page.total };
}

// ── Create ────────────────────────────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

const FHIR_PATH: Record<string, string> = {
  familyId: 'for',
  receiverOrganisationId: 'owner',
  reason: 'contained[0].note[0].text',
  factorKeys: 'contained[0].reasonCode',
  screeningId: 'contained[0].supportingInfo',
  consentId: 'contained[0].supportingInfo',
  legalGround: `contained[0].extension(${EXTENSIONS.legalGround})`,
  justification: `contained[0].extension(${EXTENSIONS.justification})`,
  idempotencyKey: 'Idempotency-Key',
};

/** Idempotency-Key header, else If-None-Exist identifier=…|key, else Task.identifier in our system. */
function idempotencyKeyOf(task: Json, headers: CreateHeaders): string | null {
  if (headers.idempotencyKey) return headers.idempotencyKey;
  if (headers.ifNoneExist) {
    const match = /^identifier=(.*)$/.exec(headers.ifNoneExist);
    if (!match) invalid('If-None-Exist', 'If-None-Exist wordt alleen ondersteund als identifier=systeem|waarde.');
    const { system, code } = parseToken(decodeURIComponent(match[1]!));
    if (system !== null && system !== SYSTEMS.idempotencyKey) invalid('If-None-Exist', `Gebruik het systeem ${SYSTEMS.idempotencyKey}.`);
    return code;
  }
  const identifier = asArray(task.identifier).map(asObject).find((candidate) => candidate.system === SYSTEMS.idempotencyKey);
  return stringOf(identifier?.value) ?? null;
}

export function referralInputOf(task: Json, headers: CreateHeaders) {
  if (task.status !== 'requested') invalid('status', "Een nieuwe verwijzing heeft status 'requested'.");
  if (task.intent !== 'order') invalid('intent', "Een verwijzing heeft intent 'order'.");
  const focus = stringOf(asObject(task.focus).reference);
  const contained = asArray(task.contained).map(asObject);
  const request = focus?.startsWith('#') ? contained.find((resource) => resource.resourceType === 'ServiceRequest' && `#${String(resource.id)}` === focus) : undefined;
  if (!request) invalid('focus', 'Neem de ServiceRequest op in contained en verwijs ernaar met focus.reference = #id.');
  const patient = referencedId(stringOf(asObject(task.for).reference), 'Patient');
  const subject = referencedId(stringOf(asObject(request.subject).reference), 'Patient');
  if (subject && patient && subject !== patient) invalid('contained[0].subject', 'De ServiceRequest gaat over een andere cliënt dan de Task.');
  const receiver = referencedId(stringOf(asObject(task.owner).reference), 'Organization');
  const supporting = asArray(request.supportingInfo).map((item) => stringOf(asObject(item).reference));
  const consentId = supporting.map((item) => referencedId(item, 'Consent')).find((id) => id !== null) ?? undefined;
  const screeningId = supporting.map((item) => referencedId(item, 'QuestionnaireResponse')).find((id) => id !== null) ?? undefined;
  const extensions = asArray(request.extension).map(asObject);
  const legalGround = stringOf(extensions.find((extension) => extension.url === EXTENSIONS.legalGround)?.valueCode);
  const justification = stringOf(extensions.find((extension) => extension.url === EXTENSIONS.justification)?.valueString);
  const factorKeys = asArray(request.reasonCode)
    .flatMap((concept) => asArray(asObject(concept).coding))
    .map(asObject)
    .filter((coding) => coding.system === undefined || coding.system === SYSTEMS.factor)
    .map((coding) => stringOf(coding.code) ?? '');
  const reason = asArray(request.note).map((note) => stringOf(asObject(note).text)).find((text) => text !== undefined);
  const candidate = {
    familyId: patient ?? subject ?? undefined,
    receiverOrganisationId: receiver ?? undefined,
    reason,
    factorKeys,
    ...(screeningId ? { screeningId } : {}),
    ...(consentId ? { consentId } : {}),
    ...(legalGround ? { legalGround } : {}),
    ...(justification ? { justification } : {}),
    // Without a key every POST is a new referral (a random key that is never repeated).
    idempotencyKey: idempotencyKeyOf(task, headers) ?? randomUUID(),
  };
  const parsed = referralCreateSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      message: parsed.error.issues[0]!.message,
      errors: parsed.error.issues.map((issue) => ({ path: FHIR_PATH[String(issue.path[0])] ?? issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

async function createTask(ctx: FhirContext, body: unknown, headers: CreateHeaders) {
  const input = referralInputOf(asObject(body), headers);
  // The Patient id is the family's (the client's file); a child's id is not a referral subject.
  const location = await locatePatient(ctx.db, input.familyId);
  if (!location || location.childId) invalid('for', 'Deze cliënt bestaat niet, of u heeft er geen toegang toe.');
  const { referral, isNew } = await createReferral(ctx, input);
  return { resource: toFhirTask(referral), isNew };
}

// ── Status updates ────────────────────────────────────────────────────────────────────────────────

interface StatusChange {
  status?: string;
  statusReason?: string;
  outcome?: string;
  note?: string;
  testVersion?: string;
}

function statusChangeOf(operations: JsonPatchOperation[]): StatusChange {
  const change: StatusChange = {};
  for (const [index, operation] of operations.entries()) {
    const where = `[${index}]`;
    if (operation.op === 'test' && operation.path === '/meta/versionId') {
      change.testVersion = String(operation.value);
      continue;
    }
    if (operation.op !== 'replace' && operation.op !== 'add') invalid(where, 'Alleen replace en add (en test op /meta/versionId) zijn toegestaan.');
    const value = operation.value;
    switch (operation.path) {
      case '/status':
        change.status = stringOf(value) ?? invalid(where, 'De status is een code, bijvoorbeeld accepted.');
        break;
      case '/statusReason':
        change.statusReason = stringOf(asObject(value).text) ?? invalid(where, 'statusReason heeft een text.');
        break;
      case '/statusReason/text':
        change.statusReason = stringOf(value) ?? invalid(where, 'statusReason.text is tekst.');
        break;
      case '/businessStatus': {
        const coding = asObject(asArray(asObject(value).coding)[0]);
        change.outcome = stringOf(coding.code) ?? invalid(where, `businessStatus heeft een coding met een uitkomst (${SYSTEMS.referralOutcome}).`);
        const text = stringOf(asObject(value).text);
        if (text !== undefined) change.note = text;
        break;
      }
      case '/businessStatus/coding/0/code':
        change.outcome = stringOf(value) ?? invalid(where, 'De uitkomst is een code.');
        break;
      case '/note':
        change.note = stringOf(asObject(asArray(value)[0]).text) ?? invalid(where, 'note is een lijst met text.');
        break;
      default:
        invalid(where, `Alleen /status, /statusReason, /businessStatus en /note kunnen worden gewijzigd (niet ${operation.path.slice(0, 60)}).`);
    }
  }
  if (change.status === undefined) invalid('status', 'Geef de nieuwe status (replace /status).');
  return change;
}

/** Steps a PATCH can take (sending and forwarding have their own requests). */
const PATCHABLE_STEPS = ['receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume'] as const;
/** The Task.status a PATCH may ask for, and the referral step that is named after it. */
const STEP_NAMED_AFTER: Partial<Record<string, (typeof PATCHABLE_STEPS)[number]>> = {
  received: 'receive',
  accepted: 'accept',
  rejected: 'reject',
  'in-progress': 'start',
  'on-hold': 'hold',
  cancelled: 'cancel',
  completed: 'complete',
  requested: 'resume',
};

/**
 * From the current state to the requested status: the step that the referral state table says takes
 * this actor there (so 'accepted' on a referral paused after acceptance resumes it). If none does,
 * the step named after the status if the table refuses it (so the actor reads the table's own reason);
 * never a step that ends in another status than the one asked for.
 */
function transitionOf(current: Referral, change: StatusChange): Omit<ReferralTransition, 'version'> {
  const reason = change.statusReason?.trim();
  const target = change.status as ReferralStatus;
  const state = referralState(current);
  const reaching = (REFERRAL_STATUSES as readonly string[]).includes(target) ? eventReaching(state, target, current.role, PATCHABLE_STEPS) : null;
  const named = STEP_NAMED_AFTER[target];
  const event = reaching ?? (named && !isAllowed(state, named, current.role) ? named : undefined);
  switch (event) {
    case 'receive':
    case 'accept':
    case 'start':
    case 'resume':
      return { event };
    case 'reject':
    case 'hold':
    case 'cancel':
      return { event, ...(reason ? { reason } : {}) };
    case 'complete': {
      if (!change.outcome || !(REFERRAL_OUTCOMES as readonly string[]).includes(change.outcome)) {
        invalid('businessStatus', `Geef bij afronden de uitkomst in businessStatus: ${REFERRAL_OUTCOMES.join(', ')}.`);
      }
      const note = (change.note ?? reason)?.trim();
      return { event: 'complete', outcome: change.outcome as ReferralOutcome, ...(note ? { note } : {}) };
    }
  }
  throw new AppError('conflict', { message: `Een verwijzing met status '${current.status}' kan niet naar status '${String(change.status).slice(0, 30)}'.` });
}

async function patchTask(ctx: FhirContext, id: string, operations: JsonPatchOperation[], expectedVersion: number | null): Promise<FhirResource> {
  const change = statusChangeOf(operations);
  const referralId = uuidOrNotFound(id);
  let version = expectedVersion;
  if (change.testVersion !== undefined) {
    if (!/^\d{1,9}$/.test(change.testVersion)) invalid('[test]', 'meta.versionId is een versienummer.');
    if (version !== null && version !== Number(change.testVersion)) invalid('[test]', 'If-Match en de test op /meta/versionId noemen een andere versie.');
    version = Number(change.testVersion);
  }
  // Without a version precondition the step applies to the referral as it is now. With one, a newer
  // version is a failed precondition (412) before anything else — also when the step itself would
  // now be refused (an accept of a referral someone accepted in the meantime).
  const current = await getReferral(ctx, referralId);
  if (version !== null && version !== current.version) throw new AppError('stale_version');
  const step = transitionOf(current, change);
  return toFhirTask(await transitionReferral(ctx, referralId, { ...step, version: version ?? current.version }));
}

// ── Handlers ──────────────────────────────────────────────────────────────────────────────────────

export const serviceRequestHandler: ResourceHandler = {
  type: 'ServiceRequest',
  policyResource: 'referral',
  documentation:
    'Wat een verwijzing vraagt: voor welke cliënt, aan welke organisatie (performer), waarom (reasonCode: factoren; note: reden) ' +
    'en onder welke toestemming of wettelijke grond (supportingInfo, extensie). Zelfde id als de bijbehorende Task.',
  read: async (ctx, id) => toFhirServiceRequest(await getReferral(ctx, uuidOrNotFound(id))),
  search: {
    parameters: [
      ...SEARCH_PARAMETERS.map((parameter) =>
        parameter.name === 'owner' ? { ...parameter, name: 'performer', documentation: 'De ontvangende organisatie (uw eigen organisatie: uw inbox).' } : parameter,
      ),
      { name: 'status', type: 'token', documentation: `ServiceRequest-status (${SYSTEMS.requestStatus}): active, on-hold, completed of revoked (alleen samen met patient).` },
    ],
    run: async (ctx, parameters, window) => {
      const { performer, ...rest } = parameters;
      const matches = statusMatch(parameters.status, SYSTEMS.requestStatus, (status) => SERVICE_REQUEST_STATUS[status]);
      const found = await searchReferrals(ctx, { ...rest, ...(performer ? { owner: performer } : {}) }, window, matches);
      return { items: found.items.map(toFhirServiceRequest), total: found.total };
    },
  },
};

export const taskHandler: ResourceHandler = {
  type: 'Task',
  policyResource: 'referral',
  documentation:
    'De levensloop van een verwijzing: requested → received → accepted | rejected → in-progress → completed (uitkomst in businessStatus) | cancelled; on-hold mag. ' +
    'focus = de ServiceRequest (zelfde id), owner = de ontvangende organisatie, requester = de verwijzer.',
  read: async (ctx, id) => toFhirTask(await getReferral(ctx, uuidOrNotFound(id))),
  search: {
    parameters: [
      ...SEARCH_PARAMETERS,
      { name: 'status', type: 'token', documentation: `Task-status (${SYSTEMS.taskStatus}), bijvoorbeeld requested of accepted (alleen samen met patient).` },
    ],
    run: async (ctx, parameters, window) => {
      // Task.status is the referral's own status (referral-state's toFhirTaskStatus maps it one to one).
      const matches = statusMatch(parameters.status, SYSTEMS.taskStatus, (status) => taskStatusFields({ status, statusReason: null, outcome: null }).status);
      const found = await searchReferrals(ctx, parameters, window, matches);
      return { items: found.items.map(toFhirTask), total: found.total };
    },
  },
  create: {
    isConditional: true,
    documentation:
      "Verwijzen: POST Task (status 'requested', intent 'order', for = Patient, owner = Organization) met de ServiceRequest in contained " +
      '(focus.reference = #id; note = reden, reasonCode = factoren, supportingInfo = Consent en/of QuestionnaireResponse; zonder toestemming ' +
      `de extensies ${EXTENSIONS.legalGround} en ${EXTENSIONS.justification}). Zonder geldige toestemming of wettelijke grond wordt niets verstuurd. ` +
      `Twee keer versturen maakt één verwijzing: header Idempotency-Key, If-None-Exist: identifier=${SYSTEMS.idempotencyKey}|sleutel, of Task.identifier in dat systeem.`,
    run: createTask,
  },
  patch: {
    documentation:
      'Status wijzigen met JSON Patch: replace /status (received, accepted, rejected, in-progress, on-hold, completed, cancelled), ' +
      '/statusReason/text (reden bij afwijzen, pauzeren, intrekken) en bij completed /businessStatus (uitkomst). ' +
      'Optimistische vergrendeling: If-Match: W/"versie" (412 als iemand anders de verwijzing intussen wijzigde).',
    run: patchTask,
  },
};
