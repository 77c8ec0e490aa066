// SPDX-License-Identifier: EUPL-1.2
// The platform admin registers an API client for an organisation: its key, roles, scopes and expiry.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { MACHINE_SCOPES, isScopeGrantedToRoles } from '../../platform/access/policy.js';
import type { ApiClient, apiClientCreateSchema } from '../../../contracts/api-clients.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { organisations, people } from '../organisations/schema.js';
import { apiClients } from './schema.js';
import { checkPublicJwk, publicMembersOf, type JwkProblem } from './jwt.js';
import { findApiClient, toApiClient } from './store.js';

type Input = z.infer<typeof apiClientCreateSchema>;
const MAX_VALIDITY_MS = 3 * 366 * 24 * 3_600_000;
const messages = nl.apiClients;
const KEY_MESSAGES: Record<JwkProblem, string> = {
  private_key: messages.keyPrivate,
  unsupported_key: messages.keyUnsupported,
  weak_key: messages.keyWeak,
  invalid_key: messages.keyInvalid,
};

/** Every reason the registration is refused, as field errors (none: it may go ahead). */
export function registrationProblems(input: Input, now: Date): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if ((input.jwk === undefined) === (input.jwksUrl === undefined)) problems.push({ path: 'body.jwk', message: messages.keyRequired });
  if (input.jwk) {
    const checked = checkPublicJwk(input.jwk);
    if (!checked.ok) problems.push({ path: 'body.jwk', message: KEY_MESSAGES[checked.problem] });
  }
  if (input.roles.includes('platform_admin')) problems.push({ path: 'body.roles', message: messages.roleNotAllowed });
  for (const scope of input.scopes) {
    if (!MACHINE_SCOPES.includes(scope)) problems.push({ path: 'body.scopes', message: messages.scopeUnknown.replace('{scope}', scope) });
    else if (!isScopeGrantedToRoles(scope, input.roles)) problems.push({ path: 'body.scopes', message: messages.scopeNotGranted.replace('{scope}', scope) });
  }
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now) problems.push({ path: 'body.expiresAt', message: messages.expiryPast });
  else if (expiresAt.getTime() - now.getTime() > MAX_VALIDITY_MS) problems.push({ path: 'body.expiresAt', message: messages.expiryTooFar });
  return problems;
}

export async function registerApiClient(ctx: Pick<RequestContext, 'store' | 'now' | 'actor'>, input: Input): Promise<ApiClient> {
  const created = await ctx.store.create({
    resource: 'api_client',
    target: { organisationIds: [input.organisationId] },
    perform: async (tx) => {
      // After the policy (a person who may not register clients hears 403, not what is wrong with the key).
      const problems = registrationProblems(input, ctx.now());
      if (problems.length > 0) throw new AppError('validation_failed', { errors: problems });
      const [organisation] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, input.organisationId), eq(organisations.isActive, true)))
        .limit(1);
      if (!organisation) throw new AppError('validation_failed', { errors: [{ path: 'body.organisationId', message: messages.organisationInactive }] });
      const jwk = input.jwk ? publicMembersOf(input.jwk) : null;
      // The client's own row in people, with the client's id: what a system writes names it where a
      // person would be named (created_by, an event's actor), and the audit log shows its name. Inactive
      // and without password or membership, so no person can ever log in as it (ADR 0017).
      const id = randomUUID();
      await tx.insert(people).values({
        id,
        name: `${input.name} (koppeling)`,
        email: `koppeling-${id}@api-clients.invalid`,
        isActive: false,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
      const [row] = await tx
        .insert(apiClients)
        .values({
          id,
          organisationId: input.organisationId,
          name: input.name,
          roles: [...new Set(input.roles)],
          scopes: [...new Set(input.scopes)].sort(),
          publicJwk: jwk,
          jwksUrl: input.jwksUrl ?? null,
          keyId: typeof jwk?.kid === 'string' ? jwk.kid : null,
          expiresAt: new Date(input.expiresAt),
          createdAt: ctx.now(),
          createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.personId,
        })
        .returning({ id: apiClients.id });
      return (await findApiClient(tx, row!.id))!;
    },
  });
  return toApiClient(created, ctx.now());
}
