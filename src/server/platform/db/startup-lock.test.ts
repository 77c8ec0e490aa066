// SPDX-License-Identifier: EUPL-1.2
// Two instances started together on an empty database: both migrate-or-wait, load the reference data
// once, and start (issue 12 item 5). Without the start-up lock one of them stops on a duplicate key.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from './connection.js';
import { prepareDatabase } from '../../prepare-database.js';
import { DATA_FOLDER } from '../../app.js';
import { EXPECTED_MUNICIPALITY_COUNT } from '../../features/reference/load-reference-data.js';
import { createEmptyServerDatabase } from '../../../../test/helpers/two-instances.js';

async function countRows(database: Database, table: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(database.db, sql.raw(`SELECT count(*)::int AS count FROM ${table}`));
  return row!.count;
}

describe('the start-up lock', () => {
  it('lets two instances started together on an empty database both start, loading reference data once', async () => {
    const server = await createEmptyServerDatabase();
    // PostgreSQL: two pools, as two processes would have. PGlite: one database shared in this process.
    const first = server ? await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 }) : await openDatabase({ kind: 'pglite', dataDir: undefined });
    const second = server ? await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 }) : first;
    try {
      const options = { dataFolder: DATA_FOLDER, seedDemo: true, seedNational: false, now: new Date('2026-03-02T09:00:00Z') };
      const results = await Promise.allSettled([prepareDatabase(first, options), prepareDatabase(second, options)]);
      expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
      // One of them seeded the demo, the other found a database that was no longer empty.
      const demos = results.map((result) => (result.status === 'fulfilled' ? result.value.demo !== null : false));
      expect(demos.filter(Boolean)).toHaveLength(1);
      expect(await countRows(first, 'municipalities')).toBe(EXPECTED_MUNICIPALITY_COUNT);
      expect(await countRows(second, 'municipalities')).toBe(EXPECTED_MUNICIPALITY_COUNT);
    } finally {
      await first.close();
      if (second !== first) await second.close();
      await server?.drop();
    }
  }, 120_000);
});
