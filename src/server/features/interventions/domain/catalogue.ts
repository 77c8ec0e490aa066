// SPDX-License-Identifier: EUPL-1.2
// The menukaart as data, validated by zod at load. Source: domain reference §2.2 (compiled from
// Loket Gezond Leven, NJi, NCJ and provider records; the menukaart page itself was not retrievable).
// Recognition 'niet gevonden' means the reference found no recognition record, not that there is none.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../platform/domain/result.js';

export const PHASES = ['V', 'T', 'N'] as const; // voor de zwangerschap, tijdens, na de geboorte
export const RECOGNITION_LEVELS = [
  'goed_beschreven',
  'goed_onderbouwd',
  'effectief_eerste_aanwijzingen',
  'effectief_goede_aanwijzingen',
  'effectief_sterke_aanwijzingen',
  'niet_gevonden',
  'niet_van_toepassing',
] as const;

export const interventionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  phases: z.array(z.enum(PHASES)).min(1),
  targetGroup: z.string().min(10),
  goal: z.string().min(10),
  providerType: z.string().min(2),
  recognition: z.enum(RECOGNITION_LEVELS),
  recognitionNote: z.string().optional(),
  /** A legal task of the municipality rather than a menu choice (prenatal home visit, Wpg). */
  isLegalTask: z.boolean(),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const catalogueSchema = z.array(interventionSchema).superRefine((items, context) => {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.key)) context.addIssue({ code: 'custom', message: `Dubbele interventie: ${item.key}`, path: [index, 'key'] });
    seen.add(item.key);
  }
});

export const INTERVENTION_CATALOGUE: readonly Intervention[] = catalogueSchema.parse([
  {
    key: 'voorzorg', name: 'VoorZorg', phases: ['T', 'N'], isLegalTask: false,
    targetGroup: 'Jonge vrouwen (tot 25 jaar) in verwachting van hun eerste kind, met een opeenstapeling van risicofactoren; instroom tot 28 weken zwangerschap',
    goal: 'Een gezonde en veilige opvoeding; voorkomen van kindermishandeling en huiselijk geweld; betere zwangerschapsuitkomsten',
    providerType: 'VoorZorg-verpleegkundige van de JGZ (40–60 huisbezoeken)',
    recognition: 'effectief_goede_aanwijzingen', recognitionNote: 'Erkend 1 oktober 2015, verlengd 30 september 2021',
  },
  {
    key: 'stevig-ouderschap', name: 'Stevig Ouderschap', phases: ['T', 'N'], isLegalTask: false,
    targetGroup: '(Aanstaande) ouders met een belaste voorgeschiedenis, persoonlijke problemen of weinig steun; vanaf 16 weken zwangerschap tot 2,5 jaar',
    goal: 'Ernstige opvoedproblemen en kindermishandeling voorkomen',
    providerType: 'Gecertificeerde jeugdverpleegkundige (JGZ)',
    recognition: 'effectief_eerste_aanwijzingen', recognitionNote: 'Erkend 14 september 2017',
  },
  {
    key: 'samenstarten', name: 'SamenStarten', phases: ['N'], isLegalTask: false,
    targetGroup: 'Alle ouders van kinderen van 0 tot 4 jaar, via de JGZ',
    goal: 'De psychosociale ontwikkeling bevorderen door risico- en beschermende factoren in beeld te brengen en zorg op maat',
    providerType: 'JGZ',
    recognition: 'goed_onderbouwd', recognitionNote: 'Erkend 29 november 2018',
  },
  {
    key: 'centering-zwangerschap', name: 'CenteringZwangerschap', phases: ['T'], isLegalTask: false,
    targetGroup: 'Zwangeren, in groepen van 8 tot 12 met een vergelijkbare zwangerschapsduur',
    goal: 'Verloskundige zorg in groepen: controles, voorlichting en steun van lotgenoten',
    providerType: 'Verloskundige met een tweede begeleider (10 bijeenkomsten)',
    recognition: 'niet_gevonden',
  },
  {
    key: 'centering-ouderschap', name: 'CenteringOuderschap', phases: ['N'], isLegalTask: false,
    targetGroup: 'Ouders met een baby op het consultatiebureau, in groepen van 6 tot 8 ouderparen',
    goal: 'JGZ-zorg in groepen; meer gezondheidsvaardigheden en sociale steun',
    providerType: 'JGZ',
    recognition: 'niet_gevonden',
  },
  {
    key: 'nu-niet-zwanger', name: 'Nu Niet Zwanger', phases: ['V'], isLegalTask: false,
    targetGroup: 'Kwetsbare mannen en vrouwen in de vruchtbare leeftijd met meervoudige problemen',
    goal: 'Een bewuste keuze over het moment van een kinderwens; onbedoelde zwangerschap voorkomen',
    providerType: 'Betrokken professionals, met het NNZ-team van de GGD',
    recognition: 'niet_gevonden',
  },
  {
    key: 'home-start', name: 'Home-Start', phases: ['T', 'N'], isLegalTask: false,
    targetGroup: 'Gezinnen met alledaagse opvoedvragen of -spanning; vanaf 28 weken zwangerschap',
    goal: 'Informele, vraaggerichte steun; netwerk en gebruik van lokale voorzieningen versterken',
    providerType: 'Getrainde vrijwilliger met een betaalde coördinator',
    recognition: 'effectief_goede_aanwijzingen', recognitionNote: 'Erkend 8 april 2019',
  },
  {
    key: 'moeders-informeren-moeders', name: 'Moeders Informeren Moeders', phases: ['T', 'N'], isLegalTask: false,
    targetGroup: 'Moeders met een eerste baby (lokaal ook zwangeren en moeders met kinderen tot 4 jaar)',
    goal: 'Vertrouwen in het ouderschap en het sociale netwerk versterken',
    providerType: 'Ervaren vrijwillige moeders, gecoördineerd door JGZ, CJG of welzijn',
    recognition: 'niet_gevonden',
  },
  {
    key: 'samen-oplopen', name: 'Samen Oplopen', phases: ['N'], isLegalTask: false,
    targetGroup: 'Gezinnen met veel stress en zorgen tegelijk',
    goal: 'Informele steun; minder afhankelijk worden van professionele hulp',
    providerType: 'Vrijwilliger die 1 tot 2 jaar met een gezin meeloopt, met coördinatoren',
    recognition: 'niet_gevonden', recognitionNote: 'Opgenomen in de Movisie-databank effectieve sociale interventies; niveau niet gevonden',
  },
  {
    key: 'v-mis', name: 'V-MIS', phases: ['T'], isLegalTask: false,
    targetGroup: 'Zwangeren die roken (en hun partners)',
    goal: 'Stoppen met roken; een rookvrije start',
    providerType: 'Verloskundige of gynaecoloog (minimale interventiestrategie in 7 stappen)',
    recognition: 'niet_gevonden', recognitionNote: 'Aanbevolen in de richtlijnaanvulling tabaksverslaving in de zwangerschap',
  },
  {
    key: 'prenataal-huisbezoek-jgz', name: 'Prenataal huisbezoek JGZ', phases: ['T'], isLegalTask: true,
    targetGroup: 'Zwangeren en gezinnen in een kwetsbare situatie (vrijwillig aanbod)',
    goal: 'De situatie, mogelijkheden en wensen in kaart brengen en passende ondersteuning afspreken vóór de geboorte',
    providerType: 'Jeugdverpleegkundige van de JGZ',
    recognition: 'niet_van_toepassing', recognitionNote: 'Wettelijke taak van de gemeente (Wpg), sinds 1 juli 2022; geen menukaartinterventie',
  },
]);

