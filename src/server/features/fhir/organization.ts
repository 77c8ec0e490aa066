// SPDX-License-Identifier: EUPL-1.2
// Organization: the organisation directory (not personal data; everyone logged in may look it up
// to refer). Read and search go through the organisations feature's own use-cases.
import { nl } from '../../../contracts/i18n/nl.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../contracts/roles.js';
import { organisationQuerySchema, type Organisation } from '../../../contracts/organisations.js';
import { getOrganisation } from '../organisations/get-organisation.js';
import { listOrganisations } from '../organisations/list-organisations.js';
import { invalidParameter } from './bundle.js';
import { KANSRIJK_IDENTIFIER, SYSTEMS, metaOfLastChange, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { parseToken } from './search-parameters.js';
import type { ResourceHandler } from './resource-handler.js';

export const ORGANISATION_CODE_SYSTEM = `${KANSRIJK_IDENTIFIER}/organisatiecode`;

export function organisationTypeCoding(type: OrganisationType) {
  return { system: SYSTEMS.organisationType, code: type, display: nl.organisationTypes[type] };
}

export function toFhirOrganization(organisation: Organisation): FhirResource {
  // The Dutch naming systems first (AGB-Z of Vektis, URA of the UZI register), then our own code.
  const identifiers = [
    ...(organisation.agbCode ? [{ use: 'official', system: SYSTEMS.agb, value: organisation.agbCode }] : []),
    ...(organisation.uraCode ? [{ use: 'official', system: SYSTEMS.ura, value: organisation.uraCode }] : []),
    ...(organisation.identifier ? [{ system: ORGANISATION_CODE_SYSTEM, value: organisation.identifier }] : []),
  ];
  return {
    resourceType: 'Organization',
    id: organisation.id,
    meta: metaOfLastChange(organisation.updatedAt),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    active: organisation.isActive,
    type: [{ coding: [organisationTypeCoding(organisation.type)], text: nl.organisationTypes[organisation.type] }],
    name: organisation.name,
    ...(organisation.municipalityCodes.length > 0
      ? { address: organisation.municipalityCodes.map((code) => ({ use: 'work', type: 'physical', district: code, country: 'NL' })) }
      : {}),
  };
}

/** The filter of an `identifier` token: the system picks the column; none means any of them. */
function identifierFilter(value: string): { agbCode: string } | { uraCode: string } | { anyCode: string } | null {
  const { system, code } = parseToken(value);
  if (!code || code.length > 50) throw invalidParameter('identifier', 'Geef een identificatie, bijvoorbeeld http://fhir.nl/fhir/NamingSystem/agb-z|01234567.');
  if (system === SYSTEMS.agb || system === SYSTEMS.ura) {
    if (!/^\d{8}$/.test(code)) throw invalidParameter('identifier', system === SYSTEMS.agb ? nl.fieldErrors.agbCodeFormat : nl.fieldErrors.uraCodeFormat);
    return system === SYSTEMS.agb ? { agbCode: code } : { uraCode: code };
  }
  if (system === null || system === ORGANISATION_CODE_SYSTEM) return { anyCode: code };
  // Another naming system: nothing in Kansrijk is identified by it.
  return null;
}

function parseBooleanToken(name: string, value: string): boolean {
  const { code } = parseToken(value);
  if (code !== 'true' && code !== 'false') throw invalidParameter(name, 'Geef true of false.');
  return code === 'true';
}

export const organizationHandler: ResourceHandler = {
  type: 'Organization',
  documentation: 'De organisaties in Kansrijk (verloskundigen, JGZ, sociaal team, …) met hun soort en werkgebied (gemeentecodes in address.district).',
  read: async (ctx, id) => toFhirOrganization(await getOrganisation(ctx, uuidOrNotFound(id))),
  search: {
    parameters: [
      { name: 'name', type: 'string', documentation: 'Deel van de naam of de AGB/URA-code.' },
      { name: 'type', type: 'token', documentation: `Soort organisatie (${SYSTEMS.organisationType}), bijvoorbeeld jgz.` },
      {
        name: 'identifier',
        type: 'token',
        documentation: `AGB-code (${SYSTEMS.agb}|01234567), URA (${SYSTEMS.ura}|87654321) of eigen code (${ORGANISATION_CODE_SYSTEM}|…); zonder systeem elk van de drie, exact.`,
      },
      { name: 'address-district', type: 'string', documentation: 'Gemeentecode van het werkgebied, bijvoorbeeld GM0505.', custom: { expression: 'Organization.address.district' } },
      { name: 'active', type: 'token', documentation: 'true: alleen actieve organisaties (ook zonder deze parameter); false: alleen organisaties die niet meer actief zijn.' },
      {
        name: 'keeps-service',
        type: 'token',
        documentation: 'true: alleen organisaties die minstens één actieve dienst op de sociale kaart bijhouden (HealthcareService.providedBy of de bijhoudende organisatie).',
        custom: { expression: "Organization.extension('keeps-service')" },
      },
      {
        name: 'service-municipality',
        type: 'string',
        documentation: 'Gemeentecode (bijvoorbeeld GM0505): alleen organisaties die een actieve dienst op de sociale kaart bijhouden die in die gemeente werkt.',
        custom: { expression: "Organization.extension('service-municipality')" },
      },
    ],
    run: async (ctx, parameters, window) => {
      let type: OrganisationType | undefined;
      if (parameters.type) {
        const { code } = parseToken(parameters.type);
        if (!(ORGANISATION_TYPES as readonly string[]).includes(code)) throw invalidParameter('type', `Onbekende soort organisatie '${code.slice(0, 50)}'.`);
        type = code as OrganisationType;
      }
      const identifier = parameters.identifier === undefined ? {} : identifierFilter(parameters.identifier);
      if (identifier === null) return { items: [], total: 0 };
      const district = parameters['address-district'];
      if (district !== undefined && !/^GM\d{4}$/.test(district)) throw invalidParameter('address-district', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      const active = parameters.active === undefined ? undefined : parseBooleanToken('active', parameters.active);
      const keepsService = parameters['keeps-service'] === undefined ? undefined : parseBooleanToken('keeps-service', parameters['keeps-service']);
      const serviceMunicipality = parameters['service-municipality'];
      if (serviceMunicipality !== undefined && !/^GM\d{4}$/.test(serviceMunicipality)) throw invalidParameter('service-municipality', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      if (keepsService === false) throw invalidParameter('keeps-service', 'Alleen true wordt ondersteund.');
      const directory = serviceMunicipality ? { municipalityCode: serviceMunicipality } : keepsService ? { municipalityCode: null } : undefined;
      const query = organisationQuerySchema.safeParse({
        page: window.page,
        pageSize: window.pageSize,
        ...(parameters.name ? { q: parameters.name } : {}),
        ...(type ? { type } : {}),
        ...(district ? { municipalityCode: district } : {}),
        ...identifier,
      });
      if (!query.success) throw invalidParameter('name', query.error.issues[0]!.message);
      const anyCode = 'anyCode' in identifier ? (identifier.anyCode as string) : undefined;
      const page = await listOrganisations(ctx, {
        ...query.data,
        ...(anyCode ? { anyCode } : {}),
        ...(active !== undefined ? { active } : {}),
        ...(directory ? { keepsService: directory } : {}),
      });
      return { items: page.items.map(toFhirOrganization), total: page.total };
    },
  },
};
