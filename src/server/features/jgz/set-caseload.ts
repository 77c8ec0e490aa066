// SPDX-License-Identifier: EUPL-1.2
// Puts a family on the organisation's caseload in a support tier (klantroute), or changes its tier,
// nurse or judgement, and plans the contact moments of the tier (contact-schedule.ts). The latest
// completed screening's suggestion is kept beside the nurse's choice; a tier below the suggestion
// needs the nurse's judgement in words (the rule may miss a family; overruling it must be explained).
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { SUPPORT_TIERS, type CaseloadEntry, type caseloadUpdateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { requireAllowed } from '../../platform/access/scoped-store.js';
import { actOnFamily } from '../families/care-access.js';
import { caseloadEntries, contactMoments } from './schema.js';
import { findCaseloadEntry, suggestedTierOf } from './caseload-store.js';
import { planContactMoments } from './contact-schedule.js';
import { invalid, requireNurse, requireVersion } from './care-records.js';

/** The child's birth date, else the ongoing pregnancy's due date: what the schedule counts from. */
async function anchorOf(tx: Executor, familyId: string): Promise<{ anchor: string; isExpecting: boolean } | null> {
  const [child] = await queryRows<{ birth_date: string }>(tx, sql`
    SELECT birth_date::text AS birth_date FROM family_members
    WHERE family_id = ${familyId}::uuid AND role = 'child' AND birth_date IS NOT NULL ORDER BY birth_date DESC LIMIT 1`);
  if (child) return { anchor: child.birth_date, isExpecting: false };
  const [pregnancy] = await queryRows<{ due_date: string }>(tx, sql`
    SELECT due_date::text AS due_date FROM pregnancies WHERE family_id = ${familyId}::uuid AND status = 'ongoing' ORDER BY created_at DESC LIMIT 1`);
  return pregnancy ? { anchor: pregnancy.due_date, isExpecting: true } : null;
}

export async function setCaseload(ctx: RequestContext, familyId: string, input: z.infer<typeof caseloadUpdateSchema>): Promise<CaseloadEntry> {
  const today = amsterdamDate(ctx.now());
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'caseload',
    perform: async (tx) => {
      const organisationId = ctx.actor.organisationId!;
      requireAllowed(ctx.actor, 'caseload', 'update', { organisationIds: [organisationId] });
      const nurseId = input.nurseId ?? ctx.actor.personId;
      await requireNurse(tx, nurseId, organisationId);
      const suggestedTier = await suggestedTierOf(tx, familyId);
      const judgement = input.judgement?.trim() || null;
      if (suggestedTier && SUPPORT_TIERS.indexOf(input.tier) < SUPPORT_TIERS.indexOf(suggestedTier) && !judgement) {
        invalid('judgement', 'U kiest een lager ondersteuningsniveau dan de screening voorstelt. Licht uw oordeel toe.');
      }
      const [existing] = await queryRows<{ id: string; tier: string; version: number }>(tx, sql`
        SELECT id, tier, version FROM caseload_entries
        WHERE family_id = ${familyId}::uuid AND organisation_id = ${organisationId}::uuid FOR UPDATE`);
      let isTierChanged = true;
      if (existing) {
        if (input.version === undefined) invalid('version', 'Deze cliënt staat al op de caseload. Laad de pagina opnieuw en wijzig dan.');
        requireVersion(existing.version, input.version);
        isTierChanged = existing.tier !== input.tier;
        await tx
          .update(caseloadEntries)
          .set({ tier: input.tier, suggestedTier, nurseId, judgement, version: existing.version + 1, updatedAt: ctx.now() })
          .where(eq(caseloadEntries.id, existing.id));
      } else {
        await tx.insert(caseloadEntries).values({ familyId, organisationId, nurseId, tier: input.tier, suggestedTier, judgement });
      }
      if (isTierChanged) {
        const anchor = await anchorOf(tx, familyId);
        if (!anchor) throw new AppError('conflict', { message: 'Er is geen lopende zwangerschap of geboren kind om contactmomenten voor te plannen.' });
        // A new tier replaces the coming moments this organisation had planned; what lies behind stays.
        await tx
          .update(contactMoments)
          .set({ status: 'cancelled' })
          .where(
            and(
              eq(contactMoments.familyId, familyId),
              eq(contactMoments.organisationId, organisationId),
              eq(contactMoments.status, 'planned'),
              gte(contactMoments.plannedOn, today),
            ),
          );
        const moments = planContactMoments(input.tier, anchor.anchor, today, anchor.isExpecting);
        if (moments.length > 0) {
          await tx.insert(contactMoments).values(moments.map((moment) => ({ familyId, organisationId, nurseId, kind: moment.kind, plannedOn: moment.plannedOn })));
        }
      } else {
        // Same tier, maybe another nurse: the coming moments move with the family.
        await tx
          .update(contactMoments)
          .set({ nurseId })
          .where(and(eq(contactMoments.familyId, familyId), eq(contactMoments.organisationId, organisationId), eq(contactMoments.status, 'planned')));
      }
      return (await findCaseloadEntry(tx, familyId, organisationId, today))!;
    },
    details: (entry) => ({ tier: entry.tier, suggestedTier: entry.suggestedTier, plannedMoments: entry.upcoming.length }),
  });
}
