// SPDX-License-Identifier: EUPL-1.2
// The registered API clients (platform admin), with every scope a client can be given.
import { MACHINE_SCOPES, organisationIdsOf } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { ApiClient } from '../../../contracts/api-clients.js';
import { findApiClients, toApiClient } from './store.js';

export async function listApiClients(ctx: Pick<RequestContext, 'store' | 'now'>): Promise<{ items: ApiClient[]; scopes: string[] }> {
  const rows = await ctx.store.search({
    resource: 'api_client',
    perform: (tx, scope) => findApiClients(tx, organisationIdsOf(scope)),
    details: (result) => ({ count: result.length }),
  });
  return { items: rows.map((row) => toApiClient(row, ctx.now())), scopes: [...MACHINE_SCOPES] };
}
