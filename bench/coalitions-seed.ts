// SPDX-License-Identifier: EUPL-1.2
// The synthetic national coalition register of `npm run bench:coalitions` (and the profiling script):
// every municipality not yet in a demo coalition in a local coalition, regional collaborations per half
// GGD region, a status for every municipality for the year.
import { asc } from 'drizzle-orm';
import type { Database } from '../src/server/platform/db/connection.js';
import { municipalities } from '../src/server/features/reference/schema.js';
import {
  coalitionFunding,
  coalitionMunicipalities,
  coalitions,
  coalitionSteeringMembers,
  municipalityCoalitionStatuses,
} from '../src/server/features/coalitions/schema.js';
import type { MunicipalityStatus } from '../src/contracts/coalitions.js';
import { GOAL_PHASES, PLAN_STEPS, type PlanContent } from '../src/contracts/coalition-plans.js';
import { coalitionPlanVersions } from '../src/server/features/coalition-plans/schema.js';
import { people } from '../src/server/features/organisations/schema.js';

/** Issue 10's benchmark register: five plan versions per coalition, four approved and the fifth a draft. */
const PLAN_VERSIONS = 5;

function syntheticPlan(number: number, version: number): PlanContent {
  const paragraph = `Versie ${version} van het plan van aanpak van coalitie ${number}. `.repeat(12);
  return {
    texts: Object.fromEntries(PLAN_STEPS.map((step) => [step, paragraph])) as PlanContent['texts'],
    goals: [1, 2, 3, 4, 5, 6].map((goal) => ({
      id: `00000000-0000-4000-8000-${String(number * 100 + goal).padStart(12, '0')}`,
      phase: GOAL_PHASES[goal % 3]!,
      programmeGoal: goal as 1 | 2 | 3 | 4 | 5 | 6,
      description: `Doel ${goal}`,
      indicatorKey: null,
      targetValue: null,
      targetYear: null,
    })),
  };
}

/** A deterministic pseudo-random sequence (the same register every run). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every municipality not yet in a demo coalition in a local coalition; regional collaborations per half GGD region; a status each. */
export async function syntheticRegister(database: Database, year: number): Promise<string[]> {
  const db = database.db;
  const next = random(42);
  const all = await db.select({ code: municipalities.code, ggd: municipalities.ggdRegionCode }).from(municipalities).orderBy(asc(municipalities.code));
  const taken = new Set((await db.select({ code: coalitionMunicipalities.municipalityCode }).from(coalitionMunicipalities)).map((row) => row.code));
  let number = 100;
  const codes: string[] = [];
  const [author] = await db.select({ id: people.id }).from(people).limit(1);
  const found = async (kind: 'local' | 'regional', members: string[]) => {
    number += 1;
    const code = `KS${String(number).padStart(4, '0')}`;
    const [row] = await db
      .insert(coalitions)
      .values({ code, name: `Synthetische ${kind === 'local' ? 'coalitie' : 'regio'} ${number}`, kind, startDate: '2021-01-01', impulseTranche: 1 + (number % 4), mandateHolderCode: members[0]! })
      .returning({ id: coalitions.id });
    await db.insert(coalitionMunicipalities).values(members.map((municipalityCode) => ({ coalitionId: row!.id, kind, municipalityCode, since: '2021-01-01' })));
    await db.insert(coalitionSteeringMembers).values(
      [1, 2, 3].map((index) => ({ coalitionId: row!.id, name: `Lid ${index}`, organisation: `Organisatie ${index}`, function: 'Stuurgroeplid' })),
    );
    await db.insert(coalitionFunding).values([
      { coalitionId: row!.id, source: 'impulse' as const, periodStart: '2021-01-01', periodEnd: '2022-12-31', amountCents: 10_000_000, mandateHolderCode: members[0]! },
      { coalitionId: row!.id, source: 'spuk_gala' as const, periodStart: '2023-01-01', periodEnd: '2026-12-31', amountCents: 20_000_000, mandateHolderCode: members[0]! },
    ]);
    await db.insert(coalitionPlanVersions).values(
      Array.from({ length: PLAN_VERSIONS }, (_, index) => {
        const approved = index < PLAN_VERSIONS - 1;
        return {
          coalitionId: row!.id,
          version: index + 1,
          status: approved ? ('approved' as const) : ('draft' as const),
          basedOnVersion: index === 0 ? null : index,
          content: syntheticPlan(number, index + 1),
          approvedOn: approved ? `${2021 + index}-06-01` : null,
          approvedBy: approved ? 'Stuurgroep' : null,
          createdBy: author!.id,
          updatedBy: author!.id,
        };
      }),
    );
    codes.push(code);
  };
  const free = all.filter((municipality) => !taken.has(municipality.code));
  for (let index = 0; index < free.length; ) {
    const size = 1 + Math.floor(next() * 1.6);
    await found('local', free.slice(index, index + size).map((municipality) => municipality.code));
    index += size;
  }
  const byRegion = new Map<string, string[]>();
  for (const municipality of all) byRegion.set(municipality.ggd, [...(byRegion.get(municipality.ggd) ?? []), municipality.code]);
  for (const members of byRegion.values()) {
    const half = Math.ceil(members.length / 2);
    await found('regional', members.slice(0, half));
    if (members.length > half) await found('regional', members.slice(half));
  }
  // Seed 003's proportions: 212 formed, 66 in development, 31 none, the rest not answered.
  await db
    .insert(municipalityCoalitionStatuses)
    .values(
      all.map((municipality) => {
        const draw = next() * 342;
        const status: MunicipalityStatus = draw < 212 ? 'formed' : draw < 278 ? 'in_development' : draw < 309 ? 'none' : 'not_answered';
        return { municipalityCode: municipality.code, year, status, source: 'synthetic' as const };
      }),
    )
    .onConflictDoUpdate({ target: [municipalityCoalitionStatuses.municipalityCode, municipalityCoalitionStatuses.year], set: { source: 'synthetic' } });
  return codes;
}

