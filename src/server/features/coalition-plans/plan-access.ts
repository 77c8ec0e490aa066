// SPDX-License-Identifier: EUPL-1.2
// What the one policy says about a coalition's plan, as the use-cases and the web need it: who reads
// drafts (the coalition's readers), who edits and approves (its editors), and reading versions so
// that an approved version goes to everyone and a draft only to the readers — every read audited.
import type { PlanVersion } from '../../../contracts/coalition-plans.js';
import { allowedActions, decide, type Actor, type Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget, type CoalitionRef } from '../coalitions/coalition-target.js';
import { findVersionRow, listVersionRows, type PlanVersionRow } from './plan-store.js';

export function mayReadDrafts(actor: Actor, target: Target): boolean {
  return decide(actor, 'coalition_plan', 'read', target).isAllowed;
}

/** The actions on one version the web may offer: the policy and the version's state together. */
export function versionActions(actor: Actor, target: Target, row: PlanVersionRow, hasDraft: boolean): PlanVersion['allowedActions'] {
  const policy = (action: 'update' | 'approve' | 'create') => ({ resource: 'coalition_plan' as const, action, target });
  return allowedActions(actor, {
    update: [policy('update'), row.status === 'draft'],
    approve: [policy('approve'), row.status === 'draft'],
    new_version: [policy('create'), row.status === 'approved', !hasDraft],
  });
}

/**
 * Reads these versions of the coalition's plan: approved ones under the list grant (everyone), and
 * when any is a draft under 'read' (the coalition's readers; a refusal is audited). 404 when one is missing.
 */
export async function readVersions(
  ctx: RequestContext,
  coalition: CoalitionRef,
  numbers: readonly number[],
): Promise<{ rows: PlanVersionRow[]; hasDraft: boolean }> {
  const target = coalitionTarget(coalition);
  const details = { coalition: coalition.code, versions: [...numbers] };
  const load = async (tx: Parameters<typeof findVersionRow>[0]) => {
    const rows: PlanVersionRow[] = [];
    for (const number of numbers) {
      const row = await findVersionRow(tx, coalition.id, number);
      if (!row) return null;
      rows.push(row);
    }
    // Whether a draft is open (it decides whether "Nieuwe versie" is offered).
    const hasDraft = (await listVersionRows(tx, coalition.id)).some((row) => row.status === 'draft');
    return { rows, hasDraft };
  };
  // A first look to decide which grant applies; the answer is read again inside the audited transaction.
  const peek = await ctx.store.search({ resource: 'coalition_plan', perform: (tx) => load(tx), details: () => ({ ...details, peek: true }) });
  if (!peek) throw new AppError('not_found');
  if (peek.rows.every((row) => row.status === 'approved')) return peek;
  return ctx.store.act({
    resource: 'coalition_plan',
    action: 'read',
    objectId: peek.rows.find((row) => row.status === 'draft')!.id,
    locate: async () => target,
    perform: async (tx) => {
      const loaded = await load(tx);
      if (!loaded) throw new AppError('not_found');
      return loaded;
    },
    details: () => details,
  });
}
