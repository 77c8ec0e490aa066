// SPDX-License-Identifier: EUPL-1.2
// HealthcareService: what help is on offer. Two kinds, both public agreements (no personal data):
// - the support named in a care pathway (zorgpad) step, per risk factor and municipality or coalition
//   (id = pathway id + step + service number), from the pathways feature's listPathways;
// - an organisation's own referral service (id = the organisation id), from getOrganisation.
import { nl } from '../../../contracts/i18n/nl.js';
import type { CarePathway } from '../../../contracts/pathways.js';
import type { Organisation } from '../../../contracts/organisations.js';
import { AppError } from '../../platform/errors.js';
import { getOrganisation } from '../organisations/get-organisation.js';
import { listPathways } from '../pathways/list-pathways.js';
import { invalidParameter, pageOf } from './bundle.js';
import { EXTENSIONS, SYSTEMS, instant, isUuid, metaOfLastChange, reference, type FhirResource } from './fhir-types.js';
import { organisationTypeCoding } from './organization.js';
import { parseReference, parseToken } from './search-parameters.js';
import type { ResourceHandler } from './resource-handler.js';

const SERVICE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,3})-(\d{1,3})$/i;

export function pathwayServices(pathway: CarePathway): FhirResource[] {
  return pathway.steps.flatMap((step, stepIndex) =>
    step.services.map((service, serviceIndex) => {
      const telecom = [
        ...(service.contact.phone ? [{ system: 'phone', value: service.contact.phone }] : []),
        ...(service.contact.email ? [{ system: 'email', value: service.contact.email }] : []),
        ...(service.contact.website ? [{ system: 'url', value: service.contact.website }] : []),
      ];
      return {
        resourceType: 'HealthcareService',
        id: `${pathway.id}-${stepIndex + 1}-${serviceIndex + 1}`,
        meta: { versionId: String(pathway.version), lastUpdated: instant(pathway.updatedAt) },
        // A municipality's pathway carries its GM code, a coalition's its KS code: each in the extension
        // whose search parameter (municipality, coalition) finds it again.
        extension: [{ url: pathway.level === 'municipality' ? EXTENSIONS.municipality : EXTENSIONS.coalition, valueCode: pathway.scopeCode }],
        active: true,
        providedBy: { display: service.organisationName },
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
    'en per organisatie haar verwijsdienst (id = het id van de organisatie).',
  read: async (ctx, id) => {
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
      { name: 'organization', type: 'reference', documentation: 'De verwijsdienst van deze organisatie (Organization/{id}).' },
    ],
    run: async (ctx, parameters, window) => {
      if (parameters.organization) {
        if (Object.keys(parameters).length > 1) throw invalidParameter('organization', 'Zoek met organization zonder andere zoekparameters.');
        const id = parseReference('organization', parameters.organization, 'Organization');
        if (!isUuid(id)) return { items: [], total: 0 };
        try {
          return { items: [organisationService(await getOrganisation(ctx, id.toLowerCase()))], total: 1 };
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found') return { items: [], total: 0 };
          throw error;
        }
      }
      const municipality = parameters.municipality ? parseToken(parameters.municipality).code : undefined;
      if (municipality !== undefined && !/^GM\d{4}$/.test(municipality)) throw invalidParameter('municipality', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      const coalition = parameters.coalition ? parseToken(parameters.coalition).code : undefined;
      if (coalition !== undefined && !/^KS\d{4}$/.test(coalition)) throw invalidParameter('coalition', 'Geef een coalitiecode, bijvoorbeeld KS0001.');
      const factor = parameters.characteristic ? parseToken(parameters.characteristic).code : undefined;
      const { items } = await listPathways(ctx, municipality);
      const services = items
        .filter((pathway) => factor === undefined || pathway.factorKey === factor)
        .filter((pathway) => coalition === undefined || (pathway.level === 'coalition' && pathway.scopeCode === coalition))
        .flatMap(pathwayServices);
      return pageOf(services, window);
    },
  },
};
