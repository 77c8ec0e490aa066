// SPDX-License-Identifier: EUPL-1.2
// The professionals of the actor's own organisation (active account and membership), names only: to
// choose the nurse of a home visit or a caseload. A search of staff data, audited as such.
import { sql } from 'drizzle-orm';
import type { CareTeam } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows } from '../../platform/db/connection.js';

export async function listCareTeam(ctx: RequestContext): Promise<CareTeam> {
  const items = await ctx.store.search({
    resource: 'care_team',
    perform: (tx) =>
      queryRows<{ id: string; name: string }>(tx, sql`
        SELECT p.id, p.name FROM people p JOIN memberships m ON m.person_id = p.id
        WHERE m.organisation_id = ${ctx.actor.organisationId}::uuid AND p.is_active AND m.is_active AND 'professional' = ANY(m.roles)
        ORDER BY p.name, p.id`),
    details: (rows) => ({ resultCount: rows.length }),
  });
  return { items };
}
