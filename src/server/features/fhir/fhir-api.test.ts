// SPDX-License-Identifier: EUPL-1.2
// The FHIR R4 API's frame: CapabilityStatement, media type, OperationOutcome for every kind of
// error (never problem+json under /fhir), strict search parameters, Bundle paging, Organization.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { FHIR_RESOURCE_HANDLERS } from './resources.js';
import { fhirBody, outcomeOf, resourcesOf, type SearchsetBody } from './test-support.js';

let t: TestApp;
let midwife: Caller;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
});
afterAll(() => t.close());

describe('metadata', () => {
  it('is public and lists exactly the resources, interactions and search parameters that have routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(response.statusCode).toBe(200);
    const statement = fhirBody<{
      resourceType: string;
      fhirVersion: string;
      rest: { resource: { type: string; interaction: { code: string }[]; searchParam?: { name: string }[] }[] }[];
    }>(response);
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const listed = statement.rest[0]!.resource;
    expect(listed.map((resource) => resource.type)).toEqual(FHIR_RESOURCE_HANDLERS.map((handler) => handler.type));
    for (const resource of listed) {
      for (const { code } of resource.interaction) {
        const probe =
          code === 'read' ? { method: 'GET' as const, url: `/fhir/R4/${resource.type}/00000000-0000-4000-8000-000000000000` }
          : code === 'vread' ? { method: 'GET' as const, url: `/fhir/R4/${resource.type}/00000000-0000-4000-8000-000000000000/_history/1` }
          : code === 'search-type' ? { method: 'GET' as const, url: `/fhir/R4/${resource.type}` }
          : code === 'create' ? { method: 'POST' as const, url: `/fhir/R4/${resource.type}`, payload: { resourceType: resource.type } }
          : code === 'update' ? { method: 'PUT' as const, url: `/fhir/R4/${resource.type}/00000000-0000-4000-8000-000000000000`, payload: { resourceType: resource.type } }
          : code === 'delete' ? { method: 'DELETE' as const, url: `/fhir/R4/${resource.type}/00000000-0000-4000-8000-000000000000` }
          : { method: 'PATCH' as const, url: `/fhir/R4/${resource.type}/00000000-0000-4000-8000-000000000000`, payload: [{ op: 'replace', path: '/status', value: 'x' }], headers: { 'content-type': 'application/json-patch+json' } };
        // Anonymous: the route exists (401, not 404).
        const answer = await t.app.inject({ ...probe, headers: { ...anonymousHeaders, ...('headers' in probe ? probe.headers : {}) } });
        expect(answer.statusCode, `${code} ${resource.type}`).toBe(401);
      }
      if (resource.interaction.some(({ code }) => code === 'search-type')) expect(resource.searchParam?.length).toBeGreaterThan(0);
    }
  });
});

