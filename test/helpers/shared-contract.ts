// SPDX-License-Identifier: EUPL-1.2
// The response contract of the default test app, made once per test run. Generating the OpenAPI
// document and compiling its schemas took seconds in every test file; the global set-up now writes the
// document and its validators (ajv standalone code) once, and each test file loads them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _, type ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/platform/db/connection.js';
import { AdjustableClock } from '../../src/server/platform/clock.js';
import {
  ResponseContract,
  componentsSchema,
  newAjv,
  rootedSchema,
  schemaEntriesOf,
  type OpenApiDocument,
} from './openapi-responses.js';

type Standalone = (ajv: ReturnType<typeof newAjv>, refs: Record<string, string>) => string;
// A CommonJS module: its default export is the function itself or sits on `.default`, by loader.
const standaloneCode = (typeof standaloneModule === 'function' ? standaloneModule : (standaloneModule as { default: unknown }).default) as Standalone;

// Inside the project, so the generated code's `require("ajv/…")` resolves.
const CACHE_ROOT = path.resolve(import.meta.dirname, '../../node_modules/.cache');

/** Writes the default app's document and compiled validators; returns the folder and how to remove it. */
export async function writeSharedContract(database: Database): Promise<{ folder: string; remove: () => void }> {
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database,
    clock: new AdjustableClock(),
    webRoot: '/nonexistent',
  });
  const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
  await app.close();

  const ajv = newAjv({ inlineRefs: false, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  ajv.addSchema(componentsSchema(document) as never);
  // Most responses share a schema (every error is problem details): one validator per distinct schema.
  const entries = schemaEntriesOf(document);
  const distinct = new Map<string, string>();
  const validatorOfKey: Record<string, string> = {};
  for (const entry of entries) {
    const text = JSON.stringify(entry.schema);
    let name = distinct.get(text);
    if (!name) {
      name = `v${distinct.size}`;
      distinct.set(text, name);
      ajv.addSchema(rootedSchema(entry.schema), name);
    }
    validatorOfKey[entry.key] = name;
  }
  const exports = Object.fromEntries([...distinct.values()].map((name) => [name, name]));
  const folder = path.join(CACHE_ROOT, `kansrijk-contract-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'validators.cjs'), standaloneCode(ajv, exports));
  writeFileSync(path.join(folder, 'document.json'), JSON.stringify(document));
  writeFileSync(path.join(folder, 'keys.json'), JSON.stringify(validatorOfKey));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

let loaded: ResponseContract | undefined;

/** The run's shared contract (undefined outside a test run that made one). */
export function sharedContract(): ResponseContract | undefined {
  if (loaded) return loaded;
  const folder = inject('sharedContractFolder');
  if (!folder) return undefined;
  const validators = createRequire(import.meta.url)(path.join(folder, 'validators.cjs')) as Record<string, ValidateFunction>;
  const validatorOfKey = JSON.parse(readFileSync(path.join(folder, 'keys.json'), 'utf8')) as Record<string, string>;
  const document = JSON.parse(readFileSync(path.join(folder, 'document.json'), 'utf8')) as OpenApiDocument;
  loaded = new ResponseContract(document, new Map(Object.entries(validatorOfKey).map(([key, name]) => [key, validators[name]!])));
  return loaded;
}
