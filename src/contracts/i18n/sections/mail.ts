// SPDX-License-Identifier: EUPL-1.2
// Catalogue section of outgoing mail (issue 16): per template a subject and a text. A mail says *that*
// something waits for the reader and links to it ({link}, behind login) — never who it is about: no
// names, birth dates, BSNs or other client data in any subject or text (a test checks every template
// against the demo clients).
import type { SectionCatalogue } from './section.js';

export const mailNl = {
  mail: {
    signature: 'Met vriendelijke groet,\nKansrijk\n\nDit bericht is automatisch verstuurd. U kunt er niet op antwoorden.',
    invitationSubject: 'Uitnodiging voor Kansrijk',
    invitationBody: 'U bent uitgenodigd om Kansrijk te gebruiken. Stel via deze link uw wachtwoord in:\n{link}\n\nDe link is beperkt geldig.',
    newReferralSubject: 'Nieuwe verwijzing in Kansrijk',
    newReferralBody: 'Er staat een nieuwe verwijzing voor u klaar in Kansrijk:\n{link}\n\nLog in om haar te bekijken.',
    referralDueSubject: 'Verwijzing wacht op antwoord',
    referralDueBody: 'Een verwijzing in Kansrijk nadert de termijn waarbinnen zij beantwoord moet zijn, of is eroverheen:\n{link}',
    referralOverdueSubject: 'Verwijzing niet op tijd beantwoord',
    referralOverdueBody: 'Een verwijzing in uw gemeente is niet binnen de termijn beantwoord. Bekijk de verwijzingen die te laat zijn:\n{link}',
    digestSubject: 'Uw meldingen van Kansrijk',
    digestBody: 'Er staan nieuwe meldingen voor u klaar in Kansrijk:\n{link}\n\nLog in om ze te bekijken. Hoe u meldingen ontvangt, stelt u in bij uw account.',
    serviceVerificationSubject: 'Gegevens op de sociale kaart bevestigen',
    serviceVerificationBody: 'Een of meer diensten van uw organisatie op de sociale kaart moeten worden bevestigd:\n{link}',
  },
};

export const mailEn: SectionCatalogue<typeof mailNl> = {
  mail: {
    signature: 'Kind regards,\nKansrijk\n\nThis message was sent automatically. Replies are not read.',
    invitationSubject: 'Invitation to Kansrijk',
    invitationBody: 'You have been invited to use Kansrijk. Set your password through this link:\n{link}\n\nThe link is valid for a limited time.',
    newReferralSubject: 'New referral in Kansrijk',
    newReferralBody: 'A new referral is waiting for you in Kansrijk:\n{link}\n\nLog in to see it.',
    referralDueSubject: 'Referral awaiting an answer',
    referralDueBody: 'A referral in Kansrijk is nearing, or past, the time within which it must be answered:\n{link}',
    referralOverdueSubject: 'Referral not answered in time',
    referralOverdueBody: 'A referral in your municipality was not answered in time. See the referrals that are overdue:\n{link}',
    digestSubject: 'Your notifications from Kansrijk',
    digestBody: 'New notifications are waiting for you in Kansrijk:\n{link}\n\nLog in to see them. You choose how you receive notifications in your account.',
    serviceVerificationSubject: 'Confirm your details on the social map',
    serviceVerificationBody: 'One or more services of your organisation on the social map need to be confirmed:\n{link}',
  },
};
