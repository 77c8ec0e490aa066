// SPDX-License-Identifier: EUPL-1.2
// Demo organisations and accounts for a new demo database. Passwords and TOTP secrets are random
// per database and returned once, to be printed at start.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../platform/db/connection.js';
import { appendAuditEvent } from '../platform/audit/audit-log.js';
import { hashPassword } from '../platform/auth/password.js';
import { newToken } from '../platform/auth/tokens.js';
import { newTotpSecret } from '../platform/auth/totp.js';
import { memberships, organisationMunicipalities, organisations, people } from '../features/organisations/schema.js';
import {
  coalitionCoordinators,
  coalitionFunding,
  coalitionMunicipalities,
  coalitions,
  coalitionSteeringMembers,
  municipalityCoalitionStatuses,
} from '../features/coalitions/schema.js';
import { seedDemoPathways } from '../features/pathways/seed-demo-pathways.js';
import { seedDemoWorkspace } from './seed-demo-workspace.js';
import { seedDemoServices } from './seed-demo-services.js';
import { seedDemoLocalOffer } from './seed-demo-local-offer.js';
import { seedDemoParentPages } from './seed-demo-parent-pages.js';
import type { OrganisationType, Role } from '../../contracts/roles.js';
import { requiresTwoFactor } from '../../contracts/roles.js';

const DRECHTSTEDEN = ['GM0505', 'GM0482', 'GM0590', 'GM0610', 'GM0642'];

export const DEMO_ORGANISATIONS: { key: string; name: string; type: OrganisationType; municipalities: string[] }[] = [
  { key: 'platform', name: 'Kansrijk Landelijk Beheer', type: 'landelijk', municipalities: [] },
  { key: 'kennis', name: 'Landelijk Kenniscentrum Kansrijke Start (demo)', type: 'landelijk', municipalities: [] },
  { key: 'wieg', name: 'Verloskundigenpraktijk De Wieg', type: 'verloskundigenpraktijk', municipalities: ['GM0505', 'GM0642'] },
  { key: 'domstad', name: 'Verloskundigenpraktijk Domstad', type: 'verloskundigenpraktijk', municipalities: ['GM0344'] },
  { key: 'jgz', name: 'JGZ Zuid-Holland Zuid', type: 'jgz', municipalities: DRECHTSTEDEN },
  { key: 'wijkteam', name: 'Sociaal Wijkteam Dordrecht', type: 'sociaal_team', municipalities: ['GM0505'] },
  // Dordrecht works for the Drechtsteden municipalities (issue 10: its policy officer answers the yearly
  // questionnaire for the members of Drechtsteden, so the demo can set a status for another member).
  { key: 'gemeente', name: 'Gemeente Dordrecht', type: 'gemeente', municipalities: DRECHTSTEDEN },
  { key: 'ggd', name: 'Dienst Gezondheid & Jeugd ZHZ', type: 'ggd', municipalities: DRECHTSTEDEN },
];

/** Demo coalitions Kansrijke Start (a municipality in at most one); the monitor aggregates over them. */
/**
 * Only local coalitions: the demo has no regional collaboration yet (the acceptance test founds
 * "Zuid-Holland Zuid" itself). `status` is the register's status of the members this year and last.
 */
export const DEMO_COALITIONS: {
  code: string;
  name: string;
  municipalities: string[];
  coordinator?: string;
  deputy?: string;
  startDate: string;
  impulseTranche: number;
  status: 'formed' | 'in_development';
}[] = [
  { code: 'KS0001', name: 'Coalitie Kansrijke Start Drechtsteden', municipalities: DRECHTSTEDEN, coordinator: 'coordinator', deputy: 'deputyCoordinator', startDate: '2019-01-01', impulseTranche: 1, status: 'formed' },
  { code: 'KS0002', name: 'Kansrijke Start Utrecht', municipalities: ['GM0344'], startDate: '2019-01-01', impulseTranche: 1, status: 'formed' },
  { code: 'KS0003', name: 'Stevige Start Rotterdam', municipalities: ['GM0599'], startDate: '2019-01-01', impulseTranche: 1, status: 'formed' },
  { code: 'KS0004', name: 'Kansrijke Start Twente', municipalities: ['GM0141', 'GM0153', 'GM0164', 'GM0173'], startDate: '2020-01-01', impulseTranche: 2, status: 'formed' },
  { code: 'KS0005', name: 'Kansrijke Start Zuid-Limburg', municipalities: ['GM0917', 'GM0928', 'GM0935', 'GM1883'], startDate: '2021-01-01', impulseTranche: 3, status: 'formed' },
  { code: 'KS0006', name: 'Kansrijk Oost-Groningen', municipalities: ['GM0037', 'GM0047'], startDate: '2022-01-01', impulseTranche: 4, status: 'in_development' },
];

