// SPDX-License-Identifier: EUPL-1.2
// Shared by the FHIR API tests: every resource the API sends is checked against the official FHIR
// R4 structure definitions (the `fhir` package, as the screening tests use it) — errors, and also
// properties R4 does not know, which the package only reports as warnings.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { fhirR4Errors, fhirR4Warnings } from '../screening/test-support.js';

export function fhirProblems(resource: object): string[] {
  return [...fhirR4Errors(resource), ...fhirR4Warnings(resource).filter((warning) => warning.includes('Unexpected property'))];
}

/** The response body as a FHIR resource, after checking media type and R4 validity. */
export function fhirBody<T = Record<string, unknown> & { resourceType: string; id?: string }>(response: LightMyRequestResponse | { headers: Record<string, unknown>; body: string }): T {
  expect(String(response.headers['content-type'])).toMatch(/^application\/fhir\+json/);
  const body = JSON.parse(response.body) as object;
  expect(fhirProblems(body), JSON.stringify(body).slice(0, 2000)).toEqual([]);
  return body as T;
}

export interface OutcomeBody {
  resourceType: 'OperationOutcome';
  issue: { severity: string; code: string; details: { coding: { system: string; code: string }[]; text: string }; expression?: string[] }[];
}

/** An OperationOutcome response: valid R4, with our error code; returns the first issue's code and text. */
export function outcomeOf(response: LightMyRequestResponse): { code: string; text: string; issues: OutcomeBody['issue'] } {
  const body = fhirBody<OutcomeBody>(response);
  expect(body.resourceType).toBe('OperationOutcome');
  const first = body.issue[0]!;
  return { code: first.details.coding[0]!.code, text: first.details.text, issues: body.issue };
}

export interface SearchsetBody<R = Record<string, unknown> & { resourceType: string; id: string }> {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: R }[];
}

export function resourcesOf<R = Record<string, unknown> & { resourceType: string; id: string }>(bundle: SearchsetBody<R>): R[] {
  return (bundle.entry ?? []).map((entry) => entry.resource);
}
