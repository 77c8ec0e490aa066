// SPDX-License-Identifier: EUPL-1.2
// SearchParameter: the definitions of our own search parameters (those the FHIR R4 specification does
// not define), written from the same handler list as the routes and the CapabilityStatement, which
// names each one as searchParam.definition. Not personal data.
import { AppError } from '../../platform/errors.js';
import { pageOf } from './bundle.js';
import { KANSRIJK_CODE_SYSTEM, type FhirResource } from './fhir-types.js';
import type { ResourceHandler, SearchParameterDefinition } from './resource-handler.js';

const BASE_URL = KANSRIJK_CODE_SYSTEM.replace(/\/CodeSystem$/, '/SearchParameter');
/** When these definitions last changed (they change with the code, not with data). */
const DEFINITIONS_UPDATED = '2026-12-07T00:00:00Z';

function idOf(type: string, name: string): string {
  return `${type}-${name}`.toLowerCase();
}

export function searchParameterUrl(type: string, name: string): string {
  return `${BASE_URL}/${idOf(type, name)}`;
}

function toSearchParameter(type: string, parameter: SearchParameterDefinition): FhirResource {
  return {
    resourceType: 'SearchParameter',
    id: idOf(type, parameter.name),
    meta: { versionId: '1', lastUpdated: DEFINITIONS_UPDATED },
    url: searchParameterUrl(type, parameter.name),
    version: '1',
    name: `${type}-${parameter.name}`.replace(/[^A-Za-z0-9]/g, '_'),
    status: 'active',
    experimental: false,
    publisher: 'Kansrijk',
    description: parameter.documentation,
    code: parameter.name,
    base: [type],
    type: parameter.type,
    ...(parameter.custom?.expression ? { expression: parameter.custom.expression, xpathUsage: 'normal' } : {}),
  };
}

/** Every custom search parameter of these handlers as a SearchParameter resource. */
export function searchParameterResources(handlers: readonly ResourceHandler[]): FhirResource[] {
  return handlers.flatMap((handler) => (handler.search?.parameters ?? []).filter((parameter) => parameter.custom).map((parameter) => toSearchParameter(handler.type, parameter)));
}

export function searchParameterHandler(handlers: readonly ResourceHandler[]): ResourceHandler {
  return {
    type: 'SearchParameter',
    documentation: 'De definities van de eigen zoekparameters van deze API (de CapabilityStatement verwijst ernaar met definition).',
    read: async (_ctx, id) => {
      const found = searchParameterResources(handlers).find((resource) => resource.id === id.toLowerCase());
      if (!found) throw new AppError('not_found');
      return found;
    },
    search: {
      parameters: [
        { name: 'url', type: 'uri', documentation: 'De canonieke url van de definitie.' },
        { name: 'base', type: 'token', documentation: 'Het resourcetype waarop de parameter zoekt, bijvoorbeeld Patient.' },
        { name: 'code', type: 'token', documentation: 'De naam van de parameter in een zoekopdracht, bijvoorbeeld address-district.' },
      ],
      run: async (_ctx, parameters, window) => {
        const matching = searchParameterResources(handlers).filter(
          (resource) =>
            (parameters.url === undefined || resource.url === parameters.url) &&
            (parameters.base === undefined || (resource.base as string[]).includes(parameters.base)) &&
            (parameters.code === undefined || resource.code === parameters.code),
        );
        return pageOf(matching, window);
      },
    },
  };
}
