// SPDX-License-Identifier: EUPL-1.2
// Input the database cannot store — a NUL character, a lone surrogate (as a JSON escape, as UTF-8
// bytes, percent-encoded in a query), an integer beyond 32 bits — sent into every text and number
// field of every request body and every query parameter of every /api/v1 route (taken from the
// OpenAPI document) and every FHIR route: the answer is a Dutch 400 `unstorable_input`, never a 5xx.
import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { anonymousHeaders, sessionFor, type TestSession } from '../helpers/sessions.js';
import { nl } from '../../src/contracts/i18n/nl.js';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface ApiRoute {
  method: string;
  path: string;
  body?: JsonSchema & { $defs?: Record<string, JsonSchema> };
  query?: JsonSchema;
}

const NUL = 'Jan\u0000sen';
const LONE_SURROGATE = 'Jan\uD800sen';
const TOO_LARGE = 2_147_483_648;
/** Query values as they arrive on the wire: NUL, a lone surrogate as UTF-8 bytes, and both escapes of one. */
const QUERY_VALUES = ['Jan%00sen', 'Jan%ED%A0%80sen', '%ED%B0%80'];
const ANY_ID = '00000000-0000-4000-8000-000000000001';

let t: TestApp;
let admin: TestSession;
const fhirRoutes: { method: string; url: string }[] = [];
const apiRoutes: ApiRoute[] = [];

/** The JSON schema a client sees of a route's zod schema (as the OpenAPI document describes it). */
function jsonSchemaOf(schema: unknown): ApiRoute['body'] {
  return schema instanceof z.ZodType ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ApiRoute['body']) : undefined;
}

beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000000' },
    // The app's own route list: every route as it is registered, with its schemas.
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        if (route.url.startsWith('/fhir/')) fhirRoutes.push({ method, url: route.url });
        if (route.url.startsWith('/api/v1/')) {
          apiRoutes.push({ method, path: route.url, body: jsonSchemaOf(route.schema?.body), query: jsonSchemaOf(route.schema?.querystring) });
        }
      }
    },
  });
  admin = await sessionFor(t, 'platformAdmin');
});
afterAll(() => t.close());

let definitions: Record<string, JsonSchema> = {};
function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return resolve(definitions[schema.$ref.split('/').pop()!]);
}

/** Every leaf field of a JSON schema with its path and type (the first branch of a union is enough). */
function leaves(schema: JsonSchema | undefined, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; type: string }[] {
  const resolved = resolve(schema);
  if (!resolved || depth > 8) return [];
  const branches = [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  if (branches.length > 0) return branches.flatMap((branch) => leaves(branch, path, depth + 1));
  if (resolved.properties) return Object.entries(resolved.properties).flatMap(([key, child]) => leaves(child, [...path, key], depth + 1));
  if (resolved.items) return leaves(resolved.items, [...path, 0], depth + 1);
  const type = [resolved.type ?? 'string'].flat().find((candidate) => candidate !== 'null') ?? 'string';
  return path.length > 0 ? [{ path, type }] : [];
}

/** The smallest body that puts the value at the path. */
function bodyWith(path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  const inner = rest.length === 0 ? value : bodyWith(rest, value);
  return typeof head === 'number' ? [inner] : { [head!]: inner };
}

function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, ANY_ID).replace(/:[A-Za-z]+/g, ANY_ID);
}

function expectRefused(response: { statusCode: number; body: string; json(): unknown }, what: string, code = 'unstorable_input') {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBe(400);
  const problem = response.json() as { code?: string; detail?: string };
  expect(problem.code, what).toBe(code);
  if (code === 'unstorable_input') expect(problem.detail, what).toBe(nl.errors.unstorable_input);
}


