// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database.js';
import type { Database } from '../../platform/db/connection.js';
import { coalitionMunicipalities, coalitions } from './schema.js';
import { coalitionTarget, findCoalitionRef } from './coalition-target.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const [coalition] = await database.db.insert(coalitions).values({ code: 'KS9101', name: 'Testcoalitie' }).returning({ id: coalitions.id });
  await database.db.insert(coalitionMunicipalities).values([
    { coalitionId: coalition!.id, municipalityCode: 'GM0505', since: '2020-01-01' },
    { coalitionId: coalition!.id, municipalityCode: 'GM0482', since: '2020-01-01' },
    // Left in 2022: no longer a member, so its policy officers no longer read the coalition.
    { coalitionId: coalition!.id, municipalityCode: 'GM0014', since: '2020-01-01', until: '2022-12-31' },
  ]);
  await database.db.insert(coalitions).values({ code: 'KS9102', name: 'Lege coalitie', kind: 'regional' });
});
afterAll(() => database?.close());

describe('a coalition as the policy sees it', () => {
  it('has its id and its current members only', async () => {
    const coalition = await findCoalitionRef(database.db, 'KS9101');
    expect(coalition).toMatchObject({ code: 'KS9101', name: 'Testcoalitie', kind: 'local', isActive: true, municipalityCodes: ['GM0482', 'GM0505'] });
    expect(coalitionTarget(coalition!)).toEqual({ organisationIds: [], coalitionIds: [coalition!.id], municipalityCodes: ['GM0482', 'GM0505'] });
  });

  it('a coalition without members has none; an unknown code is null', async () => {
    expect(await findCoalitionRef(database.db, 'KS9102')).toMatchObject({ kind: 'regional', municipalityCodes: [] });
    expect(await findCoalitionRef(database.db, 'KS9999')).toBeNull();
  });
});
