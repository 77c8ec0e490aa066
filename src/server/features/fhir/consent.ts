// SPDX-License-Identifier: EUPL-1.2
// Consent: the client's consent to share data with one receiving organisation, per the referrals
// feature (recordConsent, listConsents, withdrawConsent — all acts on the family's file, audited with
// the client). Withdrawal = PATCH status → inactive: effective at once, the receiver loses access.
import { consentCreateSchema, type Consent, type ConsentCreate } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { listConsents } from '../referrals/list-consents.js';
import { recordConsent } from '../referrals/record-consent.js';
import { withdrawConsent } from '../referrals/withdraw-consent.js';
import { CONSENT_PURPOSE_LABELS, DATA_CATEGORY_LABELS, type ConsentPurpose, type DataCategory } from '../referrals/domain/consent.js';
import { invalidParameter, pageOf } from './bundle.js';
import { EXTENSIONS, SYSTEMS, instant, isUuid, reference, referencedId, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { familyOfConsent, locatePatient } from './family-index.js';
import { parseReference, tokenCode } from './search-parameters.js';
import type { FhirContext, JsonPatchOperation, ResourceHandler } from './resource-handler.js';

const STATUS: Record<Consent['status'], string> = { valid: 'active', not_yet_valid: 'proposed', expired: 'inactive', withdrawn: 'inactive' };

/**
 * A consent is recorded once and changed at most once: its withdrawal. So version 1 is the consent as
 * given, version 2 the withdrawn one — the ETag and If-Match of the versioned update.
 */
export function consentVersion(consent: Pick<Consent, 'withdrawnAt'>): number {
  return consent.withdrawnAt ? 2 : 1;
}

export function toFhirConsent(consent: Consent): FhirResource {
  return {
    resourceType: 'Consent',
    id: consent.id,
    meta: { versionId: String(consentVersion(consent)), lastUpdated: instant(consent.withdrawnAt ?? consent.createdAt) },
    extension: [{ url: EXTENSIONS.consentForm, valueCode: consent.form }],
    status: STATUS[consent.status],
    scope: { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: SYSTEMS.loinc, code: '59284-0', display: 'Patient Consent' }] }],
    patient: reference('Patient', consent.familyId),
    dateTime: consent.givenOn,
    performer: [consent.givenBy === 'client' ? reference('Patient', consent.familyId) : { display: consent.representativeName ?? 'Wettelijk vertegenwoordiger' }],
    organization: [{ display: consent.recordedByOrganisationName }],
    policyRule: { coding: [{ system: SYSTEMS.actCode, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      type: 'permit',
      period: { start: consent.givenOn, end: consent.withdrawnAt ? consent.withdrawnAt : consent.validUntil },
      actor: [
        {
          role: { coding: [{ system: SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' }] },
          reference: reference('Organization', consent.receiverOrganisationId, consent.receiverOrganisationName),
        },
      ],
      purpose: consent.purposes.map((purpose) => ({ system: SYSTEMS.consentPurpose, code: purpose, display: CONSENT_PURPOSE_LABELS[purpose as ConsentPurpose] ?? purpose })),
      code: consent.dataCategories.map((category) => ({
        coding: [{ system: SYSTEMS.dataCategory, code: category, display: DATA_CATEGORY_LABELS[category as DataCategory] ?? category }],
      })),
    },
  };
}

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Contract field → FHIR element, so a validation message points at what the client sent. */
const FHIR_PATH: Record<string, string> = {
  givenBy: 'performer',
  representativeName: 'performer[0].display',
  receiverOrganisationId: 'provision.actor',
  purposes: 'provision.purpose',
  dataCategories: 'provision.code',
  form: `extension(${EXTENSIONS.consentForm})`,
  givenOn: 'dateTime',
  validUntil: 'provision.period.end',
};

/**
 * The provision elements the consent model represents. Anything else in a provision (exceptions in a
 * nested provision, a data period, security labels, classes, actions, data references) narrows or
 * reverses what is permitted; ignoring it would store a wider permission than the one given.
 */
const SUPPORTED_PROVISION_ELEMENTS = new Set(['id', 'extension', 'type', 'period', 'actor', 'purpose', 'code']);

/**
 * Refuses a Consent the model cannot represent: only an opt-in permit of one receiver for purposes
 * and data categories is ever stored as a permission — never a deny, an unknown or missing type, an
 * opt-out, or a provision with restrictions or exceptions.
 */
function checkRepresentable(body: Json): void {
  if (body.provision === undefined || asObject(body.provision) !== body.provision) invalid('provision', 'Geef de toestemming als provision met type permit.');
  const provision = body.provision as Json;
  if (provision.type !== 'permit') {
    invalid('provision.type', "Alleen een toestemming (provision.type 'permit') kan worden vastgelegd; een weigering of ander type niet.");
  }
  for (const element of Object.keys(provision)) {
    if (!SUPPORTED_PROVISION_ELEMENTS.has(element)) {
      invalid(`provision.${element}`, `provision.${element} wordt niet ondersteund: een toestemming geldt voor een ontvanger, doelen, soorten gegevens en een periode, zonder uitzonderingen.`);
    }
  }
  if (body.policyRule !== undefined) {
    const codes = asArray(asObject(body.policyRule).coding).map((coding) => asObject(coding));
    if (codes.length === 0 || codes.some((coding) => coding.system !== SYSTEMS.actCode || coding.code !== 'OPTIN')) {
      invalid('policyRule', "Alleen policyRule OPTIN (toestemming vooraf) wordt ondersteund.");
    }
  }
}

/** The incoming FHIR Consent → the referrals feature's ConsentCreate (checked by its own schema). */
export function consentInputOf(body: Json): ConsentCreate {
  checkRepresentable(body);
  const provision = asObject(body.provision);
  const performer = asObject(asArray(body.performer)[0]);
  const performerReference = stringOf(performer.reference);
  const isClient = performerReference !== undefined && referencedId(performerReference, 'Patient') !== null;
  const receiver = asArray(provision.actor)
    .map((actor) => referencedId(stringOf(asObject(asObject(actor).reference).reference), 'Organization'))
    .find((id): id is string => id !== null);
  const form = asArray(body.extension)
    .map(asObject)
    .find((extension) => extension.url === EXTENSIONS.consentForm)?.valueCode;
  const codesOf = (items: unknown[], system: string) =>
    items.map(asObject).filter((coding) => coding.system === undefined || coding.system === system).map((coding) => stringOf(coding.code) ?? '');
  const candidate = {
    givenBy: performerReference === undefined && performer.display === undefined ? undefined : isClient ? 'client' : 'legal_representative',
    ...(isClient ? {} : { representativeName: stringOf(performer.display) }),
    receiverOrganisationId: receiver,
    purposes: codesOf(asArray(provision.purpose), SYSTEMS.consentPurpose),
    dataCategories: codesOf(asArray(provision.code).flatMap((concept) => asArray(asObject(concept).coding)), SYSTEMS.dataCategory),
    form,
    givenOn: stringOf(body.dateTime)?.slice(0, 10),
    validUntil: stringOf(asObject(provision.period).end)?.slice(0, 10),
  };
  const parsed = consentCreateSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      message: parsed.error.issues[0]!.message,
      errors: parsed.error.issues.map((issue) => ({ path: FHIR_PATH[String(issue.path[0])] ?? issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

async function familyOfPatientReference(ctx: FhirContext, body: Json): Promise<string> {
  const id = referencedId(stringOf(asObject(body.patient).reference), 'Patient');
  if (!id || !isUuid(id)) invalid('patient', 'Geef de cliënt: patient.reference = Patient/{id}.');
  const location = await locatePatient(ctx.db, id.toLowerCase());
  if (!location || location.childId) invalid('patient', 'Deze cliënt bestaat niet, of u heeft er geen toegang toe.');
  return location.familyId;
}

async function readConsent(ctx: FhirContext, id: string): Promise<Consent> {
  const familyId = await familyOfConsent(ctx.db, uuidOrNotFound(id));
  if (!familyId) throw new AppError('not_found');
  const consent = (await listConsents(ctx, familyId)).find((candidate) => candidate.id === id.toLowerCase());
  if (!consent) throw new AppError('not_found');
  return consent;
}

async function patchConsent(ctx: FhirContext, id: string, operations: JsonPatchOperation[], expectedVersion: number | null): Promise<FhirResource> {
  const isWithdrawal =
    operations.length === 1 && (operations[0]!.op === 'replace' || operations[0]!.op === 'add') && operations[0]!.path === '/status' && operations[0]!.value === 'inactive';
  if (!isWithdrawal) {
    invalid('body', "Een toestemming kan alleen worden ingetrokken: één bewerking replace van /status naar 'inactive'.");
  }
  if (!(await familyOfConsent(ctx.db, uuidOrNotFound(id)))) throw new AppError('not_found');
  // If-Match: the withdrawal applies to the version the client saw, or not at all (412).
  if (expectedVersion !== null && consentVersion(await readConsent(ctx, id)) !== expectedVersion) throw new AppError('stale_version');
  const { consent } = await withdrawConsent(ctx, id.toLowerCase());
  return toFhirConsent(consent);
}

export const consentHandler: ResourceHandler = {
  type: 'Consent',
  policyResource: 'family',
  documentation:
    'Toestemming van de cliënt (of een wettelijk vertegenwoordiger) om gegevens te delen met één ontvangende organisatie ' +
    `(provision.actor met rol IRCP), voor doelen (${SYSTEMS.consentPurpose}) en soorten gegevens (provision.code, ${SYSTEMS.dataCategory}), ` +
    `mondeling of schriftelijk (extensie ${EXTENSIONS.consentForm}), met begin- en einddatum.`,
  read: async (ctx, id) => toFhirConsent(await readConsent(ctx, id)),
  search: {
    parameters: [
      { name: 'patient', type: 'reference', documentation: 'De cliënt: Patient/{id} (verplicht).' },
      { name: 'status', type: 'token', documentation: `active, proposed of inactive (ingetrokken of verlopen); ${SYSTEMS.consentStatus}.` },
    ],
    run: async (ctx, parameters, window) => {
      if (!parameters.patient) throw invalidParameter('patient', "Zoek toestemmingen per cliënt: geef de zoekparameter 'patient'.");
      const id = parseReference('patient', parameters.patient, 'Patient');
      const location = isUuid(id) ? await locatePatient(ctx.db, id.toLowerCase()) : null;
      if (!location || location.childId) return { items: [], total: 0 };
      const consents = (await listConsents(ctx, location.familyId)).map(toFhirConsent);
      const status = parameters.status === undefined ? undefined : tokenCode(parameters.status, SYSTEMS.consentStatus);
      return pageOf(consents.filter((consent) => status === undefined || consent.status === status), window);
    },
  },
  create: {
    isConditional: false,
    documentation:
      'Toestemming vastleggen: patient, performer (Patient = de cliënt zelf; anders display = naam van de vertegenwoordiger), ' +
      'dateTime (datum van toestemming), provision.type = permit (een weigering, uitzonderingen of beperkingen worden geweigerd, niets wordt opgeslagen), provision.period.end (geldig tot), provision.actor (Organization), provision.purpose, provision.code en de vorm-extensie.',
    run: async (ctx, body) => {
      const resource = asObject(body);
      if (resource.status !== undefined && resource.status !== 'active') invalid('status', "Een nieuwe toestemming heeft status 'active'.");
      const input = consentInputOf(resource);
      const familyId = await familyOfPatientReference(ctx, resource);
      return { resource: toFhirConsent(await recordConsent(ctx, familyId, input)), isNew: true };
    },
  },
  patch: {
    documentation:
      "Intrekken: JSON Patch [{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"inactive\"}]. Direct van kracht: de ontvanger verliest de toegang. " +
      'Versie 1 is de gegeven toestemming, versie 2 de ingetrokken; met If-Match: W/"1" geeft een intussen ingetrokken toestemming 412.',
    run: (ctx, id, operations, expectedVersion) => patchConsent(ctx, id, operations, expectedVersion),
  },
};
