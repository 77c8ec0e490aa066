// SPDX-License-Identifier: EUPL-1.2
// Prefill: the domains of the local coalition's partners on the peildatum (seed 003 Figuur 2), the
// domains it wants on board (seed 003 names GPs, parents, experts by experience and insurers), and
// whether experts by experience take part.
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { PARTNER_DOMAINS } from '../../../../contracts/coalition-partners.js';
import { coalitionPartners } from '../../coalition-partners/schema.js';
import { fill } from '../../monitor/monitor-text.js';
import { localCoalitionOn } from './local-coalition-on.js';
import type { PrefilledAnswer, PrefillSource } from './prefill-source.js';

const text = nl.mqSources;

export const partnersSource: PrefillSource = {
  key: 'partners',
  async load(db, { municipalityCode, referenceDate }) {
    const coalition = await localCoalitionOn(db, municipalityCode, referenceDate);
    if (!coalition) return [];
    const rows = await db
      .select({ domain: coalitionPartners.domain, isWanted: coalitionPartners.isWanted })
      .from(coalitionPartners)
      .where(
        and(
          eq(coalitionPartners.coalitionId, coalition.id),
          or(isNull(coalitionPartners.since), lte(coalitionPartners.since, referenceDate)),
          or(isNull(coalitionPartners.until), gte(coalitionPartners.until, referenceDate)),
        ),
      );
    if (rows.length === 0) return [];
    const domains = (isWanted: boolean) => PARTNER_DOMAINS.filter((domain) => rows.some((row) => row.isWanted === isWanted && row.domain === domain));
    const consulted = domains(false);
    const sourceLabel = fill(text.partners, { coalition: `${coalition.name} (${coalition.code})` });
    const answers: PrefilledAnswer[] = [
      { questionKey: 'partners_consulted', value: consulted, sourceLabel, sourceDate: null },
      { questionKey: 'partners_wanted', value: domains(true), sourceLabel, sourceDate: null },
      { questionKey: 'experts_by_experience_involved', value: consulted.includes('experts_by_experience'), sourceLabel, sourceDate: null },
    ];
    return answers;
  },
};
