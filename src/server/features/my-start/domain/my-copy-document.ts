// SPDX-License-Identifier: EUPL-1.2
// The readable half of the copy of my data: the same file as the FHIR Bundle — me and my family, who
// helps me, my appointments, my referrals with their status, my consents and who looked at my file —
// as blocks of Dutch text for the PDF, in the words of the catalogue (the page's own words). Pure.
import { auditLabels } from '../../../../contracts/i18n/audit-labels.js';
import { nl } from '../../../../contracts/i18n/nl.js';
import type { Family } from '../../../../contracts/families.js';
import type { MyAccessLog, MyStart } from '../../../../contracts/my-start.js';
import type { PdfBlock } from './pdf-writer.js';

const m = nl;
const text = m.myStart;
const labels = auditLabels(m);
const TIME_ZONE = 'Europe/Amsterdam';
const dayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const calendarDayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

/** "7 december 2026" for a calendar day or an instant (Amsterdam). */
export function dutchDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? calendarDayFormat.format(new Date(`${iso}T00:00:00Z`)) : dayFormat.format(new Date(iso));
}
const dutchDateTime = (iso: string) => `${dutchDate(iso)} ${timeFormat.format(new Date(iso))}`;

/** Fills {name} placeholders of a catalogue sentence. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function section(title: string, lines: readonly string[]): PdfBlock[] {
  return [{ kind: 'heading', text: title }, ...(lines.length > 0 ? lines : [text.pdfNone]).map((line): PdfBlock => ({ kind: 'text', text: line }))];
}

export interface MyCopyContent {
  members: readonly Pick<Family['members'][number], 'givenName' | 'familyName' | 'birthDate'>[];
  overview: MyStart;
  accessLog: MyAccessLog;
  madeAt: Date;
}

export function myCopyBlocks({ members, overview, accessLog, madeAt }: MyCopyContent): PdfBlock[] {
  return [
    { kind: 'title', text: text.pdfTitle },
    { kind: 'text', text: fill(text.pdfMadeOn, { date: dutchDateTime(madeAt.toISOString()) }) },
    ...section(
      text.pdfAboutTitle,
      members.map((member) => {
        const name = `${member.givenName} ${member.familyName}`.trim();
        return member.birthDate ? fill(text.pdfMember, { name, date: dutchDate(member.birthDate) }) : fill(text.pdfMemberNoDate, { name });
      }),
    ),
    ...section(
      text.helpersTitle,
      overview.helpers.map((helper) => `${helper.organisationName} (${fill(text.helperSince, { date: dutchDate(helper.since) })})`),
    ),
    ...section(
      text.appointmentsTitle,
      overview.appointments.map((appointment) => `${dutchDate(appointment.plannedOn)}: ${fill(text.appointmentHomeVisit, { organisation: appointment.organisationName })}`),
    ),
    ...section(text.referralsTitle, [
      ...overview.referrals.map((referral) =>
        fill(text.pdfReferral, {
          from: referral.senderOrganisationName,
          to: referral.receiverOrganisationName,
          status: m.referralStatuses[referral.status],
          date: referral.requestedAt ? dutchDate(referral.requestedAt) : '',
        }),
      ),
      ...overview.awaitingConsent.map((referral) => fill(text.pdfReferralNotSent, { from: referral.senderOrganisationName, to: referral.receiverOrganisationName })),
    ]),
    ...section(
      text.consentsTitle,
      overview.consents.map((consent) =>
        fill(text.pdfConsent, {
          organisation: consent.receiverOrganisationName,
          status: m.consentStatuses[consent.status],
          validity: fill(text.validity, { from: dutchDate(consent.givenOn), until: dutchDate(consent.validUntil) }),
        }),
      ),
    ),
    ...section(
      text.accessLogTitle,
      accessLog.items.map((item) =>
        fill(text.pdfAccess, {
          at: dutchDateTime(item.at),
          who: item.isOwnAction ? text.you : [item.organisationName, labels.roles(item.role)].filter(Boolean).join(', '),
          what: [labels.action(item.action), labels.objectType(item.objectType)].filter(Boolean).join(': ') +
            (item.emergency === 'pending_review' ? ` – ${text.columnEmergency}: ${text.emergencyPending}` : item.emergency === 'reviewed' ? ` – ${text.columnEmergency}: ${text.emergencyReviewed}` : ''),
          outcome: labels.outcome(item.outcome),
        }),
      ),
    ),
    { kind: 'heading', text: text.copyTitle },
    { kind: 'text', text: text.pdfFhirNote },
  ];
}
