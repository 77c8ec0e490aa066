// SPDX-License-Identifier: EUPL-1.2
// Prefill: the interventions offered, from the care pathways (zorgpaden) of the municipality and of its
// local coalition — the services a pathway names that are interventions of the menukaart (matched by
// name). Seed 003: "beschikbaarheid van interventies"; the menukaart is interventions/domain/catalogue.ts.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { nl } from '../../../../contracts/i18n/nl.js';
import { coalitionMunicipalities, coalitions } from '../../coalitions/schema.js';
import { INTERVENTION_CATALOGUE } from '../../interventions/domain/catalogue.js';
import { fill } from '../../monitor/monitor-text.js';
import { carePathways } from '../../pathways/schema.js';
import { pathwaySchema } from '../../pathways/domain/pathway.js';
import type { PrefillSource } from './prefill-source.js';

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export const interventionsFromPathwaysSource: PrefillSource = {
  key: 'interventions_from_pathways',
  async load(db, { municipalityCode }) {
    const local = await db
      .select({ code: coalitions.code })
      .from(coalitionMunicipalities)
      .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
      .where(and(eq(coalitionMunicipalities.municipalityCode, municipalityCode), eq(coalitionMunicipalities.kind, 'local'), isNull(coalitionMunicipalities.until)));
    const scopes = [municipalityCode, ...local.map((row) => row.code)];
    const rows = await db
      .select({ content: carePathways.content, updatedAt: carePathways.updatedAt, scopeCode: carePathways.scopeCode })
      .from(carePathways)
      .where(
        and(
          // Only what is published: drafts are the editors' own, archived and withdrawn versions no longer hold.
          eq(carePathways.status, 'published'),
          or(
            and(eq(carePathways.scopeKind, 'municipality'), eq(carePathways.scopeCode, municipalityCode)),
            and(eq(carePathways.scopeKind, 'coalition'), inArray(carePathways.scopeCode, scopes)),
          ),
        ),
      );
    if (rows.length === 0) return [];
    const offered = new Set<string>();
    for (const row of rows) {
      const pathway = pathwaySchema.safeParse(row.content);
      if (!pathway.success) continue;
      const names = pathway.data.steps.flatMap((step) => step.services.map((service) => normal(service.name)));
      for (const intervention of INTERVENTION_CATALOGUE) {
        const wanted = normal(intervention.name);
        if (names.some((name) => name.includes(wanted))) offered.add(intervention.key);
      }
    }
    const latest = rows.reduce((max, row) => (row.updatedAt > max ? row.updatedAt : max), rows[0]!.updatedAt);
    return [
      {
        questionKey: 'interventions_offered',
        value: INTERVENTION_CATALOGUE.filter((intervention) => offered.has(intervention.key)).map((intervention) => intervention.key),
        sourceLabel: fill(nl.mqSources.interventions, { scope: [...new Set(rows.map((row) => row.scopeCode))].sort().join(', ') }),
        sourceDate: latest.toISOString().slice(0, 10),
      },
    ];
  },
};
