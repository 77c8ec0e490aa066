// SPDX-License-Identifier: EUPL-1.2
// DEMO data: care pathways for Dordrecht (GM0505) and the demo coalition Drechtsteden (KS0001).
// Realistic in structure, fictional in content: organisations carry "(demo)", phone numbers are
// 0800-000000x placeholders and addresses use example.nl — never call or mail these.
import { pathwaySetSchema, type Pathway } from './pathway.js';

const UPDATED_AT = '2025-01-15T09:00:00+01:00';
const DORDRECHT = { municipalityCode: 'GM0505' } as const;
const DRECHTSTEDEN = { coalitionCode: 'KS0001' } as const;

const demoPathways: Pathway[] = [
  {
    factorKey: 'money-debts',
    scope: DORDRECHT,
    title: 'Geldzorgen en schulden in Dordrecht',
    localAgreements:
      'Demo. Verloskundigen en JGZ verwijzen met toestemming binnen 5 werkdagen naar het Geldloket; het Geldloket neemt binnen 3 werkdagen contact op. Zwangeren krijgen voorrang bij schuldhulp.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Bespreek de geldzorgen',
        description: 'Vraag door naar inkomen, vaste lasten en betalingsachterstanden. Noem dat hulp gratis is.',
        services: [],
      },
      {
        title: 'Verwijs naar het Geldloket',
        description: 'Met toestemming van de cliënt: aanmelden bij het Geldloket voor een eerste gesprek en een budgetplan.',
        services: [
          {
            name: 'Geldloket Dordrecht',
            organisationName: 'Sociaal Team Dordrecht (demo)',
            contact: { phone: '0800-0000001', email: 'geldloket@example.nl', website: 'https://geldloket.example.nl' },
            conditions: 'Voor inwoners van Dordrecht.',
          },
          {
            name: 'Thuisadministratie-maatje',
            organisationName: 'Vrijwilligerscentrale Dordrecht (demo)',
            contact: { email: 'maatje@example.nl' },
            conditions: 'Naast, niet in plaats van, professionele schuldhulp.',
          },
        ],
      },
    ],
  },
  {
    factorKey: 'money-debts',
    scope: DRECHTSTEDEN,
    title: 'Geldzorgen en schulden in de Drechtsteden',
    localAgreements: 'Demo. Elke gemeente in de coalitie heeft een eigen loket; verwijs naar de schuldhulp van de woongemeente.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Verwijs naar schuldhulp van de gemeente',
        description: 'Aanmelden bij de regionale schuldhulpverlening; zij verdelen naar de woongemeente.',
        services: [
          {
            name: 'Schuldhulpverlening Drechtsteden',
            organisationName: 'Regionale sociale dienst (demo)',
            contact: { phone: '0800-0000002', website: 'https://schuldhulp.example.nl' },
          },
        ],
      },
    ],
  },
  {
    factorKey: 'stress',
    scope: DORDRECHT,
    title: 'Veel stress in de zwangerschap (Dordrecht)',
    localAgreements:
      'Demo. De verloskundige bespreekt stress bij elke controle. Bij aanhoudende stress: aanmelden voor CenteringZwangerschap of een steungesprek bij JGZ; bij psychische klachten het zorgpad psychische gezondheid volgen.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Breng de bronnen van stress in kaart',
        description: 'Geld, wonen, relatie, werk? Kijk ook naar de zorgpaden van die factoren.',
        services: [],
      },
      {
        title: 'Steun in een groep of een steungesprek',
        description: 'Bied CenteringZwangerschap aan, of een prenataal huisbezoek door JGZ.',
        services: [
          {
            name: 'CenteringZwangerschap',
            organisationName: 'Verloskundigenpraktijk De Merwe (demo)',
            contact: { phone: '0800-0000003', email: 'centering@example.nl' },
          },
          {
            name: 'Prenataal huisbezoek',
            organisationName: 'JGZ Zuid-Holland Zuid (demo)',
            contact: { phone: '0800-0000004', website: 'https://jgz.example.nl' },
            conditions: 'Vanaf 16 weken zwangerschap, met toestemming van de zwangere.',
          },
        ],
      },
    ],
  },
  {
    factorKey: 'mental-health',
    scope: DRECHTSTEDEN,
    title: 'Psychische klachten rond de zwangerschap (Drechtsteden)',
    localAgreements:
      'Demo. Bij psychische klachten overlegt de verloskundige met de huisarts. Bij ernstige klachten of eerdere psychose: verwijzing naar de POP-poli van het ziekenhuis.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Overleg met de huisarts',
        description: 'De huisarts of POH-GGZ beoordeelt de klachten en verwijst zo nodig door.',
        services: [],
      },
      {
        title: 'Verwijzing naar de POP-poli',
        description: 'Voor ernstige of eerdere psychische problemen: multidisciplinaire zorg in het ziekenhuis.',
        services: [
          {
            name: 'POP-poli',
            organisationName: 'Ziekenhuis Drechtsteden (demo)',
            contact: { phone: '0800-0000005', website: 'https://poppoli.example.nl' },
            conditions: 'Na verwijzing door verloskundige, gynaecoloog of huisarts.',
          },
        ],
      },
    ],
  },
  {
    factorKey: 'smoking',
    scope: DORDRECHT,
    title: 'Rookvrije start (Dordrecht)',
    localAgreements:
      'Demo. Alle verloskundigen en JGZ-verpleegkundigen gebruiken de V-MIS-gespreksmethode. Bij zwaar roken: verwijzing naar intensieve stopbegeleiding, vergoed zonder eigen risico.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Gesprek volgens V-MIS',
        description: 'Vraag naar roken en meeroken, adviseer stoppen, bied hulp aan. Betrek de partner.',
        services: [],
      },
      {
        title: 'Intensieve stopbegeleiding',
        description: 'Verwijs naar een stoppen-met-rokencoach die ervaring heeft met zwangeren.',
        services: [
          {
            name: 'Stoppen-met-rokencoach',
            organisationName: 'Leefstijlpraktijk Dordrecht (demo)',
            contact: { phone: '0800-0000006', email: 'stoppen@example.nl' },
          },
        ],
      },
    ],
  },
  {
    factorKey: 'domestic-violence',
    scope: DRECHTSTEDEN,
    title: 'Huiselijk geweld en onveiligheid (Drechtsteden)',
    localAgreements:
      'Demo. Volg de meldcode huiselijk geweld en kindermishandeling. Bij acuut gevaar: 112. Bij twijfel: advies vragen bij Veilig Thuis, ook zonder de naam van de cliënt.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Meldcode: signalen in kaart brengen',
        description: 'Leg signalen vast en bespreek ze met een collega of aandachtsfunctionaris.',
        services: [],
      },
      {
        title: 'Advies of melding bij Veilig Thuis',
        description: 'Vraag advies of doe een melding. Het is altijd mogelijk anoniem advies te vragen.',
        services: [
          {
            name: 'Veilig Thuis (advies en melding)',
            organisationName: 'Veilig Thuis regio (demo)',
            contact: { phone: '0800-0000007', website: 'https://veiligthuis.example.nl' },
          },
        ],
      },
    ],
  },
  {
    factorKey: 'housing',
    scope: DRECHTSTEDEN,
    title: 'Onzeker of slecht wonen (Drechtsteden)',
    localAgreements:
      'Demo. Zwangeren zonder vaste woonplek krijgen met voorrang een gesprek bij het wijkteam; de woningcorporaties kennen een urgentieregeling voor zwangeren in nood.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Aanmelden bij het wijkteam',
        description: 'Het wijkteam kijkt naar urgentie, tijdelijke opvang en woonproblemen zoals vocht.',
        services: [
          {
            name: 'Wijkteam wonen',
            organisationName: 'Sociaal wijkteam Drechtsteden (demo)',
            contact: { phone: '0800-0000008', email: 'wonen@example.nl' },
          },
        ],
      },
    ],
  },
  {
    factorKey: 'social-network',
    scope: DRECHTSTEDEN,
    title: 'Weinig steun uit de omgeving (Drechtsteden)',
    localAgreements: 'Demo. Bied een vrijwillige maatje of ervaringsdeskundige moeder aan; JGZ houdt contact.',
    version: 1,
    updatedAt: UPDATED_AT,
    steps: [
      {
        title: 'Een maatje of ervaringsmoeder',
        description: 'Home-Start of Moeders Informeren Moeders: een getrainde vrijwilliger komt thuis.',
        services: [
          {
            name: 'Home-Start',
            organisationName: 'Humanitas Drechtsteden (demo)',
            contact: { phone: '0800-0000009', website: 'https://homestart.example.nl' },
            conditions: 'Voor gezinnen met minstens één kind tot 6 jaar of een zwangerschap.',
          },
        ],
      },
    ],
  },
];

// Parsed at load: the demo data must satisfy the same schema as edited pathways.
export const DEMO_PATHWAYS: readonly Pathway[] = pathwaySetSchema.parse(demoPathways);