describe('errors are OperationOutcomes with Dutch text', () => {
  it('401 without a session, in FHIR media type', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fhir/R4/Organization' });
    expect(response.statusCode).toBe(401);
    const outcome = outcomeOf(response);
    expect(outcome.code).toBe('unauthenticated');
    expect(outcome.text).toBe('U bent niet ingelogd. Log in om verder te gaan.');
  });

  it('401 second_factor_required for a session that has not passed its second factor', async () => {
    const pending = await sessionFor(t, 'midwife', 'wieg', 'second_factor');
    const response = await t.app.inject({ method: 'GET', url: '/fhir/R4/Organization', headers: pending.headers });
    expect(response.statusCode).toBe(401);
    expect(outcomeOf(response).code).toBe('second_factor_required');
  });

  it('403 csrf_failed for a change without the CSRF header', async () => {
    const headers = { cookie: midwife.session.headers.cookie!, 'content-type': 'application/fhir+json' };
    const creatable = FHIR_RESOURCE_HANDLERS.find((handler) => handler.create)!;
    const response = await t.app.inject({ method: 'POST', url: `/fhir/R4/${creatable.type}`, headers, payload: '{}' });
    expect(response.statusCode).toBe(403);
    expect(outcomeOf(response).code).toBe('csrf_failed');
  });

  it('404 for unknown paths, types and ids — GET and other methods', async () => {
    for (const [method, url] of [
      ['GET', '/fhir/R4/Unknown'],
      ['GET', '/fhir/R4/Organization/00000000-0000-4000-8000-000000000000'],
      ['GET', '/fhir/R4/Organization/not-a-uuid'],
      ['DELETE', '/fhir/R4/Unknown/00000000-0000-4000-8000-000000000000'],
      ['POST', '/fhir/R4/Unknown'],
      ['GET', '/fhir/DSTU2/metadata'],
    ] as const) {
      const response = await midwife.request(method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(outcomeOf(response).code).toBe('not_found');
    }
  });

  it('400 for an unknown search parameter, a repeated one and a bad _count, naming the parameter', async () => {
    const unknown = await midwife.request('GET', '/fhir/R4/Organization?colour=blue');
    expect(unknown.statusCode).toBe(400);
    const outcome = outcomeOf(unknown);
    expect(outcome.code).toBe('validation_failed');
    expect(outcome.text).toContain("Onbekende zoekparameter 'colour'");
    expect((await midwife.request('GET', '/fhir/R4/Organization?name=a&name=b')).statusCode).toBe(400);
    const count = await midwife.request('GET', '/fhir/R4/Organization?_count=1000');
    expect(count.statusCode).toBe(400);
    expect(outcomeOf(count).text).toContain('_count');
  });

  it('400 invalid_json; 415 for a body in any other media type than JSON', async () => {
    const broken = await midwife.request('POST', '/fhir/R4/Consent', '{"resourceType":', { 'content-type': 'application/fhir+json' });
    expect(broken.statusCode).toBe(400);
    expect(outcomeOf(broken).code).toBe('invalid_json');
    for (const [contentType, body] of [
      ['application/fhir+xml', '<Consent/>'],
      ['application/xml', '<Consent/>'],
      ['text/plain', '{"resourceType":"Consent"}'],
      ['application/x-www-form-urlencoded', 'resourceType=Consent'],
    ] as const) {
      const response = await midwife.request('POST', '/fhir/R4/Consent', body, { 'content-type': contentType });
      expect(response.statusCode, contentType).toBe(415);
      expect(outcomeOf(response).code).toBe('unsupported_media_type');
    }
    const put = await midwife.request('PATCH', `/fhir/R4/Consent/00000000-0000-4000-8000-000000000000`, '[]', { 'content-type': 'text/plain' });
    expect(put.statusCode).toBe(415);
  });

  it('406 for an Accept or _format asking for XML (only JSON is spoken, as the CapabilityStatement says)', async () => {
    const statement = fhirBody<{ format: string[] }>(await t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' }));
    expect(statement.format).toEqual(['application/fhir+json', 'json']);
    for (const [url, accept] of [
      ['/fhir/R4/Organization', 'application/fhir+xml'],
      ['/fhir/R4/Organization', 'application/xml, text/html;q=0.9'],
      ['/fhir/R4/Organization', 'application/fhir+json;q=0, application/fhir+xml'],
      ['/fhir/R4/Organization?_format=xml', undefined],
      ['/fhir/R4/Organization?_format=application/fhir%2Bxml', undefined],
      ['/fhir/R4/metadata?_format=xml', undefined],
    ] as const) {
      const response = await midwife.request('GET', url, undefined, accept ? { accept } : {});
      expect(response.statusCode, `${url} ${accept}`).toBe(406);
      expect(outcomeOf(response).code).toBe('not_acceptable');
    }
    for (const [url, accept] of [
      ['/fhir/R4/Organization?_format=json', 'application/fhir+json'],
      ['/fhir/R4/Organization?_format=application/fhir%2Bjson', 'application/json'],
      ['/fhir/R4/Organization', '*/*'],
      ['/fhir/R4/Organization', 'application/fhir+xml;q=0.9, application/fhir+json'],
    ] as const) {
      expect((await midwife.request('GET', url, undefined, { accept })).statusCode, `${url} ${accept}`).toBe(200);
    }
  });

  it('405 with Allow for an interaction a known type does not declare (404 stays for unknown types)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url, allow] of [
      ['DELETE', `/fhir/R4/Organization/${id}`, 'GET'],
      ['PUT', `/fhir/R4/Organization/${id}`, 'GET'],
      ['POST', '/fhir/R4/Organization', 'GET'],
      ['DELETE', '/fhir/R4/Task', 'GET, POST'],
      ['PUT', `/fhir/R4/Task/${id}`, 'GET, PATCH'],
      ['GET', `/fhir/R4/AuditEvent/${id}`, ''],
      ['GET', '/fhir/R4/Patient/_search', 'POST'],
      ['POST', `/fhir/R4/Task/${id}/_history/1`, 'GET'],
      ['POST', '/fhir/R4/metadata', 'GET'],
    ] as const) {
      const response = await midwife.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow, `${method} ${url}`).toBe(allow);
      expect(outcomeOf(response).code).toBe('method_not_allowed');
    }
  });
});

