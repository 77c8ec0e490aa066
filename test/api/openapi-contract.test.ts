// SPDX-License-Identifier: EUPL-1.2
// The OpenAPI document as an integrator's tools see it: the official NL API Design Rules ruleset
// (Logius, run with Spectral) reports nothing, an independent validator (swagger-parser) accepts it,
// and what the linters cannot see is checked here: date formats, security, problem details.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type OpenApiDocument, operationsOf } from '../helpers/openapi-responses.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RULESET = path.join(ROOT, 'test/standards/nl-api-design-rules-2.1.0.spectral.yml');
const SPECTRAL = path.join(ROOT, 'node_modules/.bin/spectral');

interface SpectralFinding {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

let t: TestApp;
let document: OpenApiDocument;
let folder: string;
beforeAll(async () => {
  // The production shape: the server URL is https (the ruleset's servers-use-https).
  t = await createTestApp({ env: { PUBLIC_URL: 'https://kansrijk.example' } });
  document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-openapi-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await t.close();
});

async function lint(value: unknown): Promise<SpectralFinding[]> {
  const file = path.join(folder, `openapi-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(value));
  // Exit code 1 means "findings"; the JSON on stdout is the answer either way.
  const run = promisify(execFile)(SPECTRAL, ['lint', '--ruleset', RULESET, '--format', 'json', '--quiet', file], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    if (!error.stdout) throw new Error(`spectral failed: ${error.stderr}`);
    return { stdout: error.stdout };
  });
  const { stdout } = await run;
  return JSON.parse(stdout.slice(stdout.indexOf('['))) as SpectralFinding[];
}

const summary = (findings: SpectralFinding[]) => findings.map((finding) => `${finding.code} ${finding.path.join('.')}: ${finding.message}`);

describe('the OpenAPI document', () => {
  it('has zero errors and zero warnings under the official NL API Design Rules ruleset', async () => {
    const findings = await lint(document);
    expect(summary(findings)).toEqual([]);
  }, 120_000);

  it('the ruleset run can fail: a dangling $ref and an operation without operationId are reported', async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const operation = broken.paths['/provinces']!.get!;
    delete operation.operationId;
    operation.responses = { '200': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } };
    const codes = new Set((await lint(broken)).map((finding) => finding.code));
    expect(codes).toContain('operation-operationId');
    expect(codes).toContain('invalid-ref');
    expect(codes).toContain('missing-header');
  }, 120_000);

  it('is valid OpenAPI 3.0 for an independent validator (swagger-parser), all references resolved', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths['/provinces']!.get!.responses = { '200': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it('gives every operation an operationId (unique), a defined tag, a summary and a description', () => {
    const tags = new Set(document.tags?.map((tag) => tag.name));
    const ids = new Set<string>();
    for (const { method, path: route, operation } of operationsOf(document)) {
      const name = `${method} ${route}`;
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(ids.has(operation.operationId!), `${name}: duplicate operationId`).toBe(false);
      ids.add(operation.operationId!);
      expect(operation.tags?.length, name).toBeGreaterThan(0);
      for (const tag of operation.tags ?? []) expect(tags.has(tag), `${name}: tag ${tag}`).toBe(true);
      expect(operation.summary, name).toBeTruthy();
      expect(operation.description, name).toBeTruthy();
    }
    for (const tag of document.tags ?? []) expect(tag.description, tag.name).toBeTruthy();
  });

  it('documents the session cookie and CSRF token: a session for protected operations, the CSRF header for every change', () => {
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(['csrfCookie', 'csrfHeader', 'machineClient', 'sessionCookie']);
    const security = (operation: { security?: Record<string, unknown>[] }) => operation.security ?? document.security ?? [];
    for (const { method, path: route, operation } of operationsOf(document)) {
      const requirements = security(operation);
      // The token endpoint: the client authenticates with its signed assertion in the form, no cookie, no CSRF.
      if (route === '/oauth/token') {
        expect(requirements, 'the token endpoint').toEqual([]);
        continue;
      }
      if (['post', 'put', 'patch', 'delete'].includes(method)) {
        expect(requirements.length, `${method} ${route}`).toBeGreaterThan(0);
        // A machine's bearer token is no ambient credential: it needs no CSRF token.
        for (const requirement of requirements) {
          if (!('machineClient' in requirement)) expect(Object.keys(requirement), `${method} ${route}`).toContain('csrfHeader');
        }
      }
    }
    // The login is public; reading a family needs a session.
    expect(security(document.paths['/auth/login']!.post!).every((requirement) => !('sessionCookie' in requirement))).toBe(true);
    expect(security(document.paths['/families/{familyId}']!.get!)).toEqual([{ sessionCookie: [] }, { machineClient: [] }]);
    expect(security(document.paths['/provinces']!.get!)).toEqual([]);
    // A person's own account is not for machines.
    expect(security(document.paths['/auth/sessions']!.get!)).toEqual([{ sessionCookie: [] }]);
  });

  it('documents machine access as OAuth 2.0 client credentials with the token endpoint and every scope', () => {
    const scheme = document.components?.securitySchemes?.machineClient as { type: string; flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } } };
    expect(scheme.type).toBe('oauth2');
    expect(scheme.flows.clientCredentials.tokenUrl).toBe('https://kansrijk.example/api/v1/oauth/token');
    expect(scheme.flows.clientCredentials.scopes['referral.read']).toBeTruthy();
    expect(scheme.flows.clientCredentials.scopes['family.list']).toBeTruthy();
    expect(Object.keys(scheme.flows.clientCredentials.scopes).some((scope) => scope.startsWith('api_client.'))).toBe(false);
  });

  it('documents every 4xx and 5xx as problem details with the API-Version header', () => {
    let errorResponses = 0;
    for (const { method, path: route, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const resolved = resolveResponse(response);
        expect(resolved.headers?.['API-Version'], `${method} ${route} ${status}`).toBeTruthy();
        if (Number(status) >= 400) {
          errorResponses += 1;
          // OAuth 2.0 (RFC 6749 §5.2): the token endpoint's own refusals are JSON with `error`; the platform's are problem details.
          const isOAuthError = route === '/oauth/token' && ['400', '401'].includes(status);
          expect(Object.keys(resolved.content ?? {}), `${method} ${route} ${status}`).toEqual(
            isOAuthError ? ['application/json', 'application/problem+json'] : ['application/problem+json'],
          );
        }
      }
    }
    expect(errorResponses).toBeGreaterThan(500);
  });

  it('documents X-Request-Id: an optional request header on every operation, returned on every response', async () => {
    const parameter = (document.components as { parameters?: Record<string, { name: string; in: string; required: boolean; schema: { pattern: string } }> }).parameters?.['X-Request-Id'];
    expect(parameter).toMatchObject({ name: 'X-Request-Id', in: 'header', required: false });
    const header = document.components?.headers?.['X-Request-Id'] as { required?: boolean; schema?: { pattern: string } } | undefined;
    expect(header).toMatchObject({ required: true, schema: { pattern: parameter!.schema.pattern } });
    // The documented pattern is the one the server accepts.
    const pattern = new RegExp(parameter!.schema.pattern);
    expect(['3f2b8c1e-7d4a-4f0e-9b6a-2c5d8e1f0a47', 'lb:trace.01_a'].every((id) => pattern.test(id))).toBe(true);
    expect(['', 'a b', 'x'.repeat(129), 'é'].some((id) => pattern.test(id))).toBe(false);
    let operations = 0;
    for (const { method, path: route, operation } of operationsOf(document)) {
      operations += 1;
      expect(operation.parameters, `${method} ${route}`).toContainEqual({ $ref: '#/components/parameters/X-Request-Id' });
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        expect(resolveResponse(response).headers?.['X-Request-Id'], `${method} ${route} ${status}`).toEqual({ $ref: '#/components/headers/X-Request-Id' });
      }
    }
    expect(operations).toBeGreaterThan(100);
    // What the document promises, the server does: the caller's id comes back, an unacceptable one is replaced.
    const echoed = await t.app.inject({ method: 'GET', url: '/api/v1/provinces', headers: { 'x-request-id': 'lb-1234' } });
    expect(echoed.headers['x-request-id']).toBe('lb-1234');
    const replaced = await t.app.inject({ method: 'GET', url: '/api/v1/provinces', headers: { 'x-request-id': 'a b' } });
    expect(String(replaced.headers['x-request-id'])).toMatch(pattern);
    expect(replaced.headers['x-request-id']).not.toBe('a b');
  });

  it('marks every date field with format date or date-time', () => {
    const unmarked: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object') return;
      const schema = value as { properties?: Record<string, { type?: string; format?: string }> };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const looksLikeDate = /(At|On|Date|From|Until)$|^(since|until|deadline|from|to)$/.test(name);
        if (looksLikeDate && property.type === 'string' && !property.format) unmarked.push(`${at}.${name}`);
      }
      for (const [key, child] of Object.entries(value)) walk(child, `${at}.${key}`);
    };
    walk(document.components?.schemas, 'components.schemas');
    walk(document.paths, 'paths');
    expect(unmarked).toEqual([]);
  });
});

function resolveResponse(response: { $ref?: string }) {
  const resolved = response.$ref
    ? (document.components?.responses?.[response.$ref.replace('#/components/responses/', '')] as Record<string, unknown>)
    : (response as Record<string, unknown>);
  return resolved as { headers?: Record<string, unknown>; content?: Record<string, unknown> };
}