describe('every /api/v1 route refuses unstorable input with a Dutch 400', () => {
  it('covers the routes of the app', () => {
    expect(apiRoutes.length).toBeGreaterThan(50);
  });

  it('in every text and number field of every JSON body', async () => {
    let checked = 0;
    for (const { method, path, body } of apiRoutes) {
      definitions = body?.$defs ?? {};
      for (const leaf of leaves(body)) {
        const values = leaf.type === 'integer' || leaf.type === 'number' ? [TOO_LARGE] : [NUL, LONE_SURROGATE];
        for (const value of values) {
          const response = await t.app.inject({
            method: method as 'POST',
            url: concretePath(path),
            headers: { ...admin.headers, 'content-type': 'application/json' },
            payload: JSON.stringify(bodyWith(leaf.path, value)),
          });
          expectRefused(response, `${method} ${path} body.${leaf.path.join('.')} = ${JSON.stringify(value)}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('in every query parameter, and refuses a 32-bit overflow in a number parameter', async () => {
    let checked = 0;
    for (const { method, path, query } of apiRoutes) {
      for (const [name, schema] of Object.entries(query?.properties ?? {})) {
        for (const value of QUERY_VALUES) {
          const url = `${concretePath(path)}?${encodeURIComponent(name)}=${value}`;
          expectRefused(await t.app.inject({ method: method as 'GET', url, headers: admin.headers }), `${method} ${url}`);
          checked += 1;
        }
        const type = leaves(schema, [name])[0]?.type;
        if (type === 'integer' || type === 'number') {
          const url = `${concretePath(path)}?${encodeURIComponent(name)}=${TOO_LARGE}`;
          const response = await t.app.inject({ method: method as 'GET', url, headers: admin.headers });
          expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 200)}`).toBe(400);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('on public routes and without a session, before anything else', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...anonymousHeaders, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.nl', password: LONE_SURROGATE }),
    });
    expectRefused(login, 'login with a lone surrogate');
    expectRefused(await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?q=%00' }), 'public search with NUL');
  });

  it('refuses a body whose bytes are not UTF-8 instead of replacing them', async () => {
    const bytes = Buffer.concat([Buffer.from('{"email":"a@b.nl","password":"Jan'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('sen"}')]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...anonymousHeaders, 'content-type': 'application/json' },
      payload: bytes,
    });
    expectRefused(response, 'UTF-8 bytes of a lone surrogate');
  });

  it('refuses a version beyond 32 bits in the shared zod helper too', async () => {
    const { versionSchema } = await import('../../src/contracts/common.js');
    expect(versionSchema.safeParse(TOO_LARGE).success).toBe(false);
    expect(versionSchema.safeParse(2_147_483_647).success).toBe(true);
  });
});

describe('every FHIR route refuses unstorable input with a 400 OperationOutcome', () => {
  function expectOutcome(response: { statusCode: number; body: string; json(): unknown }, what: string) {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBe(400);
    expect((response.json() as { resourceType?: string }).resourceType, what).toBe('OperationOutcome');
  }

  it('covers the FHIR routes', () => {
    expect(fhirRoutes.length).toBeGreaterThan(5);
  });

  it('in bodies and query strings', async () => {
    for (const { method, url } of fhirRoutes) {
      const path = concretePath(url);
      for (const value of QUERY_VALUES) {
        expectOutcome(await t.app.inject({ method: method as 'GET', url: `${path}?identifier=${value}`, headers: admin.headers }), `${method} ${path}?identifier=${value}`);
      }
      if (method === 'GET' || method === 'DELETE') continue;
      const resourceType = url.split('/')[3] ?? 'Patient';
      const bodies =
        method === 'PATCH'
          ? [[{ op: 'replace', path: '/status', value: NUL }], [{ op: 'replace', path: '/version', value: TOO_LARGE }]]
          : [{ resourceType, note: [{ text: NUL }] }, { resourceType, note: [{ text: LONE_SURROGATE }] }, { resourceType, extension: [{ valueInteger: TOO_LARGE }] }];
      for (const body of bodies) {
        const response = await t.app.inject({
          method: method as 'POST',
          url: path,
          headers: { ...admin.headers, 'content-type': method === 'PATCH' ? 'application/json-patch+json' : 'application/fhir+json' },
          payload: JSON.stringify(body),
        });
        expectOutcome(response, `${method} ${path} ${JSON.stringify(body)}`);
      }
    }
  });
});
