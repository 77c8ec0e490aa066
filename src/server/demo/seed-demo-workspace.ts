// SPDX-License-Identifier: EUPL-1.2
// The demo coordinator's coalition workspace (KS0001 Drechtsteden, issue 10 items 2 and 3): a few
// partners — a midwife practice and the social team of the platform, a parents' panel of experts by
// experience (seed 003 "Samenwerking": ervaringsdeskundigen), and the insurer it still wants on board
// (seed 003 names insurers among the missing partners) — and agreements, one of them past its review
// date so the coordinator's "te herzien" list has work in it. Partners start in 2025 and agreements
// are agreed from 2025, so a questionnaire with an earlier peildatum is not prefilled from them.
import type { Executor } from '../platform/db/connection.js';
import { coalitionPartners } from '../features/coalition-partners/schema.js';
import { coalitionAgreementParties, coalitionAgreements } from '../features/coalition-agreements/schema.js';
import type { PartnerDomain, PartnerLevel } from '../../contracts/coalition-partners.js';
import type { AgreementLevel, AgreementStatus, AgreementTopic } from '../../contracts/coalition-agreements.js';

interface DemoPartner {
  key: string;
  organisation?: string;
  externalName?: string;
  domain: PartnerDomain;
  level: PartnerLevel;
  role: string;
  since: string;
  isWanted?: boolean;
}

export const DEMO_PARTNERS: DemoPartner[] = [
  { key: 'wieg', organisation: 'wieg', domain: 'medical', level: 'uitvoerend', role: 'Verloskundige zorg; signaleert kwetsbaarheid bij de intake', since: '2025-01-01' },
  { key: 'wijkteam', organisation: 'wijkteam', domain: 'social', level: 'uitvoerend', role: 'Ondersteunt gezinnen in een kwetsbare situatie', since: '2025-01-01' },
  { key: 'panel', externalName: 'Moederpanel Drechtsteden', domain: 'experts_by_experience', level: 'beleidsmatig', role: 'Toetst plannen en folders vanuit eigen ervaring', since: '2025-03-01' },
  { key: 'insurer', externalName: 'Zorgverzekeraar regio Zuid-Holland Zuid', domain: 'insurer', level: 'bestuurlijk', role: 'Meefinancieren van het prenataal huisbezoek', since: '2025-06-01', isWanted: true },
];

interface DemoAgreement {
  topic: AgreementTopic;
  title: string;
  level: AgreementLevel;
  status: AgreementStatus;
  agreedOn: string | null;
  reviewDue: string | null;
  parties: { partner: string; role: string }[];
}

const DEMO_AGREEMENTS: DemoAgreement[] = [
  {
    topic: 'warm_handover',
    title: 'Warme overdracht van verloskundige naar sociaal wijkteam',
    level: 'uitvoering',
    status: 'agreed',
    agreedOn: '2025-02-01',
    // Past: the agreement is on the coordinator's "te herzien" list.
    reviewDue: '2025-11-01',
    parties: [
      { partner: 'wieg', role: 'Draagt over, met toestemming van de zwangere' },
      { partner: 'wijkteam', role: 'Neemt binnen een week contact op' },
    ],
  },
  {
    topic: 'experts_by_experience',
    title: 'Inzet van het moederpanel',
    level: 'organisatie',
    status: 'in_development',
    agreedOn: null,
    reviewDue: null,
    parties: [{ partner: 'panel', role: 'Denkt twee keer per jaar mee' }],
  },
];

export async function seedDemoWorkspace(tx: Executor, coalitionId: string, organisationIds: Record<string, string>, now: Date): Promise<void> {
  const partnerIds: Record<string, string> = {};
  for (const partner of DEMO_PARTNERS) {
    const [row] = await tx
      .insert(coalitionPartners)
      .values({
        coalitionId,
        organisationId: partner.organisation ? organisationIds[partner.organisation]! : null,
        externalName: partner.externalName ?? null,
        domain: partner.domain,
        level: partner.level,
        role: partner.role,
        since: partner.since,
        isWanted: partner.isWanted ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: coalitionPartners.id });
    partnerIds[partner.key] = row!.id;
  }
  for (const agreement of DEMO_AGREEMENTS) {
    const { parties, ...fields } = agreement;
    const [row] = await tx
      .insert(coalitionAgreements)
      .values({ coalitionId, ...fields, createdAt: now, updatedAt: now })
      .returning({ id: coalitionAgreements.id });
    await tx.insert(coalitionAgreementParties).values(parties.map((party) => ({ agreementId: row!.id, partnerId: partnerIds[party.partner]!, role: party.role })));
  }
}
