// SPDX-License-Identifier: EUPL-1.2
// The FHIR R4 API at /fhir/R4: a Fastify plugin with its own media type and its own error shape
// (OperationOutcome). Sessions, CSRF and the access level are the platform's (request-context.ts);
// each route calls a resource handler, which calls the features' use-cases — the same policy and
// the same audit as the web application.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, type FeatureDependencies } from '../../app.js';
import { AppError, logFailure, normaliseError } from '../../platform/errors.js';
import { contextOf } from '../../platform/http/request-context.js';
import { hasAnyGrant } from '../../platform/access/policy.js';
import { strictJsonParser } from '../../platform/http/storable-input.js';
import { invalidParameter, searchset, searchWindowOf } from './bundle.js';
import { capabilityStatement, smartConfiguration } from './capability-statement.js';
import { tokenEndpointUrl } from '../api-clients/issue-token.js';
import { FHIR_CONTENT_TYPE, weakEtag, versionFromIfMatch, type FhirResource } from './fhir-types.js';
import { sendOperationOutcome } from './operation-outcome.js';
import { parseSearchParameters } from './search-parameters.js';
import { allowedMethodsOf, checkAcceptable, checkFormat, formParser, requireMediaType, FORM_MEDIA_TYPE, RESOURCE_MEDIA_TYPES } from './negotiation.js';
import type { FhirContext, JsonPatchOperation, ResourceHandler } from './resource-handler.js';
import { FHIR_RESOURCE_HANDLERS } from './resources.js';

const JSON_PATCH = 'application/json-patch+json';
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function fhirContext(request: FastifyRequest, deps: FeatureDependencies): FhirContext {
  return { ...contextOf(request, deps), baseUrl: baseUrlOf(deps), db: deps.db, allowsLocalHttpEndpoints: deps.config.nodeEnv !== 'production' };
}

/**
 * Deny by default, before any lookup: a role with no grant at all on the handler's policy resource
 * is refused through the scoped store, so the refusal is audited like any other.
 */
async function guarded(request: FastifyRequest, deps: FeatureDependencies, handler: ResourceHandler, action: 'list' | 'read' | 'create' | 'update' | 'deactivate'): Promise<FhirContext> {
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

/**
 * One search, by GET (parameters in the URL) or by POST _search (parameters in a form body, and
 * optionally the URL). A parameter marked sensitive (a BSN) is refused in a URL and never written
 * into the Bundle's links: those then point at _search, where the client posts it again.
 */
async function runSearch(request: FastifyRequest, reply: FastifyReply, deps: FeatureDependencies, handler: ResourceHandler, query: unknown, via: 'get' | 'post') {
  const search = handler.search!;
  const parameters = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  checkFormat(parameters._format);
  const window = searchWindowOf(parameters);
  const ctx = await guarded(request, deps, handler, 'list');
  const { values, given } = parseSearchParameters(parameters, search.parameters);
  const sensitive = search.parameters.filter((parameter) => parameter.isSensitive && values[parameter.name] !== undefined);
  const inUrl = Object.keys((request.query as Record<string, unknown> | undefined) ?? {});
  if (sensitive.some((parameter) => via === 'get' || inUrl.includes(parameter.name))) {
    const name = sensitive[0]!.name;
    throw invalidParameter(name, `Zoek op ${name} met POST ${ctx.baseUrl}/${handler.type}/_search (de waarde in de body, ${FORM_MEDIA_TYPE}): een BSN hoort niet in een URL.`);
  }
  const page = await search.run(ctx, values, window);
  const linkParameters: Record<string, string | string[]> = Object.fromEntries(Object.entries({ ...given, ...(page.linkParameters ?? {}) }).filter(([name]) => !sensitive.some((parameter) => parameter.name === name)));
  return reply
    .header('Cache-Control', 'no-store')
    .type(FHIR_CONTENT_TYPE)
    .send(searchset({ baseUrl: ctx.baseUrl, resourceType: sensitive.length > 0 ? `${handler.type}/_search` : handler.type, parameters: linkParameters, window, page, toResource: (resource) => resource }));
}

function handlerOf(handlers: readonly ResourceHandler[], type: string): ResourceHandler {
  const handler = handlers.find((candidate) => candidate.type === type);
  if (!handler) throw new AppError('not_found');
  return handler;
}

/** 405 with the methods the path does support (the same list the CapabilityStatement is written from). */
function methodNotAllowed(reply: FastifyReply, allowed: readonly string[]) {
  reply.header('Allow', allowed.join(', '));
  return sendOperationOutcome(reply, new AppError('method_not_allowed'));
}

function registerHandler(fhir: FastifyInstance, handler: ResourceHandler, deps: FeatureDependencies) {
  const hide = { hide: true };
  const { type } = handler;
  if (handler.search) {
    fhir.get(`/R4/${type}`, { schema: hide }, async (request, reply) => runSearch(request, reply, deps, handler, request.query, 'get'));
  }
  if (handler.read) {
    const read = handler.read;
    fhir.get(`/R4/${type}/:id`, { schema: hide }, async (request, reply) => {
      const { id } = request.params as { id: string };
      // GET [type]/_search is the search's POST-only path, not a resource id.
      if (id === '_search') return methodNotAllowed(reply, ['POST']);
      const ctx = await guarded(request, deps, handler, 'read');
      return sendResource(reply, await read(ctx, id));
    });
  }
  if (handler.create) {
    const create = handler.create;
    fhir.post(`/R4/${type}`, { schema: hide }, async (request, reply) => {
      const ctx = await guarded(request, deps, handler, 'create');
      requireMediaType(request, RESOURCE_MEDIA_TYPES);
      checkResourceType(request.body, type);
      const headers = { idempotencyKey: singleHeader(request, 'idempotency-key'), ifNoneExist: singleHeader(request, 'if-none-exist') };
      const { resource, isNew } = await create.run(ctx, request.body, headers);
      // The version read (vread) at this URL answers as long as it is the current version.
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
      requireMediaType(request, RESOURCE_MEDIA_TYPES);
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
      requireMediaType(request, [JSON_PATCH]);
      if (!isJsonPatch(request.body)) {
        const message = 'Stuur een JSON Patch: een lijst van 1 tot 20 bewerkingen met op en path.';
        throw new AppError('validation_failed', { message, errors: [{ path: 'body', message }] });
      }
      const expectedVersion = versionFromIfMatch(request.headers['if-match']);
      return sendResource(reply, await preconditioned(expectedVersion, () => patch.run(ctx, id, request.body as JsonPatchOperation[], expectedVersion)));
    });
  }
  if (handler.delete) {
    const remove = handler.delete;
    fhir.delete(`/R4/${type}/:id`, { schema: hide }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const ctx = await guarded(request, deps, handler, 'deactivate');
      await remove.run(ctx, id);
      return reply.status(204).header('Cache-Control', 'no-store').send();
    });
  }
}