/** KS0001's steering group (seed 001 step 2: the bestuurlijk level) — names, not accounts. */
const DEMO_STEERING_GROUP = [
  { name: 'Wethouder J. de Graaf', organisation: 'Gemeente Dordrecht', function: 'Wethouder Jeugd en Gezondheid (voorzitter)' },
  { name: 'Dr. M. Haverkamp', organisation: 'Albert Schweitzer ziekenhuis', function: 'Gynaecoloog' },
  { name: 'E. Verbeek', organisation: 'Dienst Gezondheid & Jeugd ZHZ', function: 'Directeur JGZ' },
  { name: 'S. Kramer', organisation: 'Verloskundigenpraktijk De Wieg', function: 'Verloskundige, namens de VSV' },
];

/** KS0001's funding (issue 10 item 7; domain reference §10), amounts in euro cents; Dordrecht is mandaathouder. */
const DEMO_FUNDING = [
  { source: 'impulse' as const, periodStart: '2019-01-01', periodEnd: '2022-12-31', amountCents: 12_500_000 },
  { source: 'spuk_gala' as const, periodStart: '2023-01-01', periodEnd: '2026-12-31', amountCents: 31_000_000 },
  { source: 'municipal_budget' as const, periodStart: '2024-01-01', periodEnd: '2024-12-31', amountCents: 4_500_000 },
];

export const DEMO_PEOPLE: { key: string; name: string; email: string; memberships: { organisation: string; roles: Role[] }[] }[] = [
  { key: 'platformAdmin', name: 'Pim Beheer', email: 'beheer@kansrijk.demo', memberships: [{ organisation: 'platform', roles: ['platform_admin'] }] },
  {
    key: 'midwife',
    name: 'Marloes de Vries',
    email: 'verloskundige@kansrijk.demo',
    memberships: [
      { organisation: 'wieg', roles: ['professional'] },
      { organisation: 'domstad', roles: ['professional'] },
    ],
  },
  { key: 'practiceAdmin', name: 'Ayşe Yılmaz', email: 'praktijkbeheer@kansrijk.demo', memberships: [{ organisation: 'wieg', roles: ['organisation_admin'] }] },
  { key: 'jgzNurse', name: 'Joke Jansen', email: 'jgz@kansrijk.demo', memberships: [{ organisation: 'jgz', roles: ['professional'] }] },
  { key: 'socialWorker', name: 'Sanne Bakker', email: 'wijkteam@kansrijk.demo', memberships: [{ organisation: 'wijkteam', roles: ['professional'] }] },
  { key: 'coordinator', name: 'Karim El Amrani', email: 'coordinator@kansrijk.demo', memberships: [{ organisation: 'gemeente', roles: ['coalition_coordinator'] }] },
  // Deputy coordinator (plaatsvervanger) of KS0001.
  { key: 'deputyCoordinator', name: 'Fleur Hendriks', email: 'plaatsvervanger@kansrijk.demo', memberships: [{ organisation: 'gemeente', roles: ['coalition_coordinator'] }] },
  { key: 'policyOfficer', name: 'Bram Visser', email: 'beleid@kansrijk.demo', memberships: [{ organisation: 'gemeente', roles: ['policy_officer'] }] },
  { key: 'analyst', name: 'Lotte Smit', email: 'analist@kansrijk.demo', memberships: [{ organisation: 'kennis', roles: ['analyst'] }] },
];

export interface DemoAccount {
  key: string;
  name: string;
  email: string;
  password: string;
  /** Null for aggregate-only roles, which need no second factor. */
  totpSecret: string | null;
  roles: Role[];
  organisations: string[];
}

export interface DemoSeed {
  accounts: DemoAccount[];
  organisationIds: Record<string, string>;
}

/** True when no person exists yet: then the demo is seeded. */
export async function isEmptyDatabase(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ count: number }>(db, sql`SELECT count(*)::int AS count FROM people`);
  return (row?.count ?? 0) === 0;
}

