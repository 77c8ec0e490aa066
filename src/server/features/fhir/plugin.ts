// SPDX-License-Identifier: EUPL-1.2
// The FHIR R4 API at /fhir/R4: a Fastify plugin with its own media type and its own error shape
// (OperationOutcome). Sessions, CSRF and the access level are the platform's (request-context.ts);
// each route calls a resource handler, which calls the features' use-cases — the same policy and
// the same audit as the web application.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureDependencies } from '../../app.js';
import { AppError, logFailure, normaliseError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/request-context.js';
import { hasAnyGrant } from '../../platform/access/policy.js';
import { strictJsonParser } from '../../platform/http/storable-input.js';
import { searchset, searchWindowOf } from './bundle.js';
import { capabilityStatement } from './capability-statement.js';
import { FHIR_CONTENT_TYPE, weakEtag, versionFromIfMatch, type FhirResource } from './fhir-types.js';
import { sendOperationOutcome } from './operation-outcome.js';
import { parseSearchParameters } from './search-parameters.js';
import type { FhirContext, JsonPatchOperation, ResourceHandler } from './resource-handler.js';
import { FHIR_RESOURCE_HANDLERS } from './resources.js';

const JSON_PATCH = 'application/json-patch+json';
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function fhirContext(request: FastifyRequest, deps: FeatureDependencies): FhirContext {
  return { ...contextOf(request, deps), baseUrl: baseUrlOf(deps), db: deps.db };
}

/**
 * Deny by default, before any lookup: a role with no grant at all on the handler's policy resource
 * is refused through the scoped store, so the refusal is audited like any other.
 */
async function guarded(request: FastifyRequest, deps: FeatureDependencies, handler: ResourceHandler, action: 'list' | 'read' | 'create' | 'update'): Promise<FhirContext> {
  const ctx = fhirContext(request, deps);
  const resource = handler.policyResource;
  if (resource && !hasAnyGrant(ctx.actor, resource, action)) {
    // The store's own refusal path: it audits the attempt (with the action) and throws forbidden.
    const nothing = async () => ({ id: '' });
    if (action === 'list') await ctx.store.search({ resource, perform: nothing, clientIds: () => [] });
    else if (action === 'create') await ctx.store.create({ resource, target: { organisationIds: [] }, perform: nothing });
    else await ctx.store.act({ resource, action, objectId: `fhir:${handler.type}`, locate: async () => ({ organisationIds: [] }), perform: nothing });
    throw new AppError('forbidden');
  }
  return ctx;
}

function baseUrlOf(deps: FeatureDependencies): string {
  return `${deps.config.publicUrl.replace(/\/$/, '')}/fhir/R4`;
}

function sendResource(reply: FastifyReply, resource: FhirResource, status = 200) {
  if (resource.meta?.versionId) reply.header('ETag', weakEtag(resource.meta.versionId));
  if (resource.meta?.lastUpdated) reply.header('Last-Modified', new Date(resource.meta.lastUpdated).toUTCString());
  return reply.status(status).header('Cache-Control', 'no-store').type(FHIR_CONTENT_TYPE).send(resource);
}

function singleHeader(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined) return null;
  const trimmed = one.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError('validation_failed', {
      message: `De header ${name} moet 1 tot ${MAX_IDEMPOTENCY_KEY_LENGTH} tekens lang zijn.`,
      errors: [{ path: `headers.${name}`, message: `De header ${name} moet 1 tot ${MAX_IDEMPOTENCY_KEY_LENGTH} tekens lang zijn.` }],
    });
  }
  return trimmed;
}

function isJsonPatch(body: unknown): body is JsonPatchOperation[] {
  return (
    Array.isArray(body) &&
    body.length > 0 &&
    body.length <= 20 &&
    body.every((operation) => typeof operation === 'object' && operation !== null && typeof (operation as { op?: unknown }).op === 'string' && typeof (operation as { path?: unknown }).path === 'string')
  );
}

function checkResourceType(body: unknown, type: string) {
  const resourceType = body && typeof body === 'object' && !Array.isArray(body) ? (body as { resourceType?: unknown }).resourceType : undefined;
  if (resourceType !== type) {
    const message = `Stuur een ${type}-resource (resourceType '${type}').`;
    throw new AppError('validation_failed', { message, errors: [{ path: 'resourceType', message }] });
  }
}

/** A change under If-Match that meets a newer version: 412 Precondition Failed, as FHIR asks. */
class PreconditionFailed extends Error {
  constructor(readonly appError: AppError) {
    super('precondition_failed');
  }
}

