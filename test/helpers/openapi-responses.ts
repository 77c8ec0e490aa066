// SPDX-License-Identifier: EUPL-1.2
// Responses must match the OpenAPI document (issue 11 item 2): every response the API test suite
// gets through `app.inject` is checked against the operation it answers — status documented,
// required headers present, content type documented, JSON body valid against the schema (formats
// included). A mismatch throws from `inject`, so the test that made the call fails.
import { Ajv, type ValidateFunction } from 'ajv';
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

export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly prefix: string;
  private readonly templates: { path: string; pattern: RegExp; literals: number }[];

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.ajv.addSchema({ $id: 'openapi.json', components: toJsonSchema(document.components) } as never);
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

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const rooted = JSON.parse(JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi.json#/components/'));
      validate = this.ajv.compile(rooted as object);
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
      problems.push(`${name}: body does not match the schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`);
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

/** `inject` that throws a ContractViolation when the response does not match the document. */
export function checkedInject(inject: Inject, contract: () => Promise<ResponseContract>): Inject {
  return async (options) => {
    const response = await inject(options);
    const method = typeof options === 'string' ? 'GET' : (options.method ?? 'GET');
    const url = typeof options === 'string' ? options : String(options.url ?? options.path ?? '/');
    const problems = (await contract()).check({
      method: String(method).toUpperCase(),
      url,
      statusCode: response.statusCode,
      headers: response.headers,
      body: response.body,
    });
    if (problems.length > 0) throw new ContractViolation(problems);
    return response;
  };
}

/** Makes every single-call `app.inject(options)` of this app check its response against the app's own document. */
export function enforceResponseContract(app: FastifyInstance) {
  const original = app.inject.bind(app) as unknown as (...args: unknown[]) => unknown;
  let contract: Promise<ResponseContract> | undefined;
  const load = () =>
    (contract ??= (original({ method: 'GET', url: '/api/v1/openapi.json' }) as Promise<LightMyRequestResponse>).then(
      (response) => new ResponseContract(response.json() as OpenApiDocument),
    ));
  const checked = checkedInject(original as Inject, load);
  (app as unknown as { inject: unknown }).inject = (...args: unknown[]) =>
    args.length === 1 && args[0] !== undefined ? checked(args[0] as InjectOptions) : original(...args);
}