export function findIntervention(key: string): Intervention | undefined {
  return INTERVENTION_CATALOGUE.find((intervention) => intervention.key === key);
}

// ── Enrolment ─────────────────────────────────────────────────────────────────────────────────────

export const DROP_OUT_REASONS = ['client_stopped', 'moved_away', 'no_contact', 'not_suitable', 'other'] as const;
export type DropOutReason = (typeof DROP_OUT_REASONS)[number];

export type EnrolmentState =
  | { readonly status: 'enrolled'; readonly enrolledOn: string }
  | { readonly status: 'started'; readonly enrolledOn: string; readonly startedOn: string }
  | { readonly status: 'ended'; readonly enrolledOn: string; readonly startedOn: string; readonly endedOn: string }
  | {
      readonly status: 'dropped_out';
      readonly enrolledOn: string;
      readonly startedOn: string | null;
      readonly endedOn: string;
      readonly reason: DropOutReason;
      readonly explanation?: string;
    };

export type EnrolmentEvent =
  | { readonly type: 'start'; readonly on: string }
  | { readonly type: 'end'; readonly on: string }
  | { readonly type: 'drop_out'; readonly on: string; readonly reason: DropOutReason; readonly explanation?: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function enrol(interventionKey: string, on: string): Result<EnrolmentState> {
  if (!findIntervention(interventionKey)) return fail('validation_failed', 'intervention_unknown', 'Kies een interventie uit de menukaart.', 'interventionKey');
  if (!ISO_DATE.test(on)) return fail('validation_failed', 'date_invalid', 'Vul een geldige datum in.', 'on');
  return ok({ status: 'enrolled', enrolledOn: on });
}

/** ISO dates compare correctly as strings; a later step may not be dated before an earlier one. */
export function changeEnrolment(state: EnrolmentState, event: EnrolmentEvent): Result<EnrolmentState> {
  if (state.status === 'ended' || state.status === 'dropped_out') {
    return fail('already_processed', 'enrolment_closed', 'Deze deelname is al beëindigd.');
  }
  if (!ISO_DATE.test(event.on)) return fail('validation_failed', 'date_invalid', 'Vul een geldige datum in.', 'on');
  const previous = state.status === 'started' ? state.startedOn : state.enrolledOn;
  if (event.on < previous) {
    return fail('validation_failed', 'date_before_previous', 'De datum kan niet vóór de vorige stap van de deelname liggen.', 'on');
  }
  switch (event.type) {
    case 'start':
      if (state.status !== 'enrolled') return fail('conflict', 'already_started', 'Deze deelname is al gestart.');
      return ok({ status: 'started', enrolledOn: state.enrolledOn, startedOn: event.on });
    case 'end':
      if (state.status !== 'started') return fail('conflict', 'not_started', 'Een deelname die niet is gestart, kan niet worden afgerond; registreer dan uitval met een reden.');
      return ok({ status: 'ended', enrolledOn: state.enrolledOn, startedOn: state.startedOn, endedOn: event.on });
    case 'drop_out': {
      if (!(DROP_OUT_REASONS as readonly string[]).includes(event.reason)) {
        return fail('validation_failed', 'reason_required', 'Kies een reden voor de uitval.', 'reason');
      }
      const explanation = event.explanation?.trim();
      if (event.reason === 'other' && !explanation) {
        return fail('validation_failed', 'explanation_required', 'Licht de reden voor de uitval toe.', 'explanation');
      }
      return ok({
        status: 'dropped_out',
        enrolledOn: state.enrolledOn,
        startedOn: state.status === 'started' ? state.startedOn : null,
        endedOn: event.on,
        reason: event.reason,
        ...(explanation ? { explanation } : {}),
      });
    }
  }
}
