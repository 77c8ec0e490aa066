// SPDX-License-Identifier: EUPL-1.2
// Prefill: the status of the local coalition's plan of approach on the peildatum (seed 003
// "Coalities": a plan vastgesteld, in development, or none) — 'approved' when a version was approved
// on or before that day, 'in_development' when only a draft existed then; nothing when there is no plan.
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { coalitionPlanVersions } from '../../coalition-plans/schema.js';
import { fill } from '../../monitor/monitor-text.js';
import { localCoalitionOn } from './local-coalition-on.js';
import type { PrefillSource } from './prefill-source.js';

const text = nl.mqSources;

export const planStatusSource: PrefillSource = {
  key: 'plan_status',
  async load(db, { municipalityCode, referenceDate }) {
    const coalition = await localCoalitionOn(db, municipalityCode, referenceDate);
    if (!coalition) return [];
    const label = `${coalition.name} (${coalition.code})`;
    const [approved] = await db
      .select({ version: coalitionPlanVersions.version, approvedOn: coalitionPlanVersions.approvedOn })
      .from(coalitionPlanVersions)
      .where(and(eq(coalitionPlanVersions.coalitionId, coalition.id), eq(coalitionPlanVersions.status, 'approved'), lte(coalitionPlanVersions.approvedOn, referenceDate)))
      .orderBy(desc(coalitionPlanVersions.approvedOn), desc(coalitionPlanVersions.version))
      .limit(1);
    if (approved) {
      return [
        {
          questionKey: 'plan_status',
          value: 'approved',
          sourceLabel: fill(text.planApproved, { coalition: label, version: approved.version, date: approved.approvedOn! }),
          sourceDate: approved.approvedOn,
        },
      ];
    }
    const [draft] = await db
      .select({ version: coalitionPlanVersions.version, createdOn: sql<string>`(${coalitionPlanVersions.createdAt} AT TIME ZONE 'Europe/Amsterdam')::date::text` })
      .from(coalitionPlanVersions)
      .where(and(eq(coalitionPlanVersions.coalitionId, coalition.id), sql`(${coalitionPlanVersions.createdAt} AT TIME ZONE 'Europe/Amsterdam')::date <= ${referenceDate}::date`))
      .orderBy(asc(coalitionPlanVersions.version))
      .limit(1);
    if (!draft) return [];
    return [{ questionKey: 'plan_status', value: 'in_development', sourceLabel: fill(text.planDraft, { coalition: label, version: draft.version }), sourceDate: draft.createdOn }];
  },
};