export async function seedDemo(db: Executor, now: Date): Promise<DemoSeed> {
  const accounts: DemoAccount[] = [];
  const organisationIds: Record<string, string> = {};
  const prepared = await Promise.all(
    DEMO_PEOPLE.map(async (person) => {
      const password = `Demo-${newToken(12)}`;
      return { person, password, passwordHash: await hashPassword(password) };
    }),
  );
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    for (const organisation of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: organisation.name, type: organisation.type })
        .returning({ id: organisations.id });
      organisationIds[organisation.key] = row!.id;
      if (organisation.municipalities.length > 0) {
        await tx
          .insert(organisationMunicipalities)
          .values(organisation.municipalities.map((municipalityCode) => ({ organisationId: row!.id, municipalityCode })));
      }
    }
    const coalitionIds: Record<string, string> = {};
    for (const coalition of DEMO_COALITIONS) {
      // Already there (e.g. the benchmark registers them before the accounts): left as it is.
      const [row] = await tx
        .insert(coalitions)
        .values({
          code: coalition.code,
          name: coalition.name,
          startDate: coalition.startDate,
          impulseTranche: coalition.impulseTranche,
          mandateHolderCode: coalition.municipalities[0]!,
        })
        .onConflictDoNothing({ target: coalitions.code })
        .returning({ id: coalitions.id });
      if (!row) continue;
      coalitionIds[coalition.code] = row.id;
      await tx
        .insert(coalitionMunicipalities)
        .values(coalition.municipalities.map((municipalityCode) => ({ coalitionId: row!.id, municipalityCode, since: '2019-01-01' })));
      // The register's status of its members this year and last (the questionnaire overrides it later).
      const year = now.getUTCFullYear();
      await tx
        .insert(municipalityCoalitionStatuses)
        .values(
          [year - 1, year].flatMap((statusYear) =>
            coalition.municipalities.map((municipalityCode) => ({ municipalityCode, year: statusYear, status: coalition.status, source: 'register' as const, recordedAt: now })),
          ),
        )
        .onConflictDoNothing();
      if (coalition.code === 'KS0001') {
        await tx.insert(coalitionSteeringMembers).values(DEMO_STEERING_GROUP.map((member) => ({ coalitionId: row!.id, ...member, createdAt: now })));
        await tx.insert(coalitionFunding).values(DEMO_FUNDING.map((funding) => ({ coalitionId: row!.id, ...funding, mandateHolderCode: 'GM0505', createdAt: now })));
        await seedDemoWorkspace(tx, row.id, organisationIds, now);
      }
    }
    // The sociale kaart of Drechtsteden (issue 13 item 2).
    await seedDemoServices(tx, organisationIds, now);
    // Its local offer (issue 13 item 3), by those services.
    await seedDemoLocalOffer(tx, 'KS0001', now);
    // Its pages for parents (issue 15 item 1), on that offer.
    await seedDemoParentPages(tx, 'KS0001', now);
    // Demo care pathways of Dordrecht and the Drechtsteden coalition (idempotent).
    await seedDemoPathways(tx);
    for (const { person, password, passwordHash } of prepared) {
      const roles = [...new Set(person.memberships.flatMap((membership) => membership.roles))];
      const totpSecret = requiresTwoFactor(roles) ? newTotpSecret() : null;
      const [row] = await tx
        .insert(people)
        .values({
          name: person.name,
          email: person.email,
          passwordHash,
          passwordChangedAt: now,
          totpSecret,
          totpEnabledAt: totpSecret ? now : null,
        })
        .returning({ id: people.id });
      await tx.insert(memberships).values(
        person.memberships.map((membership) => ({
          personId: row!.id,
          organisationId: organisationIds[membership.organisation]!,
          roles: membership.roles,
        })),
      );
      // The demo coordinator coordinates her coalition (the policy's reach 'own_coalition').
      for (const coalition of DEMO_COALITIONS.filter((candidate) => candidate.coordinator === person.key)) {
        const coalitionId = coalitionIds[coalition.code];
        if (coalitionId) await tx.insert(coalitionCoordinators).values({ coalitionId, personId: row!.id, role: 'coordinator', since: '2021-01-01' });
      }
      for (const coalition of DEMO_COALITIONS.filter((candidate) => candidate.deputy === person.key)) {
        const coalitionId = coalitionIds[coalition.code];
        if (coalitionId) await tx.insert(coalitionCoordinators).values({ coalitionId, personId: row!.id, role: 'deputy', since: '2023-01-01' });
      }
      accounts.push({
        key: person.key,
        name: person.name,
        email: person.email,
        password,
        totpSecret,
        roles,
        organisations: person.memberships.map((membership) => membership.organisation),
      });
    }
    await appendAuditEvent(tx, { action: 'create', outcome: 'success', objectType: 'demo_seed', reason: 'demo database seeded' }, now);
  });
  return { accounts, organisationIds };
}

export function formatDemoAccounts(accounts: DemoAccount[], options: { withSecrets: boolean } = { withSecrets: true }): string {
  const lines = accounts.map((account) => {
    if (!options.withSecrets) return `  ${account.email.padEnd(30)} (${account.roles.join(', ')})`;
    const totp = account.totpSecret ? `TOTP-geheim ${account.totpSecret}` : 'geen 2FA (alleen cijfers)';
    return `  ${account.email.padEnd(30)} wachtwoord ${account.password}  ${totp}  (${account.roles.join(', ')})`;
  });
  const title = options.withSecrets
    ? 'Demo-accounts (alleen getoond bij een nieuwe demodatabase):'
    : 'Demo-accounts aangemaakt; in productie worden wachtwoorden en TOTP-geheimen niet getoond (stel ze opnieuw in via een uitnodiging):';
  return [title, ...lines].join('\n');
}
