// SPDX-License-Identifier: EUPL-1.2
// Prefill: the municipality's coalition status (seed 003 "Coalities": formed / in development / none)
// for the edition's year from municipality_coalition_statuses, or else the latest earlier year.
import { and, desc, eq, lte, ne } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { municipalityCoalitionStatuses } from '../../coalitions/schema.js';
import { fill } from '../../monitor/monitor-text.js';
import type { PrefillSource } from './prefill-source.js';

const text = nl.mqSources;
const SOURCE_TEXT = { register: text.sourceRegister, questionnaire: text.sourceQuestionnaire, synthetic: text.sourceSynthetic } as const;

export const coalitionStatusSource: PrefillSource = {
  key: 'coalition_status',
  async load(db, { municipalityCode, year }) {
    const [row] = await db
      .select({ year: municipalityCoalitionStatuses.year, status: municipalityCoalitionStatuses.status, source: municipalityCoalitionStatuses.source, recordedAt: municipalityCoalitionStatuses.recordedAt })
      .from(municipalityCoalitionStatuses)
      .where(
        and(
          eq(municipalityCoalitionStatuses.municipalityCode, municipalityCode),
          lte(municipalityCoalitionStatuses.year, year),
          ne(municipalityCoalitionStatuses.status, 'not_answered'),
        ),
      )
      .orderBy(desc(municipalityCoalitionStatuses.year))
      .limit(1);
    if (!row) return [];
    return [
      {
        questionKey: 'coalition_status',
        value: row.status,
        sourceLabel: fill(text.coalitionStatus, { year: row.year, source: SOURCE_TEXT[row.source] }),
        sourceDate: row.recordedAt.toISOString().slice(0, 10),
      },
    ];
  },
};
