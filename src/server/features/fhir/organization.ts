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
  return {
    resourceType: 'Organization',
    id: organisation.id,
    meta: metaOfLastChange(organisation.updatedAt),
    ...(organisation.identifier ? { identifier: [{ system: ORGANISATION_CODE_SYSTEM, value: organisation.identifier }] } : {}),
    active: organisation.isActive,
    type: [{ coding: [organisationTypeCoding(organisation.type)], text: nl.organisationTypes[organisation.type] }],
    name: organisation.name,
    ...(organisation.municipalityCodes.length > 0
      ? { address: organisation.municipalityCodes.map((code) => ({ use: 'work', type: 'physical', district: code, country: 'NL' })) }
      : {}),
  };
}

export const organizationHandler: ResourceHandler = {
  type: 'Organization',
  documentation: 'De organisaties in Kansrijk (verloskundigen, JGZ, sociaal team, …) met hun soort en werkgebied (gemeentecodes in address.district).',
  read: async (ctx, id) => toFhirOrganization(await getOrganisation(ctx, uuidOrNotFound(id))),
  search: {
    parameters: [
      { name: 'name', type: 'string', documentation: 'Deel van de naam of de AGB/URA-code.' },
      { name: 'type', type: 'token', documentation: `Soort organisatie (${SYSTEMS.organisationType}), bijvoorbeeld jgz.` },
      { name: 'address-district', type: 'string', documentation: 'Gemeentecode van het werkgebied, bijvoorbeeld GM0505.', custom: { expression: 'Organization.address.district' } },
    ],
    run: async (ctx, parameters, window) => {
      let type: OrganisationType | undefined;
      if (parameters.type) {
        const { code } = parseToken(parameters.type);
        if (!(ORGANISATION_TYPES as readonly string[]).includes(code)) throw invalidParameter('type', `Onbekende soort organisatie '${code.slice(0, 50)}'.`);
        type = code as OrganisationType;
      }
      const district = parameters['address-district'];
      if (district !== undefined && !/^GM\d{4}$/.test(district)) throw invalidParameter('address-district', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      const query = organisationQuerySchema.safeParse({
        page: window.page,
        pageSize: window.pageSize,
        ...(parameters.name ? { q: parameters.name } : {}),
        ...(type ? { type } : {}),
        ...(district ? { municipalityCode: district } : {}),
      });
      if (!query.success) throw invalidParameter('name', query.error.issues[0]!.message);
      const page = await listOrganisations(ctx, query.data);
      return { items: page.items.map(toFhirOrganization), total: page.total };
    },
  },
};
