// SPDX-License-Identifier: EUPL-1.2
// Shared FHIR R4 vocabulary of the facade: media type, code systems and naming systems, the small
// structural types the mappings build, and the id and reference rules.
import { AppError } from '../../platform/errors.js';

export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';
export const FHIR_VERSION = '4.0.1';

/** Our own code systems and extensions live under these bases. */
export const KANSRIJK_CODE_SYSTEM = 'https://kansrijk.nl/fhir/CodeSystem';
export const KANSRIJK_EXTENSION = 'https://kansrijk.nl/fhir/StructureDefinition';
export const KANSRIJK_IDENTIFIER = 'https://kansrijk.nl/fhir/NamingSystem';

export const SYSTEMS = {
  bsn: 'http://fhir.nl/fhir/NamingSystem/bsn',
  agb: 'http://fhir.nl/fhir/NamingSystem/agb-z',
  ura: 'http://fhir.nl/fhir/NamingSystem/ura',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  auditEventType: 'http://dicom.nema.org/resources/ontology/DCM',
  auditEventAction: 'http://hl7.org/fhir/audit-event-action',
  restfulInteraction: 'http://hl7.org/fhir/restful-interaction',
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  taskStatus: 'http://hl7.org/fhir/task-status',
  requestStatus: 'http://hl7.org/fhir/request-status',
  consentStatus: 'http://hl7.org/fhir/consent-state-codes',
  questionnaireResponseStatus: 'http://hl7.org/fhir/questionnaire-answers-status',
  publicationStatus: 'http://hl7.org/fhir/publication-status',
  factor: `${KANSRIJK_CODE_SYSTEM}/factor`,
  organisationType: `${KANSRIJK_CODE_SYSTEM}/organisatietype`,
  consentPurpose: `${KANSRIJK_CODE_SYSTEM}/toestemming-doel`,
  dataCategory: `${KANSRIJK_CODE_SYSTEM}/gegevenscategorie`,
  legalGround: `${KANSRIJK_CODE_SYSTEM}/wettelijke-grondslag`,
  referralOutcome: `${KANSRIJK_CODE_SYSTEM}/verwijzing-uitkomst`,
  birthOutcome: `${KANSRIJK_CODE_SYSTEM}/geboorte-uitkomst`,
  auditAction: `${KANSRIJK_CODE_SYSTEM}/audit-actie`,
  serviceCategory: `${KANSRIJK_CODE_SYSTEM}/dienstcategorie`,
  intakeRoute: `${KANSRIJK_CODE_SYSTEM}/toegangsroute`,
  verification: `${KANSRIJK_CODE_SYSTEM}/controle`,
  language: 'urn:ietf:bcp:47',
  idempotencyKey: `${KANSRIJK_IDENTIFIER}/idempotentiesleutel`,
} as const;

export const EXTENSIONS = {
  consentForm: `${KANSRIJK_EXTENSION}/toestemming-vorm`,
  legalGround: `${KANSRIJK_EXTENSION}/wettelijke-grondslag`,
  justification: `${KANSRIJK_EXTENSION}/onderbouwing`,
  municipality: `${KANSRIJK_EXTENSION}/gemeente`,
  coalition: `${KANSRIJK_EXTENSION}/coalitie`,
  doNotContact: `${KANSRIJK_EXTENSION}/niet-benaderen`,
  emergencyAccess: `${KANSRIJK_EXTENSION}/noodtoegang`,
  overdue: `${KANSRIJK_EXTENSION}/te-laat`,
  flaggedForReview: `${KANSRIJK_EXTENSION}/achteraf-beoordelen`,
} as const;

export interface Coding {
  system?: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference?: string;
  display?: string;
  identifier?: { system?: string; value: string };
}
export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueBoolean?: boolean;
  valueReference?: Reference;
  extension?: Extension[];
}
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  tag?: Coding[];
}

/** Any resource the facade emits or accepts: a JSON object with a resourceType. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [element: string]: unknown;
}

/** Our record ids are UUIDs; FHIR ids allow more, so anything else simply does not exist. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The UUID of a record from a FHIR logical id, or not_found (a malformed id names nothing). */
export function uuidOrNotFound(id: string): string {
  if (!isUuid(id)) throw new AppError('not_found');
  return id.toLowerCase();
}

/** 'Patient/abc' or an absolute URL ending in it → the id, when the type matches. */
export function referencedId(reference: string | undefined, resourceType: string): string | null {
  if (!reference) return null;
  const match = new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference);
  return match ? match[1]! : null;
}

export function reference(resourceType: string, id: string, display?: string): Reference {
  return display ? { reference: `${resourceType}/${id}`, display } : { reference: `${resourceType}/${id}` };
}

export function weakEtag(version: number | string): string {
  return `W/"${version}"`;
}

/** W/"3", "3" or 3 → 3; anything else is a bad precondition. */
export function versionFromIfMatch(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value ?? '');
  if (!match) {
    throw new AppError('validation_failed', {
      message: 'De If-Match-header moet de versie noemen, bijvoorbeeld W/"3".',
      errors: [{ path: 'headers.if-match', message: 'De If-Match-header moet de versie noemen, bijvoorbeeld W/"3".' }],
    });
  }
  return Number(match[1]);
}

/**
 * meta of a record without a version counter of its own: its last change is its version (an opaque
 * versionId that changes whenever the record does).
 */
export function metaOfLastChange(updatedAt: Date | string): Meta {
  const at = typeof updatedAt === 'string' ? new Date(updatedAt) : updatedAt;
  return { versionId: String(at.getTime()), lastUpdated: at.toISOString() };
}

export function instant(value: Date | string): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}
