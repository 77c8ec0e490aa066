// SPDX-License-Identifier: EUPL-1.2
// A database migrated by newer code is refused before anything is written (ADR 0016), on the real
// database; the comparison itself as a rule table.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database.js';
import { DATA_FOLDER } from '../../app.js';
import { MIGRATIONS_FOLDER, queryRows, type Database } from './connection.js';
import { SchemaTooNewError, shippedMigrations, skippedMigrations, unknownMigrations } from './migrations.js';
import { prepareDatabase } from '../../prepare-database.js';

const shipped = shippedMigrations(MIGRATIONS_FOLDER);
const newest = shipped.at(-1)!;
const FUTURE = newest.when + 86_400_000;

describe('unknown migrations: every case', () => {
  const all = shipped.map((migration) => ({ createdAt: migration.when }));
  it.each([
    ['a new, empty database', [], []],
    ['a database at this version', all, []],
    ['a database behind this version (migrations pending)', all.slice(0, 3), []],
    ['a database migrated by a newer version', [...all, { createdAt: FUTURE }], [{ createdAt: FUTURE }]],
    ['a database with a migration from another branch, older than the newest known', [...all, { createdAt: shipped[3]!.when + 1 }], [{ createdAt: shipped[3]!.when + 1 }]],
    ['a newer database that this version is also behind on', [...all.slice(0, 2), { createdAt: FUTURE }], [{ createdAt: FUTURE }]],
  ])('%s', (_name, applied, unknown) => {
    expect(unknownMigrations(applied, shipped)).toEqual(unknown);
  });

  it.each([
    ['a new, empty database', [], []],
    ['a database at this version', all, []],
    ['a database behind this version', all.slice(0, 3), []],
    ['a database that applied a later migration but not an earlier one', [...all.slice(0, 3), ...all.slice(4)], [shipped[3]!.tag]],
  ])('skipped migrations: %s', (_name, applied, skipped) => {
    expect(skippedMigrations(applied, shipped).map((migration) => migration.tag)).toEqual(skipped);
  });

  it('ships the journal in order, with the name-key repair', () => {
    expect(shipped.map((migration) => migration.when)).toEqual([...shipped.map((migration) => migration.when)].sort((a, b) => a - b));
    expect(shipped.map((migration) => migration.tag)).toContain('0015_family_name_key_repair');
  });
});

describe('starting against a database', () => {
  let database: Database;
  afterEach(() => database?.close());

  const appliedCount = async () =>
    (await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`))[0]!.count;
  const prepare = () => prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });

  it('starts when the database is at this version', async () => {
    database = await createTestDatabase();
    await expect(prepare()).resolves.toEqual({ demo: null });
    expect(await appliedCount()).toBe(shipped.length);
  });

  it('refuses a database migrated by a newer version with a Dutch message, and writes nothing', async () => {
    database = await createTestDatabase();
    // This version's own last migration still pending (as if this were an upgrade), plus a newer one:
    // refused before either the pending migration or the start-up's repairs run.
    await database.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${newest.when}`);
    await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('newer', ${FUTURE})`);
    const error = await prepare().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as Error).message).toBe(
      'Kansrijk kon niet starten: de database is bijgewerkt door een nieuwere versie van Kansrijk.\n' +
        `- De database heeft 1 migratie die deze versie niet kent (de nieuwste van ${new Date(FUTURE).toISOString().slice(0, 10)}); deze versie kent de migraties tot en met ${newest.tag}.\n` +
        '- Een oudere versie op een nieuwer schema kan gegevens schrijven die geen latere upgrade herstelt; daarom start deze versie niet.\n' +
        '- Start de versie die bij de database hoort, of zet de back-up van vóór de upgrade terug (zie docs/adr/0016-expand-contract-migrations.md).',
    );
    // Nothing applied: the pending migration is still pending.
    expect(await appliedCount()).toBe(shipped.length);
    const rows = await queryRows<{ created_at: string }>(database.db, sql`SELECT created_at::text FROM drizzle.__drizzle_migrations WHERE created_at = ${newest.when}`);
    expect(rows).toEqual([]);
  });

  it('refuses a shipped migration that sorts before the newest applied one (drizzle would skip it)', async () => {
    database = await createTestDatabase();
    const skipped = shipped.at(-2)!;
    await database.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${skipped.when}`);
    await expect(prepare()).rejects.toThrow(`migratie ${skipped.tag} is niet uitgevoerd, maar ouder dan de nieuwste uitgevoerde migratie`);
    expect(await appliedCount()).toBe(shipped.length - 1);
  });

  it('counts several unknown migrations', async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('newer', ${FUTURE}), ('newest', ${FUTURE + 1})`);
    await expect(database.migrate()).rejects.toThrow(/De database heeft 2 migraties die deze versie niet kent/);
  });
});
