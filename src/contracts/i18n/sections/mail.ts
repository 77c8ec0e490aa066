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
    referralStatusChangedSubject: 'Verwijzing bijgewerkt in Kansrijk',
    referralStatusChangedBody: 'Er is een stap gezet op een verwijzing die u hebt verstuurd:\n{link}\n\nLog in om te zien wat er is veranderd.',
    digestSubject: 'Uw meldingen van Kansrijk',
    digestBody: 'Er staan nieuwe meldingen voor u klaar in Kansrijk:\n{link}\n\nLog in om ze te bekijken. Hoe u meldingen ontvangt, stelt u in bij uw account.',
    serviceVerificationSubject: 'Gegevens op de sociale kaart bevestigen',
    serviceVerificationBody: 'Een of meer diensten van uw organisatie op de sociale kaart moeten worden bevestigd:\n{link}',
    analysisInvitationSubject: 'Uitnodiging voor de zelfanalyse van uw coalitie',
    analysisInvitationBody:
      'U bent uitgenodigd om de zelfanalyse van een coalitie Kansrijke Start in te vullen. Via deze persoonlijke link vult u de stellingen in:\n{link}\n\nDe link werkt tot de ronde sluit. Stuur hem niet door.',
    analysisReminderSubject: 'Herinnering: de zelfanalyse van uw coalitie sluit binnenkort',
    analysisReminderBody: 'De ronde van de zelfanalyse waarvoor u bent uitgenodigd sluit binnenkort, en u hebt nog niet geantwoord. Log in en vul de stellingen in:\n{link}',
    analysisReminderByLinkSubject: 'Herinnering: de zelfanalyse van uw coalitie sluit binnenkort',
    analysisReminderByLinkBody:
      'De ronde van de zelfanalyse waarvoor u bent uitgenodigd sluit binnenkort, en u hebt nog niet geantwoord. Vul de stellingen in via de persoonlijke link in de uitnodiging die u eerder kreeg. Hebt u die niet meer? Vraag de coördinator van de coalitie om een nieuwe uitnodiging.',
    agreementReviewSubject: 'Samenwerkingsafspraak herzien',
    agreementReviewBody: 'Een samenwerkingsafspraak van uw coalitie nadert de datum waarop zij herzien moet worden, of is eroverheen:\n{link}',
    pathwayReviewSubject: 'Zorgpad herzien',
    pathwayReviewBody: 'Een zorgpad dat uw coalitie bijhoudt nadert de datum waarop het herzien moet worden, of is eroverheen:\n{link}',
    questionnaireOpenSubject: 'De jaarlijkse vragenlijst Kansrijke Start staat open',
    questionnaireOpenBody: 'De jaarlijkse vragenlijst over Kansrijke Start in uw gemeente staat open. U vult hem in Kansrijk in; een deel is al ingevuld uit registers:\n{link}',
    questionnaireDeadlineSubject: 'Herinnering: de jaarlijkse vragenlijst sluit binnenkort',
    questionnaireDeadlineBody: 'De jaarlijkse vragenlijst over Kansrijke Start voor uw gemeente is nog niet ingediend, en de termijn loopt binnenkort af:\n{link}',
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
    referralStatusChangedSubject: 'Referral updated in Kansrijk',
    referralStatusChangedBody: 'A step was taken on a referral you sent:\n{link}\n\nLog in to see what changed.',
    digestSubject: 'Your notifications from Kansrijk',
    digestBody: 'New notifications are waiting for you in Kansrijk:\n{link}\n\nLog in to see them. You choose how you receive notifications in your account.',
    serviceVerificationSubject: 'Confirm your details on the social map',
    serviceVerificationBody: 'One or more services of your organisation on the social map need to be confirmed:\n{link}',
    analysisInvitationSubject: 'Invitation to your coalition’s self-analysis',
    analysisInvitationBody:
      'You have been invited to fill in the self-analysis of a Kansrijke Start coalition. Answer the statements through this personal link:\n{link}\n\nThe link works until the round closes. Please do not forward it.',
    analysisReminderSubject: 'Reminder: your coalition’s self-analysis closes soon',
    analysisReminderBody: 'The self-analysis round you were invited to closes soon, and you have not answered yet. Log in and answer the statements:\n{link}',
    analysisReminderByLinkSubject: 'Reminder: your coalition’s self-analysis closes soon',
    analysisReminderByLinkBody:
      'The self-analysis round you were invited to closes soon, and you have not answered yet. Answer the statements through the personal link in the invitation you received earlier. No longer have it? Ask the coalition’s coordinator for a new invitation.',
    agreementReviewSubject: 'Collaboration agreement due for review',
    agreementReviewBody: 'A collaboration agreement of your coalition is nearing, or past, the date on which it must be reviewed:\n{link}',
    questionnaireOpenSubject: 'The yearly Kansrijke Start questionnaire is open',
    questionnaireOpenBody: 'The yearly questionnaire about Kansrijke Start in your municipality is open. You fill it in in Kansrijk; part of it is prefilled from registers:\n{link}',
    questionnaireDeadlineSubject: 'Reminder: the yearly questionnaire closes soon',
    questionnaireDeadlineBody: 'The yearly questionnaire about Kansrijke Start for your municipality has not been submitted yet, and its deadline is near:\n{link}',
    pathwayReviewSubject: 'Care pathway due for review',
    pathwayReviewBody: 'A care pathway your coalition keeps is nearing, or past, the date on which it must be reviewed:\n{link}',
  },
};
