// SPDX-License-Identifier: EUPL-1.2
// Upgrading a database with care pathways from before the pathway editor (migration 0023): every
// existing pathway becomes its published version 1, kept by its own scope, with the content's version
// following the row; and from then on a second published version of one pathway is refused.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows, type Database } from '../../src/server/platform/db/connection.js';
import { DEMO_PATHWAYS } from '../../src/server/features/pathways/domain/demo-pathways.js';
import { createEmptyDatabase, migrationsUpTo } from '../helpers/older-schema.js';

let database: Database;
const UPDATED_AT = '2025-01-15T08:00:00.000Z';

beforeAll(async () => {
  database = await createEmptyDatabase();
  await database.migrate({ migrationsFolder: migrationsUpTo('0020_notification_last_attempt') });
  // As the release before the editor stored it: one row per scope × factor, the content with its own version.
  const content = { ...DEMO_PATHWAYS[0]!, version: 2 };
  await database.db.execute(
    sql`INSERT INTO care_pathways (scope_kind, scope_code, factor_key, content, updated_at)
        VALUES ('municipality', 'GM0505', 'money-debts', ${JSON.stringify(content)}::jsonb, ${UPDATED_AT}::timestamptz)`,
  );
  await database.migrate({ migrationsFolder: MIGRATIONS_FOLDER });
});
afterAll(() => database?.close());

describe('migration 0023: pathway versions', () => {
  it('makes an existing pathway its published version 1', async () => {
    const rows = await queryRows<{ version: number; status: string; owner_code: string; content_version: string; published: boolean; replaced_by_version: number | null }>(
      database.db,
      sql`SELECT version, status, owner_code, content->>'version' AS content_version, published_at = updated_at AS published, replaced_by_version FROM care_pathways`,
    );
    expect(rows).toEqual([{ version: 1, status: 'published', owner_code: 'GM0505', content_version: '1', published: true, replaced_by_version: null }]);
  });

  it('allows a draft beside it, but never a second published version or a second draft', async () => {
    const insert = (version: number, status: string) =>
      database.db.execute(
        sql`INSERT INTO care_pathways (scope_kind, scope_code, factor_key, version, status, owner_code, content)
            VALUES ('municipality', 'GM0505', 'money-debts', ${version}, ${status}, 'GM0505', '{}'::jsonb)`,
      );
    await insert(2, 'draft');
    await expect(insert(3, 'draft')).rejects.toThrow();
    await expect(insert(4, 'published')).rejects.toThrow();
    await expect(insert(2, 'archived')).rejects.toThrow();
  });
});
