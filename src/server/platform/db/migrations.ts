// SPDX-License-Identifier: EUPL-1.2
// Applying the shipped migrations (drizzle's SQL files and journal, drizzle's bookkeeping table) with
// two additions drizzle's own migrator lacks (ADR 0016): a database that has migrations this code
// does not ship is refused before anything is written, and the start-up's data repairs run in the
// same transaction as the migrations, so no instance ever sees a half-repaired schema.
import { readFileSync } from 'node:fs';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { Executor } from './connection.js';

/** Drizzle's bookkeeping table (its defaults): one row per applied migration, keyed by the journal's `when`. */
const MIGRATIONS_TABLE = sql`"drizzle"."__drizzle_migrations"`;

export interface AppliedMigration {
  /** The journal's `when` of the migration (milliseconds), as drizzle stores it. */
  createdAt: number;
}

export interface ShippedMigration {
  tag: string;
  /** The journal's `when` (milliseconds): drizzle's identity of a migration in the database. */
  when: number;
}

/** The migrations this code ships, from the journal (the same list drizzle applies). */
export function shippedMigrations(migrationsFolder: string): ShippedMigration[] {
  const journal = readJournal(migrationsFolder);
  return journal.map((entry) => ({ tag: entry.tag, when: entry.when }));
}

/**
 * Applied migrations this code does not ship: the database was migrated by a newer (or another)
 * version. Compared on the journal's `when`, which is what drizzle stores and orders by; the file's
 * hash is not compared (a re-saved file with other line endings is still the same migration).
 */
export function unknownMigrations(applied: readonly AppliedMigration[], shipped: readonly ShippedMigration[]): AppliedMigration[] {
  const known = new Set(shipped.map((migration) => migration.when));
  return applied.filter((migration) => !known.has(migration.createdAt));
}

/** Shipped migrations not applied although a newer one is: drizzle would skip them silently. */
export function skippedMigrations(applied: readonly AppliedMigration[], shipped: readonly ShippedMigration[]): ShippedMigration[] {
  if (applied.length === 0) return [];
  const done = new Set(applied.map((migration) => migration.createdAt));
  const last = Math.max(...done);
  return shipped.filter((migration) => !done.has(migration.when) && migration.when < last);
}

/** The database has a schema newer than this code: starting would write rows no later upgrade repairs. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly unknown: readonly AppliedMigration[],
    readonly newestKnownTag: string,
  ) {
    const newest = Math.max(...unknown.map((migration) => migration.createdAt));
    const count = unknown.length === 1 ? '1 migratie' : `${unknown.length} migraties`;
    super(
      `Kansrijk kon niet starten: de database is bijgewerkt door een nieuwere versie van Kansrijk.\n` +
        `- De database heeft ${count} die deze versie niet kent (de nieuwste van ${new Date(newest).toISOString().slice(0, 10)}); ` +
        `deze versie kent de migraties tot en met ${newestKnownTag}.\n` +
        `- Een oudere versie op een nieuwer schema kan gegevens schrijven die geen latere upgrade herstelt; daarom start deze versie niet.\n` +
        `- Start de versie die bij de database hoort, of zet de back-up van vóór de upgrade terug ` +
        `(zie docs/adr/0016-expand-contract-migrations.md).`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Work that belongs to the migration: runs in its transaction, after the SQL migrations, at every start. */
export type AfterMigrations = (tx: Executor) => Promise<void>;

/**
 * Refuses a database with unknown migrations, then applies the pending ones and `afterMigrations` in
 * one transaction. The caller holds the start-up lock; `db` is one connection.
 */
export async function applyMigrations(db: Executor, migrationsFolder: string, afterMigrations?: AfterMigrations): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const shipped = shippedMigrations(migrationsFolder);
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS "drizzle"`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
  const rows = (await db.execute(sql`SELECT created_at FROM ${MIGRATIONS_TABLE}`)) as unknown as { rows: { created_at: string | number | bigint }[] };
  const applied = rows.rows.map((row) => ({ createdAt: Number(row.created_at) }));
  const unknown = unknownMigrations(applied, shipped);
  if (unknown.length > 0) throw new SchemaTooNewError(unknown, shipped.at(-1)?.tag ?? '(geen)');
  const last = applied.length > 0 ? Math.max(...applied.map((migration) => migration.createdAt)) : undefined;
  // Drizzle applies only migrations newer than the newest applied: one that sorts before it (two
  // branches merged with their journals' `when` out of order) would be skipped for ever. Refuse instead.
  const skipped = skippedMigrations(applied, shipped);
  if (skipped.length > 0) {
    throw new Error(
      `Kansrijk kon niet starten: migratie ${skipped.map((migration) => migration.tag).join(', ')} is niet uitgevoerd, maar ouder dan de nieuwste uitgevoerde migratie. ` +
        'Geef haar in migrations/meta/_journal.json een latere "when" (zie docs/adr/0016-expand-contract-migrations.md).',
    );
  }
  await db.transaction(async (tx) => {
    // As drizzle's migrator: every migration newer than the newest applied, in journal order.
    for (const migration of migrations) {
      if (last !== undefined && migration.folderMillis <= last) continue;
      await applyOne(tx, migration);
    }
    if (afterMigrations) await afterMigrations(tx);
  });
}

async function applyOne(tx: Executor, migration: MigrationMeta): Promise<void> {
  for (const statement of migration.sql) await tx.execute(sql.raw(statement));
  await tx.execute(sql`INSERT INTO ${MIGRATIONS_TABLE} ("hash", "created_at") VALUES (${migration.hash}, ${migration.folderMillis})`);
}

interface JournalEntry {
  tag: string;
  when: number;
}

function readJournal(migrationsFolder: string): JournalEntry[] {
  // readMigrationFiles has read (and checked) this journal already; the tags are not in its result.
  const text = readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8');
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}
