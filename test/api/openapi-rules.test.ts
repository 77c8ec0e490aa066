// SPDX-License-Identifier: EUPL-1.2
// Our own check of the NL API Design Rules (Logius) that can be read from the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface OpenApiDocument {
  openapi: string;
  info: { version: string; contact?: { name?: string; email?: string; url?: string }; description?: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string }[] }>>;
  components?: { schemas?: Record<string, unknown> };
}

let t: TestApp;
let document: OpenApiDocument;
beforeAll(async () => {
  t = await createTestApp();
  document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
});
afterAll(() => t.close());

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

describe('NL API Design Rules', () => {
  it('describes the API in OpenAPI 3 with a semver version, contact and absolute servers', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.info.contact).toMatchObject({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
    for (const server of document.servers) expect(server.url).toMatch(/^https?:\/\/[^/]+\/api\/v1$/);
  });

  it('documents a meaningful number of operations', () => {
    expect(operations().length).toBeGreaterThanOrEqual(10);
  });

  it('uses kebab-case path segments, no trailing slashes and lowerCamelCase parameters', () => {
    for (const { path, operation } of operations()) {
      expect(path, path).not.toMatch(/\/$/);
      for (const segment of path.split('/').filter(Boolean)) {
        if (segment.startsWith('{')) {
          expect(segment, `${path}: path parameter`).toMatch(/^\{[a-z][a-zA-Z0-9]*\}$/);
        } else {
          expect(segment, `${path}: segment`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.json)?$/);
        }
      }
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' || parameter.in === 'path') {
          expect(parameter.name, `${path}: parameter`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        }
      }
    }
  });

  it('gives every operation a summary', () => {
    for (const { path, method, operation } of operations()) expect(operation.summary, `${method} ${path}`).toBeTruthy();
  });

  it('names schemas in UpperCamelCase', () => {
    for (const name of Object.keys(document.components?.schemas ?? {})) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it('sends the full API version on successful responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/provinces' });
    expect(response.headers['api-version']).toBe(document.info.version);
  });
});
