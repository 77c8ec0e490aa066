// SPDX-License-Identifier: EUPL-1.2
// HTTP face of self-registration: the public form's endpoint (no login, CSRF, limited per IP address
// like login) and the receiving organisation's list.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf, originOf } from '../../platform/http/request-context.js';
import { selfRegistrationCreateSchema, selfRegistrationListSchema, selfRegistrationReceiptSchema } from '../../../contracts/parents-public.js';
import { PARENTS_TAG } from '../parent-offer/routes.js';
import { registerSelf } from './register-self.js';
import { listSelfRegistrations } from './list-self-registrations.js';

export function registerSelfRegistrationRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = [PARENTS_TAG];
  // Like the other public writes (login, self-analysis links): a few per minute per IP address.
  const rateLimit = { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' };
  app.post(
    '/public/self-registrations',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Aanmelden als ouder',
        description:
          'Zonder inloggen: een ouder meldt zich aan voor een prenataal huisbezoek of een gesprek over een kinderwens, met haar eigen ' +
          'toestemming (`consent: true`). De aanmelding gaat naar de jeugdgezondheidszorg die in het lokale aanbod van haar gemeente staat. ' +
          'Dezelfde `idempotencyKey` nog eens geeft de eerdere aanmelding terug (200). Een gemeente die niet meedoet, geen toestemming of ' +
          'een ongeldig telefoonnummer of e-mailadres: 400 en niets bewaard. Beperkt aantal per minuut per IP-adres (429).',
        body: selfRegistrationCreateSchema,
        response: { 200: selfRegistrationReceiptSchema, 201: selfRegistrationReceiptSchema },
      },
    },
    async (request, reply) => {
      const created = await registerSelf({ db: deps.db, now: () => deps.clock.now(), origin: originOf(request) }, request.body);
      return reply.status(created.isNew ? 201 : 200).send(created.receipt);
    },
  );
  app.get(
    '/self-registrations',
    {
      schema: {
        tags,
        summary: 'Aanmeldingen van ouders',
        description:
          'De aanmeldingen die ouders zelf deden bij de eigen organisatie, nieuwste eerst (hoogstens 200), met hoe en wanneer zij contact ' +
          'willen, veilig contact en hun toestemming (gegeven door de cliënt). Voor de zorgprofessionals van de ontvangende organisatie.',
        response: { 200: selfRegistrationListSchema },
      },
    },
    async (request) => listSelfRegistrations(contextOf(request, deps)),
  );
}
