// SPDX-License-Identifier: EUPL-1.2
// Revoking an API client ends its access at once: its tokens are deleted, and every bearer token is
// checked against the client on every request anyway (resolve-access-token.ts).
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { ApiClient } from '../../../contracts/api-clients.js';
import { apiAccessTokens, apiClients } from './schema.js';
import { findApiClient, toApiClient } from './store.js';

export async function revokeApiClient(ctx: Pick<RequestContext, 'store' | 'now' | 'actor'>, id: string): Promise<ApiClient> {
  const row = await ctx.store.act({
    resource: 'api_client',
    action: 'update',
    objectId: id,
    locate: async (tx) => {
      const found = await findApiClient(tx, id);
      return found ? { organisationIds: [found.organisationId] } : null;
    },
    perform: async (tx) => {
      const before = (await findApiClient(tx, id))!;
      if (!before.revokedAt) {
        await tx
          .update(apiClients)
          .set({ revokedAt: ctx.now(), revokedBy: ctx.actor.kind === 'system' ? null : ctx.actor.personId })
          .where(eq(apiClients.id, id));
      }
      await tx.delete(apiAccessTokens).where(eq(apiAccessTokens.clientId, id));
      return (await findApiClient(tx, id))!;
    },
    details: () => ({ change: 'revoked' }),
  });
  return toApiClient(row, ctx.now());
}
