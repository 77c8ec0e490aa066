// SPDX-License-Identifier: EUPL-1.2
// Synthetic regional collaborations for the national demo register, so the monitor's regional level
// (issue 10 item 8) has figures. Seed 003 "Lokale en regionale coalities": 140 municipalities with a
// local coalition also work with other municipalities in a (sub)regional coalition. Ten
// collaborations, each the municipalities of one GGD region (as many regional collaborations are
// organised, seed 003 "Versterken regionale samenwerking": along the GGD and JGZ region), cover 142
// municipalities; three of them contain a demo local coalition (Twente, Zuid-Limburg, Groningen). The
// largest municipality is the mandaathouder (one municipality applies for the regional funds).
// Whole regions on purpose: a collaboration that left out ONE municipality of its GGD region would
// publish that municipality's counts as a difference of two large totals, and the whole-publication
// protection would have to hide many more cells — a real register can have that, the demo does not
// need it (the attacker tests build it deliberately). Regions are chosen apart from Zuid-Holland
// Zuid, where the coalition workspace's acceptance story has the demo coordinator create the regional
// collaboration herself. SYNTHETIC: not a real register.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/connection.js';
import { municipalities } from '../../reference/schema.js';
import { coalitionMunicipalities, coalitions } from '../../coalitions/schema.js';

export const SYNTHETIC_REGIONAL_COLLABORATIONS: { code: string; name: string; ggdRegionCode: string }[] = [
  { code: 'KS0101', name: 'Regionale coalitie Kansrijke Start Groningen', ggdRegionCode: 'GG0111' },
  { code: 'KS0102', name: 'Regionale coalitie Kansrijke Start Drenthe', ggdRegionCode: 'GG0706' },
  { code: 'KS0103', name: 'Regionale coalitie Kansrijke Start IJsselland', ggdRegionCode: 'GG1009' },
  { code: 'KS0104', name: 'Regionale coalitie Kansrijke Start Twente', ggdRegionCode: 'GG1106' },
  { code: 'KS0105', name: 'Regionale coalitie Kansrijke Start Gelderland-Zuid', ggdRegionCode: 'GG2014' },
  { code: 'KS0106', name: 'Regionale coalitie Kansrijke Start Hollands Noorden', ggdRegionCode: 'GG2707' },
  { code: 'KS0107', name: 'Regionale coalitie Kansrijke Start Zeeland', ggdRegionCode: 'GG5006' },
  { code: 'KS0108', name: 'Regionale coalitie Kansrijke Start Noord-Limburg', ggdRegionCode: 'GG6011' },
  { code: 'KS0109', name: 'Regionale coalitie Kansrijke Start Zuid-Limburg', ggdRegionCode: 'GG6106' },
  { code: 'KS0110', name: 'Regionale coalitie Kansrijke Start Brabant-Zuidoost', ggdRegionCode: 'GG5608' },
];

const SINCE = '2022-01-01';

/**
 * Idempotent: a collaboration whose code exists is left as it is, and a municipality that already has
 * a current regional membership keeps it (the register allows one). Returns the members added.
 */
export async function seedSyntheticRegionalCollaborations(db: Executor): Promise<number> {
  let added = 0;
  for (const collaboration of SYNTHETIC_REGIONAL_COLLABORATIONS) {
    const inRegion = await db
      .select({ code: municipalities.code, population: municipalities.population })
      .from(municipalities)
      .where(eq(municipalities.ggdRegionCode, collaboration.ggdRegionCode))
      .orderBy(asc(municipalities.code));
    if (inRegion.length === 0) continue;
    const members = inRegion;
    const mandateHolder = [...members].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1))[0]!;
    const [row] = await db
      .insert(coalitions)
      .values({ code: collaboration.code, name: collaboration.name, kind: 'regional', startDate: SINCE, impulseTranche: 3, mandateHolderCode: mandateHolder.code })
      .onConflictDoNothing({ target: coalitions.code })
      .returning({ id: coalitions.id });
    if (!row) continue;
    const inserted = await db
      .insert(coalitionMunicipalities)
      .values(members.map((member) => ({ coalitionId: row.id, kind: 'regional' as const, municipalityCode: member.code, since: SINCE })))
      // A municipality already in another current regional collaboration stays there.
      .onConflictDoNothing()
      .returning({ code: coalitionMunicipalities.municipalityCode });
    added += inserted.length;
  }
  return added;
}
