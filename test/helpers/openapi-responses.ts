// SPDX-License-Identifier: EUPL-1.2
// Responses must match the OpenAPI document (issue 11 item 2): every response the API test suite
// gets through `app.inject` is checked against the operation it answers — status documented,
// required headers present, content type documented, JSON body valid against the schema (formats
// included). A mismatch throws from `inject`, so the test that made the call fails.
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface OpenApiOperation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, OpenApiResponse & { $ref?: string }>;
}

export interface OpenApiResponse {
  description?: string;
  headers?: Record<string, { required?: boolean; $ref?: string }>;
  content?: Record<string, { schema?: unknown }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  servers: { url: string }[];
  tags?: { name: string; description?: string }[];
  security?: Record<string, unknown>[];
  paths: Record<string, Partial<Record<string, OpenApiOperation>>>;
  components?: {
    schemas?: Record<string, unknown>;
    responses?: Record<string, OpenApiResponse>;
    headers?: Record<string, { required?: boolean }>;
    securitySchemes?: Record<string, unknown>;
  };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation! })),
  );
}

/** What the contract needs to know about one response. */
export interface ObservedResponse {
  method: string;
  url: string;
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** Only for wording validation errors (compiles nothing). */
const errorsText = new Ajv();

/** OpenAPI 3.0 `nullable` without `type` (a nullable union) is not JSON Schema: say it as anyOf. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJsonSchema(child)]));
  if (entries.nullable === true && entries.type === undefined) {
    const { nullable: _nullable, ...rest } = entries;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return entries;
}

/** The schema a response with this key must match, or undefined when its body is not checked. */
export interface SchemaEntry {
  key: string;
  schema: unknown;
}

/** Every JSON response schema of the document under the key `check` looks it up by. */
export function schemaEntriesOf(document: OpenApiDocument): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  const resolve = (value: OpenApiResponse & { $ref?: string }): OpenApiResponse => {
    if (!value.$ref) return value;
    const name = /^#\/components\/responses\/(.+)$/.exec(value.$ref)?.[1];
    return document.components?.responses?.[name!] ?? {};
  };
  const add = (key: string, response: OpenApiResponse) => {
    for (const [contentType, media] of Object.entries(response.content ?? {})) {
      if (/json$/.test(contentType) && media.schema !== undefined) entries.push({ key: `${key} ${contentType}`, schema: media.schema });
    }
  };
  add('problem', resolve({ $ref: '#/components/responses/Problem404' }));
  for (const { path, method, operation } of operationsOf(document)) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (status !== 'default') add(`${method} ${path} ${status}`, resolve(response));
    }
  }
  return entries;
}

export function newAjv(options: Options = {}) {
  return addFormats(new Ajv({ strict: false, allErrors: true, ...options }));
}

