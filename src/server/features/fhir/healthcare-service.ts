// SPDX-License-Identifier: EUPL-1.2
// HealthcareService: what help is on offer. Two kinds, both public agreements (no personal data):
// - the support named in a care pathway (zorgpad) step, per risk factor and municipality or coalition
//   (id = pathway id + step + service number), from the pathways feature's listPathways;
// - an organisation's own referral service (id = the organisation id), from getOrganisation;
// - a service of the directory (sociale kaart; id = 'dienst-' + its id), from the services feature,
//   tagged 'niet-recent-gecontroleerd' when its organisation has not confirmed it for six months.
import { nl } from '../../../contracts/i18n/nl.js';
import type { CarePathway } from '../../../contracts/pathways.js';
import type { Organisation } from '../../../contracts/organisations.js';
import { AppError } from '../../platform/errors.js';
import { getOrganisation } from '../organisations/get-organisation.js';
import { listPathways } from '../pathways/list-pathways.js';
import { getService } from '../services/get-service.js';
import { findServices } from '../services/list-services.js';
import {
  INTAKE_ROUTE_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_COST_LABELS,
  SERVICE_LANGUAGE_LABELS,
  type Service,
  type ServiceCategory,
} from '../../../contracts/services.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { invalidParameter, pageOf } from './bundle.js';
import { EXTENSIONS, SYSTEMS, instant, isUuid, metaOfLastChange, reference, type FhirResource } from './fhir-types.js';
import { organisationTypeCoding } from './organization.js';
import { parseReference, parseToken } from './search-parameters.js';
import type { ResourceHandler } from './resource-handler.js';

/** A directory service's FHIR id: 'dienst-' and its UUID (an organisation's referral service is the bare UUID). */
const DIRECTORY_PREFIX = 'dienst-';

function formatDay(value: string): string {
  return new Date(value).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
}

export function directoryService(service: Service): FhirResource {
  const texts = nl.services;
  const telecom = [
    ...(service.phone ? [{ system: 'phone', value: service.phone }] : []),
    ...(service.email ? [{ system: 'email', value: service.email }] : []),
    ...(service.website ? [{ system: 'url', value: service.website }] : []),
  ];
  const isOverdue = service.verification === 'overdue';
  const cost = [texts[SERVICE_COST_LABELS[service.cost]], service.costNote].filter(Boolean).join(': ');
  const details = [
    ...(isOverdue ? [`**${texts.notRecentlyChecked}**: ${texts.notRecentlyCheckedNotice}`] : []),
    `${texts.detailCost}: ${cost}.`,
    `${texts.detailLastConfirmed}: ${formatDay(service.lastConfirmedAt)}; ${texts.detailDue.toLowerCase()}: ${formatDay(service.confirmationDueAt)}.`,
  ];
  return {
    resourceType: 'HealthcareService',
    id: `${DIRECTORY_PREFIX}${service.id}`,
    meta: {
      ...metaOfLastChange(service.updatedAt),
      ...(isOverdue ? { tag: [{ system: SYSTEMS.verification, code: 'niet-recent-gecontroleerd', display: texts.notRecentlyChecked }] } : {}),
    },
    extension: service.municipalityCodes.map((code) => ({ url: EXTENSIONS.municipality, valueCode: code })),
    active: service.isActive,
    providedBy: service.externalProviderName
      ? { display: service.externalProviderName }
      : reference('Organization', service.organisationId, service.organisationName),
    category: [
      {
        coding: [{ system: SYSTEMS.serviceCategory, code: service.category, display: texts[SERVICE_CATEGORY_LABELS[service.category]] }],
        text: texts[SERVICE_CATEGORY_LABELS[service.category]],
      },
    ],
    name: service.name,
    ...(service.description ? { comment: service.description } : {}),
    extraDetails: details.join('\n\n'),
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(service.factorKeys.length > 0
      ? { characteristic: service.factorKeys.map((key) => ({ coding: [{ system: SYSTEMS.factor, code: key, display: FACTOR_CATALOGUE.get(key)?.riskLabel ?? key }] })) }
      : {}),
    ...(service.languages.length > 0
      ? { communication: service.languages.map((code) => ({ coding: [{ system: SYSTEMS.language, code, display: texts[SERVICE_LANGUAGE_LABELS[code]] }] })) }
      : {}),
    referralMethod: service.intakeRoutes.map((route) => ({ coding: [{ system: SYSTEMS.intakeRoute, code: route, display: texts[INTAKE_ROUTE_LABELS[route]] }] })),
    ...(service.eligibility ? { eligibility: [{ comment: service.eligibility }] } : {}),
    ...(service.openingHours ? { availabilityExceptions: service.openingHours } : {}),
  };
}