export function fhirApi(deps: FeatureDependencies, handlers: readonly ResourceHandler[] = FHIR_RESOURCE_HANDLERS) {
  return async function registerFhirApi(fhir: FastifyInstance) {
    const hide = { hide: true };
    // FHIR's own media types; application/json is parsed by Fastify already. Same safe parser.
    fhir.addContentTypeParser(['application/fhir+json', JSON_PATCH], { parseAs: 'buffer' }, strictJsonParser(fhir));
    // POST _search sends its parameters as a form (FHIR R4 3.1.1.6).
    fhir.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, formParser);
    // Only JSON is spoken: an Accept or _format asking for anything else is 406, before any work.
    fhir.addHook('onRequest', async (request) => {
      checkAcceptable(request.headers.accept);
      checkFormat((request.query as Record<string, unknown> | undefined)?._format);
    });

    fhir.setErrorHandler((error, request, reply) => {
      if (error instanceof PreconditionFailed) return sendOperationOutcome(reply, error.appError, 412);
      const { appError, isUnexpected } = normaliseError(error);
      logFailure(request, error, appError, isUnexpected);
      return sendOperationOutcome(reply, appError);
    });
    // A known resource type with a method it does not declare: 405 and Allow; anything else 404.
    fhir.setNotFoundHandler((request, reply) => {
      const allowed = allowedMethodsOf(request.url, handlers);
      if (allowed && !allowed.includes(request.method === 'HEAD' ? 'GET' : request.method)) return methodNotAllowed(reply, allowed);
      return sendOperationOutcome(reply, new AppError('not_found'));
    });

    const tokenUrl = tokenEndpointUrl(deps.config, API_PREFIX);
    fhir.get('/R4/metadata', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').type(FHIR_CONTENT_TYPE).send(capabilityStatement(handlers, baseUrlOf(deps), deps.clock.now().toISOString(), tokenUrl)),
    );
    // SMART Backend Services discovery: where and how a system gets a token (ADR 0017).
    fhir.get('/R4/.well-known/smart-configuration', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').type('application/json').send(smartConfiguration(tokenUrl)),
    );
    for (const handler of handlers) registerHandler(fhir, handler, deps);

    // Search by POST: the parameters in a form body, so that no BSN ends up in a URL (or a log of one).
    fhir.post('/R4/:type/_search', { schema: hide }, async (request, reply) => {
      const { type } = request.params as { type: string };
      const handler = handlerOf(handlers, type);
      if (!handler.search) return methodNotAllowed(reply, allowedMethodsOf(request.url, handlers) ?? []);
      if (request.body !== undefined && request.body !== null && request.body !== '') requireMediaType(request, [FORM_MEDIA_TYPE]);
      const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, string | string[]>) : {};
      const query = request.query as Record<string, string | string[]>;
      const merged: Record<string, string | string[]> = { ...query };
      for (const [name, value] of Object.entries(body)) {
        const before = merged[name];
        merged[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), ...(Array.isArray(value) ? value : [value])];
      }
      return runSearch(request, reply, deps, handler, merged, 'post');
    });

    // vread: the current version under its version URL (the Location of a create); no older versions are kept.
    fhir.get('/R4/:type/:id/_history/:vid', { schema: hide }, async (request, reply) => {
      const { type, id, vid } = request.params as { type: string; id: string; vid: string };
      const handler = handlerOf(handlers, type);
      if (!handler.read) return methodNotAllowed(reply, allowedMethodsOf(request.url, handlers) ?? []);
      const ctx = await guarded(request, deps, handler, 'read');
      const resource = await handler.read(ctx, id);
      if (resource.meta?.versionId !== vid) {
        throw new AppError('not_found', { message: `Versie ${vid.slice(0, 20)} bestaat niet of is niet meer beschikbaar; alleen de huidige versie (${resource.meta?.versionId ?? '?'}) kan worden gelezen.` });
      }
      return sendResource(reply, resource);
    });

    // Anything else under /fhir is an unknown FHIR path: an OperationOutcome, also where the web
    // app's fallback route would otherwise answer (GET) — it is more specific than the app's '/*'.
    fhir.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const allowed = allowedMethodsOf(request.url, handlers);
      if (allowed && !allowed.includes('GET')) return methodNotAllowed(reply, allowed);
      throw new AppError('not_found');
    });
  };
}
