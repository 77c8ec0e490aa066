// SPDX-License-Identifier: EUPL-1.2
// The check that keeps the contract from drifting: every API test response is validated against the
// OpenAPI document (test/helpers/openapi-responses.ts). Here: it passes what matches and catches
// what does not — a wrong body, an undocumented status, a missing header, a wrong date format.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { ContractViolation, ResponseContract, checkedInject, type OpenApiDocument } from '../helpers/openapi-responses.js';
import { sessionFor } from '../helpers/sessions.js';
import { sharedContract } from '../helpers/shared-contract.js';

let t: TestApp;
let contract: ResponseContract;
beforeAll(async () => {
  t = await createTestApp();
  contract = new ResponseContract((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument);
});
afterAll(() => t.close());

/** An inject that answers with the real response of `url`, altered by `tamper`. */
function tampered(
  tamper: (response: { statusCode: number; headers: Record<string, unknown>; body: string }) => void,
  against: () => ResponseContract = () => contract,
) {
  return checkedInject(
    async (options: InjectOptions | string) => {
      const real = await t.app.inject(options as InjectOptions);
      const copy = { statusCode: real.statusCode, headers: { ...real.headers }, body: real.body };
      tamper(copy);
      return { ...real, ...copy, json: () => JSON.parse(copy.body) } as unknown as LightMyRequestResponse;
    },
    async () => against(),
  );
}

describe('responses are checked against the OpenAPI document', () => {
  it('passes real responses: a list, an item with dates, an error as problem details', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/provinces' })).statusCode).toBe(200);
    const session = await sessionFor(t, 'platformAdmin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations/not-a-uuid', headers: session.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/nope' })).statusCode).toBe(404);
  });

  it('fails a body that does not match the schema', async () => {
    const inject = tampered((response) => {
      response.body = JSON.stringify([{ code: 'PV20', name: 42 }]);
    });
    await expect(inject({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(ContractViolation);
    await expect(inject({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(/body does not match the schema/);
  });

  it('fails a status the operation does not document', async () => {
    const inject = tampered((response) => {
      response.statusCode = 202;
    });
    await expect(inject({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(/status not documented/);
  });

  it('fails a response without the API-Version header, also on an error', async () => {
    const inject = tampered((response) => {
      delete response.headers['api-version'];
    });
    await expect(inject({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(/API-Version missing/);
    await expect(inject({ method: 'GET', url: '/api/v1/nope' })).rejects.toThrow(/API-Version missing/);
  });

  it('fails an error that is not problem details, and a date that is not a date', async () => {
    const plain = tampered((response) => {
      response.headers['content-type'] = 'application/json';
    });
    await expect(plain({ method: 'GET', url: '/api/v1/nope' })).rejects.toThrow(/content type application\/json not documented/);
    const session = await sessionFor(t, 'platformAdmin');
    const badDate = tampered((response) => {
      const sessions = JSON.parse(response.body) as { createdAt: string }[];
      sessions[0]!.createdAt = '7 december';
      response.body = JSON.stringify(sessions);
    });
    await expect(badDate({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.headers })).rejects.toThrow(/format "date-time"/);
  });
});

describe('the shared contract made once per run (precompiled validators)', () => {
  it('has the default test app\'s operations, with the same statuses and response headers', () => {
    // The operations and their documented responses (request schemas may be rendered with or without
    // additionalProperties, by zod instance; a fault the shared contract finds is re-checked against
    // the app's own document anyway).
    const shape = (document: OpenApiDocument) =>
      Object.fromEntries(
        Object.entries(document.paths).map(([path, item]) => [
          path,
          Object.fromEntries(Object.entries(item).map(([method, operation]) => [method, Object.keys(operation?.responses ?? {}).sort()])),
        ]),
      );
    const shared = sharedContract()!.document;
    expect(Object.keys(shared.paths).length).toBeGreaterThan(100);
    expect(shape(shared)).toEqual(shape(contract.document));
    expect(shared.components?.headers).toEqual(contract.document.components?.headers);
  });

  it('catches a wrong body, an undocumented status and a missing header as the app\'s own contract does', async () => {
    const shared = () => sharedContract()!;
    const wrongBody = tampered((response) => {
      response.body = JSON.stringify([{ code: 'PV20', name: 42 }]);
    }, shared);
    await expect(wrongBody({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(/body does not match the schema/);
    const wrongStatus = tampered((response) => {
      response.statusCode = 202;
    }, shared);
    await expect(wrongStatus({ method: 'GET', url: '/api/v1/provinces' })).rejects.toThrow(/status not documented/);
    const session = await sessionFor(t, 'platformAdmin');
    const wrongDate = tampered((response) => {
      response.body = response.body.replace(/"createdAt":"[^"]+"/, '"createdAt":"gisteren"');
    }, shared);
    await expect(wrongDate({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.headers })).rejects.toThrow(/format "date-time"/);
  });
});
