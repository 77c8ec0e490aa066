// SPDX-License-Identifier: EUPL-1.2
// Prefill: the local coalition and the (sub)regional collaboration the municipality is a member of on
// the edition's peildatum (seed 003: 140 municipalities work in a regional coalition as well).
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { coalitionMunicipalities, coalitions } from '../../coalitions/schema.js';
import { fill } from '../../monitor/monitor-text.js';
import type { PrefilledAnswer, PrefillSource } from './prefill-source.js';

const text = nl.mqSources;

export const coalitionMembershipsSource: PrefillSource = {
  key: 'coalition_memberships',
  async load(db, { municipalityCode, referenceDate }) {
    const rows = await db
      .select({ kind: coalitionMunicipalities.kind, since: coalitionMunicipalities.since, code: coalitions.code, name: coalitions.name })
      .from(coalitionMunicipalities)
      .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
      .where(
        and(
          eq(coalitionMunicipalities.municipalityCode, municipalityCode),
          lte(coalitionMunicipalities.since, referenceDate),
          or(isNull(coalitionMunicipalities.until), gte(coalitionMunicipalities.until, referenceDate)),
        ),
      );
    const answers: PrefilledAnswer[] = [];
    for (const row of rows) {
      answers.push({
        questionKey: row.kind === 'local' ? 'local_coalition' : 'regional_collaboration',
        value: `${row.name} (${row.code})`,
        sourceLabel: fill(row.kind === 'local' ? text.localCoalition : text.regionalCollaboration, { since: row.since }),
        sourceDate: row.since,
      });
    }
    return answers;
  },
};
