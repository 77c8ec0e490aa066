// SPDX-License-Identifier: EUPL-1.2
// Upgrading a database whose clients were registered before migration 0008 (issue 12 item 7): 0008's
// SQL backfill kept accents (and leading particles after punctuation), so "Özdemir", "Çelik" and
// "'t Hart" could not be found by name. The upgrade (migration 0015 and the start-up's key repair)
// must make them findable through the real search route, by the name with and without accents; and a
// member written later without a key (by a release older than 0008) is repaired by the next start.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DATA_FOLDER } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { MIGRATIONS_FOLDER, queryRows, type Database } from '../../src/server/platform/db/connection.js';
import { shippedMigrations } from '../../src/server/platform/db/migrations.js';
import { prepareDatabase } from '../../src/server/prepare-database.js';
import { loadReferenceData } from '../../src/server/features/reference/load-reference-data.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { familyNameKey } from '../../src/server/features/families/domain/name-search.js';
import { AdjustableClock } from '../../src/server/platform/clock.js';
import { callerFor, type Caller } from '../../src/server/features/organisations/test-support.js';
import type { TestApp } from '../helpers/test-app.js';
import { enforceResponseContract } from '../helpers/openapi-responses.js';
import { createEmptyDatabase, migrationsUpTo } from '../helpers/older-schema.js';

/** Clients as a release before 0008 registered them: search_name by the app, no family_name_key column yet. */
const CLIENTS = [
  { givenName: 'Ayşe', familyName: 'Özdemir', searches: ['Ozdemir', 'Özdemir', 'özdemir', 'Ayşe Özdemir', 'Ayse Ozdemir'] },
  { givenName: 'Emine', familyName: 'Çelik', searches: ['Celik', 'Çelik', 'Emine Celik'] },
  { givenName: 'Lale', familyName: "'t Hart", searches: ['Hart', "'t Hart", 'Lale Hart'] },
] as const;

let database: Database;
let app: FastifyInstance;
let midwife: Caller;
const familyIdByName = new Map<string, string>();
let keysBeforeUpgrade: Record<string, string | null>;
let foundBeforeUpgrade: Record<string, boolean>;
let bakkerId: string;

async function search(q: string): Promise<string[]> {
  const response = await midwife.request('GET', `/api/v1/families?q=${encodeURIComponent(q)}`);
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
}

async function insertOldFamily(organisationId: string, givenName: string, familyName: string, searchName: string): Promise<string> {
  const [family] = await queryRows<{ id: string }>(
    database.db,
    sql`INSERT INTO families (municipality_code, postcode, registered_by_organisation_id) VALUES ('GM0505', '3311 AB', ${organisationId}::uuid) RETURNING id`,
  );
  await database.db.execute(
    sql`INSERT INTO family_members (family_id, role, given_name, family_name, search_name, birth_date, sex)
        VALUES (${family!.id}::uuid, 'client', ${givenName}, ${familyName}, ${searchName}, '1994-05-06', 'female')`,
  );
  await database.db.execute(sql`INSERT INTO care_relationships (family_id, organisation_id, basis) VALUES (${family!.id}::uuid, ${organisationId}::uuid, 'registered')`);
  return family!.id;
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  // A release that shipped up to 0007: reference data, an organisation and its clients.
  await database.migrate({ migrationsFolder: migrationsUpTo('0007_family_search_indexes') });
  await loadReferenceData(database.db, DATA_FOLDER);
  const [organisation] = await queryRows<{ id: string }>(database.db, sql`INSERT INTO organisations (name, type) VALUES ('Verloskundigenpraktijk Oud', 'verloskundigenpraktijk') RETURNING id`);
  for (const client of CLIENTS) {
    // search_name as that release computed it (the same normalisation as today: lower case, no accents).
    const searchName = `${client.givenName} ${client.familyName}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    familyIdByName.set(client.familyName, await insertOldFamily(organisation!.id, client.givenName, client.familyName, searchName));
  }
  // The next release: migrations up to 0014, with 0008's SQL backfill of family_name_key.
  await database.migrate({ migrationsFolder: migrationsUpTo('0014_coalition_workspace') });
  // A rollback to a release before 0008 would write members without a key: one such client.
  bakkerId = await insertOldFamily(organisation!.id, 'Iris', 'Bakker', 'iris bakker');
  const keys = await queryRows<{ family_name: string; family_name_key: string | null }>(database.db, sql`SELECT family_name, family_name_key FROM family_members`);
  keysBeforeUpgrade = Object.fromEntries(keys.map((row) => [row.family_name, row.family_name_key]));

  // What the search could find before the upgrade: it looks a name up by the key the application
  // computes, at the start of the stored key. (Judged on the stored keys, not through the running app:
  // today's code does not run on the older schema — it refuses it, or its newer columns are missing.)
  foundBeforeUpgrade = Object.fromEntries(
    [...CLIENTS.map((client) => client.familyName), 'Bakker'].map((name) => [name, (keysBeforeUpgrade[name] ?? '').startsWith(familyNameKey(name))]),
  );

  // The upgrade, as every start-up does it.
  const clock = new AdjustableClock();
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: clock.now() });

  // Users: the demo organisations; the old practice's clients handed to De Wieg (names untouched).
  const demo = await seedDemo(database.db, clock.now());
  const wieg = demo.organisationIds.wieg!;
  await database.db.execute(sql`UPDATE families SET registered_by_organisation_id = ${wieg}::uuid`);
  await database.db.execute(sql`UPDATE care_relationships SET organisation_id = ${wieg}::uuid`);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  app = await buildApp({ config, database, clock, webRoot: '/nonexistent' });
  await app.ready();
  enforceResponseContract(app);
  const t: TestApp = { app, database, config, clock, demo, close: async () => undefined };
  midwife = await callerFor(t, 'midwife', 'wieg');
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('upgrading a database with clients registered before 0008', () => {
  it('had keys the search cannot match before the upgrade (the bug this repairs)', () => {
    // 0008 kept the accent (or, in a C-locale database, dropped the letter) and kept "t" after the apostrophe.
    expect(keysBeforeUpgrade['Özdemir']).not.toBe('ozdemir');
    expect(keysBeforeUpgrade['Çelik']).not.toBe('celik');
    expect(keysBeforeUpgrade["'t Hart"]).toBe('t hart');
    expect(keysBeforeUpgrade.Bakker).toBeNull();
    expect(foundBeforeUpgrade).toEqual({ Özdemir: false, Çelik: false, "'t Hart": false, Bakker: false });
  });

  it.each(CLIENTS.flatMap((client) => client.searches.map((q) => [q, client.familyName] as const)))(
    'finds the client by the search %j after the upgrade',
    async (q, familyName) => {
      expect(await search(q)).toContain(familyIdByName.get(familyName));
    },
  );

  it('repairs a member written without a key by an older release', async () => {
    expect(await search('Bakker')).toContain(bakkerId);
  });

  it('leaves every key as the application computes it, and applied every shipped migration once', async () => {
    const keys = await queryRows<{ family_name: string; family_name_key: string | null }>(database.db, sql`SELECT family_name, family_name_key FROM family_members WHERE role = 'client'`);
    expect(Object.fromEntries(keys.filter((row) => familyIdByName.has(row.family_name) || row.family_name === 'Bakker').map((row) => [row.family_name, row.family_name_key]))).toEqual({
      Özdemir: 'ozdemir',
      Çelik: 'celik',
      "'t Hart": 'hart',
      Bakker: 'bakker',
    });
    const [applied] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`);
    expect(applied!.count).toBe(shippedMigrations(MIGRATIONS_FOLDER).length);
  });
});