/** A schema with its component references pointing at the schema that holds the document's components. */
export function rootedSchema(schema: unknown): object {
  return JSON.parse(JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi.json#/components/')) as object;
}

export function componentsSchema(document: OpenApiDocument) {
  return { $id: 'openapi.json', components: toJsonSchema(document.components) };
}

export class ResponseContract {
  private ajvInstance: Ajv | undefined;
  private readonly validators: Map<string, ValidateFunction>;
  private readonly prefix: string;
  private readonly templates: { path: string; pattern: RegExp; literals: number }[];

  /** `compiled`: validators made ahead (by key, see schemaEntriesOf); the rest are compiled when first needed. */
  constructor(
    readonly document: OpenApiDocument,
    compiled: Map<string, ValidateFunction> = new Map(),
  ) {
    this.validators = new Map(compiled);
    this.prefix = new URL(document.servers[0]!.url).pathname;
    // Literal segments win over parameters (/families/search before /families/{id}).
    this.templates = Object.keys(document.paths)
      .map((path) => ({
        path,
        pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literals: path.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
  }

  private resolve<T>(value: T & { $ref?: string }): T {
    if (!value.$ref) return value;
    const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
    return (this.document.components as Record<string, Record<string, T>>)[section!]![name!]!;
  }

  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = newAjv();
      this.ajvInstance.addSchema(componentsSchema(this.document) as never);
    }
    return this.ajvInstance;
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rootedSchema(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** The operation a request addressed, or null when the path is not in the document. */
  operationFor(method: string, url: string): { path: string; operation: OpenApiOperation | undefined } | null {
    const pathname = new URL(url, 'http://localhost').pathname;
    if (!pathname.startsWith(`${this.prefix}/`)) return null;
    const relative = pathname.slice(this.prefix.length);
    const template = this.templates.find((candidate) => candidate.pattern.test(relative));
    if (!template) return null;
    return { path: template.path, operation: this.document.paths[template.path]![method.toLowerCase()] };
  }

  /** What is wrong with a response, as sentences; empty when it matches the document. */
  check(response: ObservedResponse): string[] {
    const pathname = new URL(response.url, 'http://localhost').pathname;
    if (!pathname.startsWith(`${this.prefix}/`) && pathname !== this.prefix) return [];
    const name = `${response.method} ${pathname} → ${response.statusCode}`;
    const match = this.operationFor(response.method, response.url);
    if (!match?.operation) {
      // Not an operation (unknown path, or a method the path does not have): only errors, as problem details.
      if (response.statusCode < 400) return [`${name}: a success for a path or method the document does not have`];
      return this.checkContent(name, 'problem', this.resolve({ $ref: '#/components/responses/Problem404' }) as OpenApiResponse, response);
    }
    const responses = match.operation.responses ?? {};
    const documented = responses[String(response.statusCode)] ?? responses.default;
    if (!documented) return [`${name}: status not documented for ${response.method.toLowerCase()} ${match.path} (has ${Object.keys(responses).join(', ')})`];
    const key = `${response.method.toLowerCase()} ${match.path} ${response.statusCode}`;
    return this.checkContent(name, key, this.resolve(documented), response);
  }

  private checkContent(name: string, key: string, documented: OpenApiResponse, response: ObservedResponse): string[] {
    const problems: string[] = [];
    for (const [header, declared] of Object.entries(documented.headers ?? {})) {
      const definition = this.resolve(declared);
      if (definition.required && response.headers[header.toLowerCase()] === undefined) problems.push(`${name}: required header ${header} missing`);
    }
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
    const content = documented.content ?? {};
    // No content, a redirect (its Location says where) or a 204: an empty body is what the document says.
    const isEmptyByStatus = response.statusCode === 204 || (response.statusCode >= 300 && response.statusCode < 400);
    if (response.body === '' && (Object.keys(content).length === 0 || isEmptyByStatus)) return problems;
    if (Object.keys(content).length === 0) return [...problems, `${name}: a body (${contentType}) where the document has none`];
    const media = content[contentType];
    if (!media) return [...problems, `${name}: content type ${contentType || '(none)'} not documented (${Object.keys(content).join(', ')})`];
    if (!/json$/.test(contentType) || media.schema === undefined) return problems;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [...problems, `${name}: body is not JSON`];
    }
    const validate = this.validatorFor(`${key} ${contentType}`, media.schema);
    if (!validate(body)) {
      problems.push(`${name}: body does not match the schema: ${errorsText.errorsText(validate.errors, { separator: '; ' })}`);
    }
    return problems;
  }
}

export class ContractViolation extends Error {
  constructor(readonly problems: string[]) {
    super(`Response does not match the OpenAPI document:\n${problems.join('\n')}`);
    this.name = 'ContractViolation';
  }
}

type Inject = (options: InjectOptions | string) => Promise<LightMyRequestResponse>;

function observe(options: InjectOptions | string, response: LightMyRequestResponse): ObservedResponse {
  const method = typeof options === 'string' ? 'GET' : (options.method ?? 'GET');
  const url = typeof options === 'string' ? options : String(options.url ?? options.path ?? '/');
  return { method: String(method).toUpperCase(), url, statusCode: response.statusCode, headers: response.headers, body: response.body };
}

/** `inject` that throws a ContractViolation when the response does not match the document. */
export function checkedInject(inject: Inject, contract: () => Promise<ResponseContract>): Inject {
  return async (options) => {
    const response = await inject(options);
    const problems = (await contract()).check(observe(options, response));
    if (problems.length > 0) throw new ContractViolation(problems);
    return response;
  };
}

/**
 * Makes every single-call `app.inject(options)` of this app check its response against the app's own
 * document. `shared` is the contract of the default test app, made once per run (global set-up) so a
 * test file does not generate the document and compile its schemas again; a response it finds fault
 * with is checked again against this app's own document, so an app whose configuration adds routes
 * is judged by its own contract.
 */
export function enforceResponseContract(app: FastifyInstance, shared?: () => ResponseContract | undefined) {
  const original = app.inject.bind(app) as unknown as (...args: unknown[]) => unknown;
  let own: Promise<ResponseContract> | undefined;
  const loadOwn = () =>
    (own ??= (original({ method: 'GET', url: '/api/v1/openapi.json' }) as Promise<LightMyRequestResponse>).then(
      (response) => new ResponseContract(response.json() as OpenApiDocument),
    ));
  const checkedByOwn = checkedInject(original as Inject, loadOwn);
  const checked: Inject = async (options) => {
    const contract = shared?.();
    if (!contract) return checkedByOwn(options);
    const response = await (original as Inject)(options);
    const observed = observe(options, response);
    if (contract.check(observed).length > 0) {
      const problems = (await loadOwn()).check(observed);
      if (problems.length > 0) throw new ContractViolation(problems);
    }
    return response;
  };
  (app as unknown as { inject: unknown }).inject = (...args: unknown[]) =>
    args.length === 1 && args[0] !== undefined ? checked(args[0] as InjectOptions) : original(...args);
}