function parseBoolean(value: string): boolean {
  const code = parseToken(value).code;
  if (code !== 'true' && code !== 'false') throw invalidParameter('active', 'Geef true of false.');
  return code === 'true';
}

function parseCategory(value: string): ServiceCategory {
  const { system, code } = parseToken(value);
  if (system !== null && system !== SYSTEMS.serviceCategory) throw invalidParameter('service-category', `Gebruik het codesysteem ${SYSTEMS.serviceCategory}.`);
  if (!(SERVICE_CATEGORIES as readonly string[]).includes(code)) throw invalidParameter('service-category', `Kies uit: ${SERVICE_CATEGORIES.join(', ')}.`);
  return code as ServiceCategory;
}

const SERVICE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,3})-(\d{1,3})$/i;

export function pathwayServices(pathway: CarePathway): FhirResource[] {
  return pathway.steps.flatMap((step, stepIndex) =>
    step.services.map((service, serviceIndex) => {
      const telecom = [
        ...(service.contact.phone ? [{ system: 'phone', value: service.contact.phone }] : []),
        ...(service.contact.email ? [{ system: 'email', value: service.contact.email }] : []),
        ...(service.contact.website ? [{ system: 'url', value: service.contact.website }] : []),
      ];
      // A service from the directory whose six months have passed is marked as everywhere else.
      const isOverdue = service.directory?.notRecentlyChecked === true;
      return {
        resourceType: 'HealthcareService',
        id: `${pathway.id}-${stepIndex + 1}-${serviceIndex + 1}`,
        meta: {
          versionId: String(pathway.version),
          lastUpdated: instant(pathway.updatedAt),
          ...(isOverdue ? { tag: [{ system: SYSTEMS.verification, code: 'niet-recent-gecontroleerd', display: nl.services.notRecentlyChecked }] } : {}),
        },
        // A municipality's pathway carries its GM code, a coalition's its KS code: each in the extension
        // whose search parameter (municipality, coalition) finds it again.
        extension: [{ url: pathway.level === 'municipality' ? EXTENSIONS.municipality : EXTENSIONS.coalition, valueCode: pathway.scopeCode }],
        active: service.directory?.isActive ?? true,
        providedBy: service.directory?.referralOrganisationId
          ? reference('Organization', service.directory.referralOrganisationId, service.organisationName)
          : { display: service.organisationName },
        category: [{ text: `Zorgpad: ${pathway.title}` }],
        type: [{ text: step.title }],
        name: service.name,
        comment: step.description,
        extraDetails: pathway.localAgreements,
        ...(telecom.length > 0 ? { telecom } : {}),
        characteristic: [{ coding: [{ system: SYSTEMS.factor, code: pathway.factorKey, display: pathway.factorLabel }] }],
        ...(service.conditions ? { eligibility: [{ comment: service.conditions }] } : {}),
        referralMethod: [{ text: pathway.level === 'municipality' ? 'Afspraak van de gemeente' : 'Afspraak van de coalitie' }],
      };
    }),
  );
}

export function organisationService(organisation: Organisation): FhirResource {
  return {
    resourceType: 'HealthcareService',
    id: organisation.id,
    meta: metaOfLastChange(organisation.updatedAt),
    active: organisation.isActive,
    providedBy: reference('Organization', organisation.id, organisation.name),
    category: [{ coding: [organisationTypeCoding(organisation.type)], text: nl.organisationTypes[organisation.type] }],
    name: `${organisation.name}: verwijzingen`,
    ...(organisation.municipalityCodes.length > 0
      ? { extension: organisation.municipalityCodes.map((code) => ({ url: EXTENSIONS.municipality, valueCode: code })) }
      : {}),
    referralMethod: [{ text: 'Verwijzing via Kansrijk (Task met ServiceRequest), met toestemming van de cliënt' }],
  };
}

