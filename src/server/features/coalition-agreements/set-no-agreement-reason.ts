// SPDX-License-Identifier: EUPL-1.2
// Why a coalition has no agreement on a topic (seed 003 "Samenwerking": most often, it is still being
// developed). Only while the topic has no agreement; null takes the reason away.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { AgreementOverview, AgreementTopic } from '../../../contracts/coalition-agreements.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { locateCoalition, type LocatedCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { coalitionAgreements } from './schema.js';
import { overviewOf } from './store.js';

export async function setNoAgreementReason(ctx: UseCaseContext, code: string, topic: AgreementTopic, reason: string | null): Promise<AgreementOverview> {
  const located: { found?: LocatedCoalition } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: `${code}/${topic}`,
    objectType: 'coalition_agreement',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const coalitionId = located.found!.ref.id;
      const ofTopic = and(eq(coalitionAgreements.coalitionId, coalitionId), eq(coalitionAgreements.topic, topic));
      await tx.delete(coalitionAgreements).where(and(ofTopic, isNotNull(coalitionAgreements.noAgreementReason)));
      if (reason !== null) {
        const [agreement] = await tx.select({ id: coalitionAgreements.id }).from(coalitionAgreements).where(and(ofTopic, isNull(coalitionAgreements.noAgreementReason))).limit(1);
        if (agreement) {
          throw new AppError('conflict', { message: nl.coalitionAgreements.reasonWithAgreement });
        }
        await tx.insert(coalitionAgreements).values({ coalitionId, topic, noAgreementReason: reason, createdAt: ctx.now(), updatedAt: ctx.now() });
      }
      return overviewOf(tx, located.found!.ref, ctx.store.actor, target, amsterdamDate(ctx.now()));
    },
    details: () => ({ change: reason === null ? 'reason_removed' : 'reason_set', topic }),
  });
}
