// SPDX-License-Identifier: EUPL-1.2
// Prefill: the local coalition's collaboration agreements per topic (seed 003 "Samenwerking"): a topic
// has an agreement when one was agreed (agreed or under review) on or before the peildatum; a topic
// with a recorded reason has none, with that reason. Topics the register says nothing about stay open.
import { and, eq } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { coalitionAgreements } from '../../coalition-agreements/schema.js';
import { fill } from '../../monitor/monitor-text.js';
import { localCoalitionOn } from './local-coalition-on.js';
import type { PrefillSource } from './prefill-source.js';

const text = nl.mqSources;

export const agreementsSource: PrefillSource = {
  key: 'agreements',
  async load(db, { municipalityCode, referenceDate }) {
    const coalition = await localCoalitionOn(db, municipalityCode, referenceDate);
    if (!coalition) return [];
    const rows = await db
      .select({ topic: coalitionAgreements.topic, status: coalitionAgreements.status, agreedOn: coalitionAgreements.agreedOn, reason: coalitionAgreements.noAgreementReason })
      .from(coalitionAgreements)
      .where(and(eq(coalitionAgreements.coalitionId, coalition.id)));
    const byTopic = new Map<string, { topic: string; hasAgreement: boolean; reason: string | null }>();
    for (const row of rows) {
      const agreed = (row.status === 'agreed' || row.status === 'under_review') && row.agreedOn !== null && row.agreedOn <= referenceDate;
      if (agreed) byTopic.set(row.topic, { topic: row.topic, hasAgreement: true, reason: null });
      else if (row.reason && !byTopic.has(row.topic)) byTopic.set(row.topic, { topic: row.topic, hasAgreement: false, reason: row.reason });
    }
    if (byTopic.size === 0) return [];
    const value = [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : 1));
    return [{ questionKey: 'agreements', value, sourceLabel: fill(text.agreements, { coalition: `${coalition.name} (${coalition.code})` }), sourceDate: null }];
  },
};
