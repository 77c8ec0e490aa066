// SPDX-License-Identifier: EUPL-1.2
// Edits an agreement (every field at once) and moves its status along the state machine
// (domain/agreement-status.ts). `version` is the version the person saw: an older one is refused.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, agreementUpdateSchema } from '../../../contracts/coalition-agreements.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget, findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import { type UseCaseContext } from '../coalition-partners/store.js';
import { isAllowedTransition } from './domain/agreement-status.js';
import { coalitionAgreements } from './schema.js';
import { checkParties, clearNoAgreementReason, findAgreements, replaceParties, type AgreementRow } from './store.js';

const FIELDS = ['topic', 'level', 'status', 'title', 'agreedOn', 'reviewDue'] as const;

export async function locateAgreement(tx: Parameters<typeof findCoalitionRef>[0], code: string, id: string, into: { ref?: CoalitionRef; row?: AgreementRow }, lock = false) {
  const ref = await findCoalitionRef(tx, code);
  if (!ref) return null;
  const query = tx
    .select()
    .from(coalitionAgreements)
    .where(and(eq(coalitionAgreements.id, id), eq(coalitionAgreements.coalitionId, ref.id), isNull(coalitionAgreements.noAgreementReason)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  into.ref = ref;
  into.row = row;
  return coalitionTarget(ref);
}

export async function updateAgreement(ctx: UseCaseContext, code: string, id: string, input: z.output<typeof agreementUpdateSchema>): Promise<Agreement> {
  const located: { ref?: CoalitionRef; row?: AgreementRow } = {};
  const result = await ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: id,
    objectType: 'coalition_agreement',
    locate: (tx) => locateAgreement(tx, code, id, located, true),
    perform: async (tx, target) => {
      const current = located.row!;
      const coalitionId = located.ref!.id;
      const { parties, version, ...fields } = input;
      if (!isAllowedTransition(current.status!, fields.status)) throw new AppError('agreement_status_transition');
      if (current.version !== version) throw new AppError('stale_version');
      await checkParties(tx, coalitionId, parties);
      const changes: string[] = FIELDS.filter((field) => current[field] !== fields[field]);
      await replaceParties(tx, id, parties);
      if (fields.topic !== current.topic) await clearNoAgreementReason(tx, coalitionId, fields.topic);
      await tx
        .update(coalitionAgreements)
        .set({ ...fields, version: sql`${coalitionAgreements.version} + 1`, updatedAt: ctx.now() })
        .where(eq(coalitionAgreements.id, id));
      const [agreement] = await findAgreements(tx, coalitionId, ctx.store.actor, target, amsterdamDate(ctx.now()), id);
      return { agreement: agreement!, changes, from: current.status, to: fields.status };
    },
    details: (outcome) => ({ changes: outcome.changes, ...(outcome.from !== outcome.to ? { statusFrom: outcome.from, statusTo: outcome.to } : {}) }),
  });
  return result.agreement;
}
