// SPDX-License-Identifier: EUPL-1.2
// Demo services on the sociale kaart of Drechtsteden (issue 13 item 2): debt help, the social team's
// walk-in, youth health care, the midwives' information hour, smoke-free pregnancy and the food bank.
// Contact details are fictional (example numbers and addresses); every service confirmed at seeding.
import type { Executor } from '../platform/db/connection.js';
import { directoryServices } from '../features/services/schema.js';
import type { IntakeRoute, ServiceCategory, ServiceCost, ServiceLanguage } from '../../contracts/services.js';

const DRECHTSTEDEN = ['GM0505', 'GM0482', 'GM0590', 'GM0610', 'GM0642'];

interface DemoService {
  organisation: string;
  externalProviderName?: string;
  name: string;
  description: string;
  category: ServiceCategory;
  factorKeys: string[];
  municipalityCodes: string[];
  intakeRoutes: IntakeRoute[];
  eligibility?: string;
  languages: ServiceLanguage[];
  cost: ServiceCost;
  costNote?: string;
  phone?: string;
  email?: string;
  website?: string;
  openingHours?: string;
}

export const DEMO_SERVICES: DemoService[] = [
  {
    organisation: 'gemeente',
    externalProviderName: 'Sociale Dienst Drechtsteden',
    name: 'Schuldhulpverlening Drechtsteden',
    description:
      'Hulp bij geldzorgen en schulden: een gesprek over uw inkomsten en uitgaven, een plan om schulden te regelen, en zo nodig een schuldregeling of budgetbeheer. Zwangeren en jonge gezinnen krijgen voorrang.',
    category: 'financial',
    factorKeys: ['money-debts', 'stress'],
    municipalityCodes: DRECHTSTEDEN,
    intakeRoutes: ['self', 'referral'],
    eligibility: 'Inwoners van de Drechtsteden van 18 jaar en ouder met geldzorgen of schulden.',
    languages: ['nl', 'en', 'tr', 'ar'],
    cost: 'free',
    phone: '078 123 4500',
    email: 'schuldhulp@sdd.example.nl',
    website: 'https://www.socialedienstdrechtsteden.nl',
    openingHours: 'Maandag tot en met vrijdag 8.30–17.00 uur',
  },
  {
    organisation: 'wijkteam',
    name: 'Spreekuur Geldzaken sociaal wijkteam',
    description: 'Binnenlopen zonder afspraak met vragen over geld, post en toeslagen. Het wijkteam helpt meteen of brengt u in contact met schuldhulpverlening.',
    category: 'financial',
    factorKeys: ['money-debts', 'social-network', 'single-parent'],
    municipalityCodes: ['GM0505'],
    intakeRoutes: ['self', 'referral', 'via_jgz'],
    languages: ['nl', 'ar', 'pl'],
    cost: 'free',
    phone: '078 123 4600',
    email: 'geldzaken@wijkteam-dordrecht.example.nl',
    openingHours: 'Dinsdag en donderdag 9.00–12.00 uur, inloop',
  },
  {
    organisation: 'jgz',
    name: 'Jeugdgezondheidszorg 0–4 jaar (consultatiebureau)',
    description: 'Gezondheid, groei en ontwikkeling van uw kind volgen, vaccinaties en advies over opvoeden en opgroeien.',
    category: 'youth_health',
    factorKeys: ['parent-child-bond', 'parenting-style', 'prematurity', 'low-birth-weight', 'temperament'],
    municipalityCodes: DRECHTSTEDEN,
    intakeRoutes: ['self', 'via_jgz'],
    eligibility: 'Alle ouders met kinderen van 0 tot 4 jaar in de Drechtsteden.',
    languages: ['nl', 'en', 'tr', 'ar', 'ti'],
    cost: 'free',
    phone: '078 123 4700',
    email: 'jgz@jgz-zhz.example.nl',
    website: 'https://www.jgz-zhz.example.nl',
    openingHours: 'Maandag tot en met vrijdag 8.00–17.00 uur',
  },
  {
    organisation: 'jgz',
    name: 'Prenataal huisbezoek',
    description: 'Een jeugdverpleegkundige komt tijdens de zwangerschap op bezoek om kennis te maken en te kijken wat het gezin nodig heeft.',
    category: 'youth_health',
    factorKeys: ['stress', 'social-network', 'single-parent', 'migration', 'partner-support'],
    municipalityCodes: DRECHTSTEDEN,
    intakeRoutes: ['referral', 'via_jgz'],
    eligibility: 'Zwangeren vanaf 20 weken, na verwijzing door verloskundige, gynaecoloog of huisarts.',
    languages: ['nl', 'en'],
    cost: 'free',
    phone: '078 123 4710',
  },
  {
    organisation: 'wieg',
    name: 'Voorlichtingsavond zwangerschap en bevalling',
    description: 'Een avond voor aanstaande ouders over gezond zwanger zijn, de bevalling en de eerste weken, met ruimte voor vragen.',
    category: 'maternity_care',
    factorKeys: ['smoking', 'alcohol', 'folic-acid', 'stress'],
    municipalityCodes: ['GM0505', 'GM0642'],
    intakeRoutes: ['self'],
    languages: ['nl', 'en'],
    cost: 'free',
    phone: '078 123 4800',
    email: 'info@dewieg.example.nl',
    openingHours: 'Elke eerste dinsdag van de maand, 19.30–21.30 uur',
  },
  {
    organisation: 'ggd',
    name: 'Rookvrije Start: stoppen met roken tijdens de zwangerschap',
    description: 'Begeleiding bij stoppen met roken voor zwangeren en hun partners, in gesprekken met een stoppen-met-rokencoach.',
    category: 'lifestyle',
    factorKeys: ['smoking'],
    municipalityCodes: DRECHTSTEDEN,
    intakeRoutes: ['self', 'referral'],
    languages: ['nl'],
    cost: 'free',
    costNote: 'Vergoed uit de basisverzekering; telt niet mee voor het eigen risico.',
    phone: '078 123 4900',
    website: 'https://www.rookvrijestart.example.nl',
  },
  {
    organisation: 'gemeente',
    externalProviderName: 'Voedselbank Drechtsteden',
    name: 'Voedselpakket',
    description: 'Een wekelijks voedselpakket voor huishoudens die tijdelijk te weinig te besteden hebben.',
    category: 'financial',
    factorKeys: ['money-debts'],
    municipalityCodes: DRECHTSTEDEN,
    intakeRoutes: ['referral'],
    eligibility: 'Na verwijzing door schuldhulpverlening of het sociaal wijkteam; de voedselbank toetst het inkomen.',
    languages: ['nl'],
    cost: 'free',
    email: 'aanmelden@voedselbank-drechtsteden.example.nl',
  },
];

export async function seedDemoServices(tx: Executor, organisationIds: Record<string, string>, now: Date): Promise<void> {
  await tx.insert(directoryServices).values(
    DEMO_SERVICES.map((service) => ({
      organisationId: organisationIds[service.organisation]!,
      externalProviderName: service.externalProviderName ?? null,
      name: service.name,
      description: service.description,
      category: service.category,
      factorKeys: service.factorKeys,
      municipalityCodes: service.municipalityCodes,
      intakeRoutes: service.intakeRoutes,
      eligibility: service.eligibility ?? null,
      languages: service.languages,
      cost: service.cost,
      costNote: service.costNote ?? null,
      phone: service.phone ?? null,
      email: service.email ?? null,
      website: service.website ?? null,
      openingHours: service.openingHours ?? null,
      lastConfirmedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
