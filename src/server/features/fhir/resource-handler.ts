// SPDX-License-Identifier: EUPL-1.2
// What one FHIR resource type of the facade supports. The plugin registers routes from these
// handlers and the CapabilityStatement is written from the same list, so the statement can never
// promise an interaction that has no route (or hide one that has).
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { SearchPage, SearchWindow } from './bundle.js';
import type { FhirResource } from './fhir-types.js';

export interface FhirContext extends RequestContext {
  /** Absolute base of the API, e.g. https://kansrijk.example/fhir/R4: for fullUrl and links. */
  baseUrl: string;
  /** For the use-cases that locate a record's family first (they ask the policy right after). */
  db: Executor;
  /** Whether a Subscription may notify plain http on this machine (not in production). */
  allowsLocalHttpEndpoints: boolean;
}

export type SearchParameterType = 'token' | 'string' | 'date' | 'reference' | 'uri' | 'number';

export interface SearchParameterDefinition {
  name: string;
  type: SearchParameterType;
  documentation: string;
  /** A value that must never be in a URL (a BSN): only POST _search takes it; links leave it out. */
  isSensitive?: boolean;
  /**
   * Not a search parameter of the FHIR R4 specification: ours, published as a SearchParameter
   * resource (and named as its definition in the CapabilityStatement). FHIRPath of what it searches.
   */
  custom?: { expression?: string };
}

export interface CreateHeaders {
  /** Idempotency-Key header: repeating a create with the same key returns the first result. */
  idempotencyKey: string | null;
  /** If-None-Exist header (conditional create), e.g. identifier=https://…|abc. */
  ifNoneExist: string | null;
}

export interface Created {
  resource: FhirResource;
  /** False when an earlier create with the same key (or condition) is returned instead. */
  isNew: boolean;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'copy' | 'move' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface ResourceHandler {
  type: string;
  /**
   * The policy resource holding this type's records when they are personal data. A role without any
   * grant on it is refused (and the refusal audited) before anything is looked up, as in the REST API.
   */
  policyResource?: 'family' | 'referral' | 'subscription';
  /** Dutch: what this resource stands for in Kansrijk. */
  documentation: string;
  read?: (ctx: FhirContext, id: string) => Promise<FhirResource>;
  search?: {
    parameters: readonly SearchParameterDefinition[];
    run: (ctx: FhirContext, parameters: Readonly<Record<string, string>>, window: SearchWindow) => Promise<SearchPage<FhirResource>>;
  };
  create?: {
    documentation: string;
    /** Whether If-None-Exist / Idempotency-Key make a repeated create return the first result. */
    isConditional: boolean;
    run: (ctx: FhirContext, body: unknown, headers: CreateHeaders) => Promise<Created>;
  };
  /** Full replacement (PUT) where only the changeable elements may differ. */
  update?: {
    documentation: string;
    run: (ctx: FhirContext, id: string, body: unknown, expectedVersion: number | null) => Promise<FhirResource>;
  };
  /** JSON Patch (RFC 6902) on the changeable elements. */
  patch?: {
    documentation: string;
    run: (ctx: FhirContext, id: string, operations: JsonPatchOperation[], expectedVersion: number | null) => Promise<FhirResource>;
  };
  /** DELETE: the resource is gone (204); reading it afterwards is 404. */
  delete?: {
    documentation: string;
    run: (ctx: FhirContext, id: string) => Promise<void>;
  };
}