describe('Organization', () => {
  it('reads one organisation as a valid R4 Organization', async () => {
    const id = t.demo.organisationIds.jgz!;
    const response = await midwife.request('GET', `/fhir/R4/Organization/${id}`);
    expect(response.statusCode).toBe(200);
    const organization = fhirBody<{ id: string; name: string; type: { coding: { code: string }[] }[] }>(response);
    expect(organization).toMatchObject({ resourceType: 'Organization', id, name: 'JGZ Zuid-Holland Zuid' });
    expect(organization.type[0]!.coding[0]!.code).toBe('jgz');
  });

  it('searches by type and municipality with a paged searchset', async () => {
    const response = await midwife.request('GET', '/fhir/R4/Organization?type=jgz&address-district=GM0505');
    const bundle = fhirBody<SearchsetBody>(response);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(resourcesOf(bundle).map((resource) => resource.id)).toEqual([t.demo.organisationIds.jgz]);
    expect(bundle.link.find((link) => link.relation === 'self')?.url).toContain('/fhir/R4/Organization?');

    const paged = fhirBody<SearchsetBody>(await midwife.request('GET', '/fhir/R4/Organization?_count=2&_page=2'));
    expect(resourcesOf(paged)).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(4);
    expect(paged.link.map((link) => link.relation)).toEqual(expect.arrayContaining(['self', 'first', 'last', 'next', 'previous']));
    const next = new URL(paged.link.find((link) => link.relation === 'next')!.url);
    expect(next.searchParams.get('_page')).toBe('3');
  });
});

describe('rate limit', () => {
  it('429 as an OperationOutcome', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses: number[] = [];
      let last = await limited.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
      for (let attempt = 0; attempt < 4; attempt += 1) {
        last = await limited.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
        statuses.push(last.statusCode);
      }
      expect(statuses).toContain(429);
      expect(outcomeOf(last)).toMatchObject({ code: 'rate_limited', text: 'Te veel verzoeken. Wacht even en probeer het dan opnieuw.' });
    } finally {
      await limited.close();
    }
  });
});

describe('with the web app served', () => {
  it('an unknown FHIR path is an OperationOutcome 404, not the app shell', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'kansrijk-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Kansrijk</title>');
    const served = await createTestApp({ webRoot });
    try {
      expect((await served.app.inject({ method: 'GET', url: '/clienten' })).headers['content-type']).toMatch(/^text\/html/);
      for (const url of ['/fhir/R4/Onbekend', '/fhir/R4/Patient/x/y', '/fhir/']) {
        const response = await served.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(404);
        expect(outcomeOf(response).code).toBe('not_found');
      }
    } finally {
      await served.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
