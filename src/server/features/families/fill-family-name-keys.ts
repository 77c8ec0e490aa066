// SPDX-License-Identifier: EUPL-1.2
// Every family member's search key made by the application's own normalisation (domain/name-search.ts):
// run at every start-up inside the migration transaction (ADR 0016). Migration 0015 forgot the keys
// 0008 had approximated in SQL (accents kept: "Özdemir" was not found by "Ozdemir"), and a release
// older than 0008 that ran against the database would have written members without a key; both are
// filled here, so no upgrade leaves a client that a name search cannot find.
import { isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { familyMembers } from './schema.js';
import { familyNameKey } from './domain/name-search.js';

const BATCH = 1000;

/** Fills every missing family_name_key; returns how many were filled (0 on an ordinary start). */
export async function fillFamilyNameKeys(tx: Executor): Promise<number> {
  let filled = 0;
  for (;;) {
    // The key's btree index answers IS NULL: cheap when nothing is missing.
    const rows = await tx
      .select({ id: familyMembers.id, familyName: familyMembers.familyName })
      .from(familyMembers)
      .where(isNull(familyMembers.familyNameKey))
      .limit(BATCH);
    if (rows.length === 0) return filled;
    const values = sql.join(
      rows.map((row) => sql`(${row.id}::uuid, ${familyNameKey(row.familyName)})`),
      sql`, `,
    );
    await tx.execute(sql`UPDATE family_members AS m SET family_name_key = v.key FROM (VALUES ${values}) AS v(id, key) WHERE m.id = v.id`);
    filled += rows.length;
  }
}