async function preconditioned<T>(expectedVersion: number | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (expectedVersion !== null && error instanceof AppError && error.code === 'stale_version') throw new PreconditionFailed(error);
    throw error;
  }
}

function registerHandler(fhir: FastifyInstance, handler: ResourceHandler, deps: FeatureDependencies) {
  const hide = { hide: true };
  const { type } = handler;
  if (handler.search) {
    const search = handler.search;
    fhir.get(`/R4/${type}`, { schema: hide }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const window = searchWindowOf(query);
      const ctx = await guarded(request, deps, handler, 'list');
      const { values, given } = parseSearchParameters(query, search.parameters);
      const page = await search.run(ctx, values, window);
      return reply
        .header('Cache-Control', 'no-store')
        .type(FHIR_CONTENT_TYPE)
        .send(searchset({ baseUrl: ctx.baseUrl, resourceType: type, parameters: given, window, page, toResource: (resource) => resource }));
    });
  }
  if (handler.read) {
    const read = handler.read;
    fhir.get(`/R4/${type}/:id`, { schema: hide }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const ctx = await guarded(request, deps, handler, 'read');
      return sendResource(reply, await read(ctx, id));
    });
  }
  if (handler.create) {
    const create = handler.create;
    fhir.post(`/R4/${type}`, { schema: hide }, async (request, reply) => {
      const ctx = await guarded(request, deps, handler, 'create');
      checkResourceType(request.body, type);
      const headers = { idempotencyKey: singleHeader(request, 'idempotency-key'), ifNoneExist: singleHeader(request, 'if-none-exist') };
      const { resource, isNew } = await create.run(ctx, request.body, headers);
      const version = resource.meta?.versionId;
      reply.header('Location', `${ctx.baseUrl}/${resource.resourceType}/${resource.id}${version ? `/_history/${version}` : ''}`);
      return sendResource(reply, resource, isNew ? 201 : 200);
    });
  }
  if (handler.update) {
    const update = handler.update;
    fhir.put(`/R4/${type}/:id`, { schema: hide }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const ctx = await guarded(request, deps, handler, 'update');
      checkResourceType(request.body, type);
      const expectedVersion = versionFromIfMatch(request.headers['if-match']);
      return sendResource(reply, await preconditioned(expectedVersion, () => update.run(ctx, id, request.body, expectedVersion)));
    });
  }
  if (handler.patch) {
    const patch = handler.patch;
    fhir.patch(`/R4/${type}/:id`, { schema: hide }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const ctx = await guarded(request, deps, handler, 'update');
      if (!String(request.headers['content-type'] ?? '').startsWith(JSON_PATCH)) throw new AppError('unsupported_media_type', { message: `Stuur een JSON Patch (${JSON_PATCH}).` });
      if (!isJsonPatch(request.body)) {
        const message = 'Stuur een JSON Patch: een lijst van 1 tot 20 bewerkingen met op en path.';
        throw new AppError('validation_failed', { message, errors: [{ path: 'body', message }] });
      }
      const expectedVersion = versionFromIfMatch(request.headers['if-match']);
      return sendResource(reply, await preconditioned(expectedVersion, () => patch.run(ctx, id, request.body as JsonPatchOperation[], expectedVersion)));
    });
  }
}

export function fhirApi(deps: FeatureDependencies, handlers: readonly ResourceHandler[] = FHIR_RESOURCE_HANDLERS) {
  return async function registerFhirApi(fhir: FastifyInstance) {
    // FHIR's own media types; application/json is parsed by Fastify already. Same safe parser.
    fhir.addContentTypeParser(['application/fhir+json', JSON_PATCH], { parseAs: 'buffer' }, strictJsonParser(fhir));

    fhir.setErrorHandler((error, request, reply) => {
      if (error instanceof PreconditionFailed) return sendOperationOutcome(reply, error.appError, 412);
      const { appError, isUnexpected } = normaliseError(error);
      logFailure(request, error, appError, isUnexpected);
      return sendOperationOutcome(reply, appError);
    });
    fhir.setNotFoundHandler((_request, reply) => sendOperationOutcome(reply, new AppError('not_found')));

    fhir.get('/R4/metadata', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('Cache-Control', 'no-cache')
        .type(FHIR_CONTENT_TYPE)
        .send(capabilityStatement(handlers, baseUrlOf(deps), deps.clock.now().toISOString())),
    );
    for (const handler of handlers) registerHandler(fhir, handler, deps);

    // Anything else under /fhir is an unknown FHIR path: an OperationOutcome, also where the web
    // app's fallback route would otherwise answer (GET) — it is more specific than the app's '/*'.
    fhir.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw new AppError('not_found');
    });
  };
}
