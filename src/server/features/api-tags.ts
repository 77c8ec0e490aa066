// SPDX-License-Identifier: EUPL-1.2
// The groups the REST API's operations are listed under in the OpenAPI document, each with what it is
// for. Every tag a route uses must be here (the contract test runs the NL API Design Rules ruleset).
import type { ApiTag } from '../platform/http/openapi.js';

export const API_TAGS: readonly ApiTag[] = [
  { name: 'Referentiegegevens', description: 'Gemeenten, provincies en GGD-regio’s: openbare referentiegegevens.' },
  { name: 'Authenticatie', description: 'Inloggen met wachtwoord en tweede factor, sessies, uitnodigingen en wachtwoord wijzigen.' },
  { name: 'Organisaties', description: 'De organisaties op het platform en hun gegevens.' },
  { name: 'Medewerkers', description: 'De medewerkers van een organisatie en hun rollen.' },
  { name: 'Auditlog', description: 'Wie wat wanneer deed met welke gegevens (alleen lezen).' },
  { name: 'Toestemming', description: 'De toestemming van een gezin voor het delen van gegevens, en het intrekken daarvan.' },
  { name: 'Verwijzingen', description: 'Verwijzingen tussen zorg- en hulpverleners in de keten, met hun status.' },
  { name: 'JGZ', description: 'Jeugdgezondheidszorg: huisbezoeken, caseload en zorgteam.' },
  { name: 'Interventies', description: 'De interventies die het platform kent en de deelname van gezinnen daaraan.' },
  { name: 'Uitkomsten', description: 'Uitkomsten rond de geboorte en op tweejarige leeftijd.' },
  { name: 'Gezinnen', description: 'Gezinnen, gezinsleden en zwangerschappen; zoeken, samenvoegen en dubbele registraties.' },
  { name: 'Noodtoegang', description: 'Toegang in een noodgeval tot een gezin zonder zorgrelatie, met controle achteraf.' },
  { name: 'Screeningsinstrumenten', description: 'De vragenlijsten (screeningsinstrumenten) die het platform kent.' },
  { name: 'Screenings', description: 'Screenings bij een gezin: starten, antwoorden vastleggen en afronden.' },
  { name: 'Zorgpaden', description: 'De zorgpaden van een gezin.' },
  { name: 'Coalities', description: 'Lokale coalities Kansrijke Start: leden, coördinatoren, stuurgroep, financiering, partners en afspraken.' },
  { name: 'Lokaal aanbod', description: 'Het lokale aanbod van coalities: interventies van het menu en lokale activiteiten, per dienst van de sociale kaart.' },
  { name: 'Plan van aanpak', description: 'Het plan van aanpak van een coalitie, met versies, goedkeuring en verbeteracties.' },
  { name: 'Zelfanalyse coalitie', description: 'De zelfanalyse van een coalitie: rondes, uitnodigingen, antwoorden en rapport.' },
  { name: 'Vragenlijst gemeenten', description: 'De jaarlijkse vragenlijst voor gemeenten over Kansrijke Start.' },
  { name: 'Monitor', description: 'De landelijke monitor: indicatoren, cijfers per gebied, vergelijkingen en imports.' },
  { name: 'Sociale kaart', description: 'De sociale kaart: wie welke hulp biedt, voor welke risicofactoren en in welke gemeenten; elke organisatie bevestigt haar diensten minstens elke zes maanden.' },
  { name: 'Meldingen', description: 'Meldingen in Kansrijk en per e-mail (zonder persoonsgegevens): de eigen meldingen, voorkeuren en de instellingen voor meldingen over de inbox van een organisatie.' },
  { name: 'Ouders', description: 'Zonder inloggen, voor (aanstaande) ouders: het lokale aanbod per gemeente en fase in gewone taal, met wie het betaalt, en zelf aanmelden bij de jeugdgezondheidszorg.' },
  { name: 'Uitgaande e-mail', description: 'De wachtrij van uitgaande e-mail voor de beheerder van het platform: status per bericht (nooit de inhoud), onbestelbare berichten opnieuw versturen.' },
  { name: 'Mijn Kansrijke Start', description: 'Voor ouders: inloggen via DigiD (OpenID Connect), het eigen dossier, toestemmingen intrekken, wie het dossier bekeek, een kopie van de gegevens, en de eigen kinderen tot 12 jaar over wie de ouder het gezag heeft.' },
  { name: 'Koppelingen', description: 'Toegang voor systemen (machine-to-machine): API-clients van organisaties, met OAuth 2.0 client credentials en een ondertekende JWT (private_key_jwt).' },
];
