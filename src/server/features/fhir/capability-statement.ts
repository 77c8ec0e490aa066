// SPDX-License-Identifier: EUPL-1.2
// GET /fhir/R4/metadata: the CapabilityStatement, written from the same handler list the routes are
// registered from — every interaction and search parameter listed here has a route, and no other.
import { API_VERSION } from '../../platform/http/security-headers.js';
import { MACHINE_SCOPES } from '../../platform/access/policy.js';
import { SIGNING_ALGORITHMS } from '../api-clients/jwt.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../../platform/auth/session.js';
import { FHIR_VERSION, type FhirResource } from './fhir-types.js';
import { searchParameterUrl } from './search-parameter-definitions.js';
import { RESULT_PARAMETERS } from './search-parameters.js';
import type { ResourceHandler } from './resource-handler.js';

const RESULT_PARAMETER_DOCS: Record<(typeof RESULT_PARAMETERS)[number], string> = {
  _count: 'Aantal resultaten per pagina (1–100, standaard 20).',
  _page: 'Paginanummer, vanaf 1 (de links in de Bundle wijzen de volgende en vorige pagina aan).',
  _format: 'Alleen json (application/fhir+json); elke andere waarde geeft 406.',
};

/** Where SMART Backend Services clients get a token (the REST API's OAuth 2.0 token endpoint, ADR 0017). */
export const SMART_OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

export function capabilityStatement(handlers: readonly ResourceHandler[], baseUrl: string, date: string, tokenUrl: string): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Kansrijk',
    kind: 'instance',
    software: { name: 'Kansrijk', version: API_VERSION },
    implementation: { description: 'Kansrijk FHIR R4 API: signaleren, toestemming, verwijzen en terugkoppelen', url: baseUrl },
    fhirVersion: FHIR_VERSION,
    // JSON only: an Accept or _format asking for XML (or anything else) is answered with 406.
    format: ['application/fhir+json', 'json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Dezelfde toegangsregels als de webapplicatie: alleen gezinnen waarmee uw organisatie een zorgrelatie heeft ' +
          '(geregistreerd, of een geaccepteerde verwijzing met geldige toestemming) of waarvoor u noodtoegang heeft. ' +
          'Elke lees-, zoek- en schrijfactie komt in het auditlog (NEN 7513), met het gezin als cliënt. ' +
          'Fouten komen als OperationOutcome met een Nederlandse toelichting. Alleen JSON (application/fhir+json): een andere Accept of _format geeft 406, ' +
          'een andere Content-Type 415, een niet genoemde interactie 405. Zoeken kan ook met POST [type]/_search (parameters als formulier); ' +
          'zoeken op BSN kan alleen zo, zodat een BSN nooit in een URL staat.',
        security: {
          extension: [{ url: SMART_OAUTH_URIS, extension: [{ url: 'token', valueUri: tokenUrl }] }],
          cors: false,
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR', display: 'SMART-on-FHIR' }],
              text: 'SMART Backend Services: OAuth 2.0 client credentials met private_key_jwt',
            },
          ],
          description:
            `Systemen (SMART Backend Services, ADR 0017): vraag een token bij ${tokenUrl} met grant_type=client_credentials en een ondertekende ` +
            'client_assertion (private_key_jwt, RFC 7523; aud = het tokenadres), en stuur het mee als Authorization: Bearer. ' +
            'De client mag wat een medewerker van zijn organisatie in de geregistreerde rollen mag, binnen zijn scopes (bijvoorbeeld referral.read); ' +
            'hij wordt op eigen naam gelogd en na intrekken meteen geweigerd (401). ' +
            'Mensen loggen in zoals in de webapplicatie: POST /api/v1/auth/login en POST /api/v1/auth/second-factor geven een sessiecookie. ' +
            `Wijzigende verzoeken met dat cookie (POST, PUT, PATCH) sturen de waarde van de cookie ${CSRF_COOKIE} mee in de header ${CSRF_HEADER}.`,
        },
        resource: handlers.map((handler) => {
          const interaction = [
            ...(handler.read ? [{ code: 'read' }, { code: 'vread', documentation: 'Alleen de huidige versie (de Location na aanmaken).' }] : []),
            ...(handler.search ? [{ code: 'search-type' }] : []),
            ...(handler.create ? [{ code: 'create', documentation: handler.create.documentation }] : []),
            ...(handler.update ? [{ code: 'update', documentation: handler.update.documentation }] : []),
            ...(handler.patch ? [{ code: 'patch', documentation: handler.patch.documentation }] : []),
            ...(handler.delete ? [{ code: 'delete', documentation: handler.delete.documentation }] : []),
          ];
          const isVersioned = Boolean(handler.update || handler.patch);
          return {
            type: handler.type,
            documentation: handler.documentation,
            interaction,
            versioning: isVersioned ? 'versioned-update' : 'no-version',
            readHistory: false,
            updateCreate: false,
            ...(handler.create ? { conditionalCreate: handler.create.isConditional } : {}),
            ...(isVersioned ? { conditionalUpdate: false } : {}),
            ...(handler.delete ? { conditionalDelete: 'not-supported' } : {}),
            ...(handler.search
              ? {
                  searchParam: [
                    ...handler.search.parameters.map((parameter) => ({
                      name: parameter.name,
                      type: parameter.type,
                      documentation: parameter.documentation,
                      ...(parameter.custom ? { definition: searchParameterUrl(handler.type, parameter.name) } : {}),
                    })),
                    ...RESULT_PARAMETERS.map((name) => ({ name, type: name === '_format' ? 'token' : 'number', documentation: RESULT_PARAMETER_DOCS[name] })),
                  ],
                }
              : {}),
          };
        }),
      },
    ],
  };
}

/**
 * The SMART configuration (SMART App Launch 2.x, Backend Services): the token endpoint, client
 * credentials with a signed assertion only, the accepted algorithms and the scopes a client can get.
 */
export function smartConfiguration(tokenUrl: string) {
  return {
    token_endpoint: tokenUrl,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: SIGNING_ALGORITHMS,
    scopes_supported: MACHINE_SCOPES,
    capabilities: ['client-confidential-asymmetric'],
  };
}