export const healthcareServiceHandler: ResourceHandler = {
  type: 'HealthcareService',
  documentation:
    'Het hulpaanbod: de ondersteuning uit de zorgpaden per risicofactor en gemeente of coalitie (characteristic = factor), ' +
    'per organisatie haar verwijsdienst (id = het id van de organisatie), ' +
    "en de diensten van de sociale kaart (id = 'dienst-' en het id; meta.tag niet-recent-gecontroleerd als de organisatie de dienst langer dan zes maanden niet bevestigde).",
  read: async (ctx, id) => {
    if (id.toLowerCase().startsWith(DIRECTORY_PREFIX)) {
      const serviceId = id.slice(DIRECTORY_PREFIX.length);
      if (!isUuid(serviceId)) throw new AppError('not_found');
      return directoryService(await getService(ctx, serviceId.toLowerCase()));
    }
    if (isUuid(id)) return organisationService(await getOrganisation(ctx, id.toLowerCase()));
    const match = SERVICE_ID.exec(id);
    if (!match) throw new AppError('not_found');
    const { items } = await listPathways(ctx, undefined);
    const pathway = items.find((candidate) => candidate.id === match[1]!.toLowerCase());
    const service = pathway ? pathwayServices(pathway).find((candidate) => candidate.id === id.toLowerCase()) : undefined;
    if (!service) throw new AppError('not_found');
    return service;
  },
  search: {
    parameters: [
      {
        name: 'municipality',
        type: 'token',
        documentation: `Gemeentecode (GM0505): het aanbod in de zorgpaden van die gemeente (extensie ${EXTENSIONS.municipality}) en van haar coalitie.`,
        custom: { expression: `HealthcareService.extension('${EXTENSIONS.municipality}').value` },
      },
      {
        name: 'coalition',
        type: 'token',
        documentation: `Coalitiecode (KS0001): het aanbod in de zorgpaden van die coalitie (extensie ${EXTENSIONS.coalition}).`,
        custom: { expression: `HealthcareService.extension('${EXTENSIONS.coalition}').value` },
      },
      { name: 'characteristic', type: 'token', documentation: `Risicofactor (${SYSTEMS.factor}), bijvoorbeeld money-debts.` },
      { name: 'organization', type: 'reference', documentation: 'De verwijsdienst van deze organisatie (Organization/{id}) en de diensten op de sociale kaart die zij bijhoudt.' },
      { name: 'service-category', type: 'token', documentation: `Soort hulp van een dienst op de sociale kaart (${SYSTEMS.serviceCategory}), bijvoorbeeld financial. Alleen diensten van de sociale kaart.` },
      { name: 'active', type: 'token', documentation: 'true: alleen diensten die worden aangeboden; false: alleen diensten die niet meer worden aangeboden (sociale kaart).' },
    ],
    run: async (ctx, parameters, window) => {
      if (parameters.organization) {
        if (Object.keys(parameters).length > 1) throw invalidParameter('organization', 'Zoek met organization zonder andere zoekparameters.');
        const id = parseReference('organization', parameters.organization, 'Organization');
        if (!isUuid(id)) return { items: [], total: 0 };
        let own: FhirResource;
        try {
          own = organisationService(await getOrganisation(ctx, id.toLowerCase()));
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found') return { items: [], total: 0 };
          throw error;
        }
        const kept = await findServices(ctx, { organisationId: id.toLowerCase() });
        return pageOf([own, ...kept.map(directoryService)], window);
      }
      const municipality = parameters.municipality ? parseToken(parameters.municipality).code : undefined;
      if (municipality !== undefined && !/^GM\d{4}$/.test(municipality)) throw invalidParameter('municipality', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      const coalition = parameters.coalition ? parseToken(parameters.coalition).code : undefined;
      if (coalition !== undefined && !/^KS\d{4}$/.test(coalition)) throw invalidParameter('coalition', 'Geef een coalitiecode, bijvoorbeeld KS0001.');
      const factor = parameters.characteristic ? parseToken(parameters.characteristic).code : undefined;
      const category = parameters['service-category'] !== undefined ? parseCategory(parameters['service-category']) : undefined;
      const active = parameters.active !== undefined ? parseBoolean(parameters.active) : undefined;
      // Pathway support has no service category and is always active; the directory has no coalitions.
      const withPathways = category === undefined && active !== false;
      const { items } = withPathways ? await listPathways(ctx, municipality) : { items: [] };
      const services = items
        .filter((pathway) => factor === undefined || pathway.factorKey === factor)
        .filter((pathway) => coalition === undefined || (pathway.level === 'coalition' && pathway.scopeCode === coalition))
        .flatMap(pathwayServices);
      const directory =
        coalition === undefined
          ? (await findServices(ctx, { municipalityCode: municipality, factorKey: factor, category, active })).map(directoryService)
          : [];
      return pageOf([...services, ...directory], window);
    },
  },
};
