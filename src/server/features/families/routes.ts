// SPDX-License-Identifier: EUPL-1.2
// HTTP face of families (/families), a child's closure flag, emergency access (/emergency-access) and a family's access log.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { invalidFieldsOf } from '../../platform/errors.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  accessLogPageSchema,
  accessLogQuerySchema,
  childClosureCreateSchema,
  childClosureParamSchema,
  childClosureSchema,
  childParamSchema,
  duplicateListSchema,
  emergencyAccessGrantSchema,
  emergencyAccessPageSchema,
  emergencyAccessQuerySchema,
  emergencyAccessRequestSchema,
  emergencyAccessSchema,
  emergencyReviewSchema,
  familyCreateSchema,
  familyIdParamSchema,
  familyPageSchema,
  familyListQuerySchema,
  familySchema,
  familySearchSchema,
  familyUpdateSchema,
  mergeSchema,
  pregnancyCreateSchema,
} from '../../../contracts/families.js';
import { csvOrJson, pageOrCsv, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import { registerFamily } from './register-family.js';
import { listFamilies } from './list-families.js';
import { exportFamilies } from './export-families.js';
import { getFamily } from './get-family.js';
import { updateFamily } from './update-family.js';
import { addPregnancy } from './add-pregnancy.js';
import { findFamilyDuplicates } from './find-family-duplicates.js';
import { mergeFamilies } from './merge-families.js';
import { openEmergencyAccess, recordInvalidEmergencyAccess } from './open-emergency-access.js';
import { listEmergencyAccesses } from './list-emergency-accesses.js';
import { exportEmergencyAccesses } from './export-emergency-accesses.js';
import { reviewEmergencyAccess } from './review-emergency-access.js';
import { exportAccessLog, listAccessLog } from './access-log.js';
import { setChildClosure } from './set-child-closure.js';
import { liftChildClosure } from './lift-child-closure.js';

const ACCESS_NOTE =
  'Alleen voor professionals van een organisatie met een zorgrelatie met dit gezin (geregistreerd, of verwijzing met geldige toestemming), of met lopende noodtoegang. Elke inzage wordt vastgelegd.';

export function registerFamilyRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Gezinnen'];
  app.get(
    '/families',
    {
      schema: {
        tags,
        summary: 'Cliënten zoeken',
        description:
          'Alleen gezinnen waarmee de eigen organisatie een zorgrelatie heeft. Zoeken op (begin van) naam, geboortedatum, gemeente. Met `Accept: text/csv` als CSV. Zoeken op BSN kan alleen met `POST /families/search`: een BSN in de URL geeft 400 `bsn_in_url`.',
        querystring: familyListQuerySchema,
        response: { 200: csvOrJson(familyPageSchema) },
      },
    },
    async (request, reply) => pageOrCsv(request, reply, contextOf(request, deps), { list: listFamilies, exportCsv: exportFamilies, csvName: 'clienten' }),
  );
  app.post(
    '/families/search',
    {
      schema: {
        tags,
        summary: 'Cliënten zoeken, ook op BSN',
        description:
          'Dezelfde zoekopdracht als `GET /families`, met de filters in de body, zodat een BSN nooit in een URL (en dus in logs van proxies en browsers) staat. Wijzigt niets. Met `Accept: text/csv` als CSV.',
        body: familySearchSchema,
        response: { 200: csvOrJson(familyPageSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (wantsCsv(request)) return sendCsv(reply, 'clienten', await exportFamilies(ctx, request.body), ctx.now());
      return listFamilies(ctx, request.body);
    },
  );
  app.post(
    '/families',
    {
      schema: {
        tags,
        summary: 'Cliënt registreren',
        description:
          'Registreert cliënt, eventueel partner en zwangerschap; de eigen organisatie krijgt de zorgrelatie. Mogelijke dubbele registraties (zelfde BSN, of naam + geboortedatum + postcode) geven 409 `duplicate_family` met de kandidaten, tenzij `confirmNotDuplicate`.',
        body: familyCreateSchema,
        response: { 201: familySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registerFamily(contextOf(request, deps), request.body)),
  );
  app.get(
    '/families/:familyId',
    { schema: { tags, summary: 'Dossier van een gezin', description: ACCESS_NOTE, params: familyIdParamSchema, response: { 200: familySchema } } },
    async (request) => getFamily(contextOf(request, deps), request.params.familyId),
  );
  app.patch(
    '/families/:familyId',
    {
      schema: {
        tags,
        summary: 'Gezinsgegevens wijzigen',
        description: `${ACCESS_NOTE} Met \`version\`: gewijzigd door een ander sinds → 409 \`stale_version\`, niets opgeslagen.`,
        params: familyIdParamSchema,
        body: familyUpdateSchema,
        response: { 200: familySchema },
      },
    },
    async (request) => updateFamily(contextOf(request, deps), request.params.familyId, request.body),
  );
  app.post(
    '/families/:familyId/pregnancies',
    { schema: { tags, summary: 'Zwangerschap vastleggen', description: 'Legt een (nieuwe) zwangerschap met uitgerekende datum vast bij het gezin en geeft het gezin terug.', params: familyIdParamSchema, body: pregnancyCreateSchema, response: { 201: familySchema } } },
    async (request, reply) => reply.status(201).send(await addPregnancy(contextOf(request, deps), request.params.familyId, request.body)),
  );
  app.get(
    '/families/:familyId/duplicates',
    { schema: { tags, summary: 'Mogelijke dubbele registraties', description: 'Andere registraties die hetzelfde gezin kunnen zijn (vergeleken op de gegevens van de cliënt: naam, geboortedatum, BSN, postcode), als kandidaten om samen te voegen.', params: familyIdParamSchema, response: { 200: duplicateListSchema } } },
    async (request) => findFamilyDuplicates(contextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/families/:familyId/merges',
    {
      schema: {
        tags,
        summary: 'Dubbele registratie samenvoegen',
        description: 'Alles van de dubbele registratie gaat naar dit gezin; de dubbele blijft bestaan als samengevoegd (geschiedenis blijft).',
        params: familyIdParamSchema,
        body: mergeSchema,
        response: { 200: familySchema },
      },
    },
    async (request) => mergeFamilies(contextOf(request, deps), request.params.familyId, request.body),
  );
  app.get(
    '/families/:familyId/access-log',
    {
      schema: {
        tags,
        summary: 'Wie keek mee',
        description: 'Elke inzage, zoekactie en wijziging van dit dossier uit het auditlog (NEN 7513). Met `Accept: text/csv` als CSV.',
        params: familyIdParamSchema,
        querystring: accessLogQuerySchema,
        response: { 200: csvOrJson(accessLogPageSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (wantsCsv(request)) return sendCsv(reply, 'inzage', await exportAccessLog(ctx, request.params.familyId), ctx.now());
      return listAccessLog(ctx, request.params.familyId, request.query);
    },
  );

  const CLOSURE_NOTE =
    'Alleen voor professionals van een jeugdgezondheidszorg-, GGD- of sociaal-wijkteamorganisatie met een zorgrelatie met dit gezin (noodtoegang telt niet mee). Vastgelegd in het auditlog, zonder de reden.';
  app.post(
    '/families/:familyId/children/:childId/closures',
    {
      schema: {
        tags,
        summary: 'Kind afschermen voor ouders',
        description: `Zet een afscherming (kinderbescherming of veiligheid) op een kind van dit gezin: een ouder met gezag ziet daarna in Mijn Kansrijke Start alleen een neutrale melding, nooit de reden. Er staat al een afscherming → 409 \`child_closure_active\`. Een kind dat niet bij dit gezin hoort → 404. ${CLOSURE_NOTE}`,
        params: childParamSchema,
        body: childClosureCreateSchema,
        response: { 201: childClosureSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await setChildClosure(contextOf(request, deps), request.params.familyId, request.params.childId, request.body)),
  );
  app.post(
    '/families/:familyId/children/:childId/closures/:closureId/lifting',
    {
      schema: {
        tags,
        summary: 'Afscherming van een kind opheffen',
        description: `Heft de afscherming op: een ouder met gezag ziet het kind weer. De afscherming blijft bewaard met wie haar ophief en wanneer. Al opgeheven → 409 \`child_closure_lifted\`. ${CLOSURE_NOTE}`,
        params: childClosureParamSchema,
        response: { 200: childClosureSchema },
      },
    },
    async (request) => liftChildClosure(contextOf(request, deps), request.params.familyId, request.params.childId, request.params.closureId),
  );

  const emergencyTags = ['Noodtoegang'];
  app.post(
    '/emergency-access',
    {
      schema: {
        tags: emergencyTags,
        summary: 'Noodtoegang openen',
        description:
          'Break the glass: met een exact BSN (of achternaam + geboortedatum) en een reden krijgt de professional 4 uur toegang tot één dossier. Vastgelegd en gemarkeerd voor controle.',
        body: emergencyAccessRequestSchema,
        response: { 201: emergencyAccessGrantSchema },
      },
      // A refused request is still an attempt at emergency access: audited before the 400 goes out.
      attachValidation: true,
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      if (request.validationError) {
        await recordInvalidEmergencyAccess(ctx, invalidFieldsOf(request.validationError));
        throw request.validationError;
      }
      return reply.status(201).send(await openEmergencyAccess(ctx, request.body));
    },
  );
  app.get(
    '/emergency-access',
    {
      schema: {
        tags: emergencyTags,
        summary: 'Noodtoegang ter controle',
        description: 'Voor de beheerder van de eigen organisatie (of van het platform). Met `Accept: text/csv` als CSV.',
        querystring: emergencyAccessQuerySchema,
        response: { 200: csvOrJson(emergencyAccessPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: listEmergencyAccesses, exportCsv: exportEmergencyAccesses, csvName: 'noodtoegang' }),
  );
  app.post(
    '/emergency-access/:id/review',
    {
      schema: {
        tags: emergencyTags,
        summary: 'Noodtoegang gecontroleerd',
        description: 'De controle achteraf van een noodtoegang: de controleur legt vast of de toegang terecht was.',
        params: uuidParamSchema,
        body: emergencyReviewSchema,
        response: { 200: emergencyAccessSchema },
      },
    },
    async (request) => reviewEmergencyAccess(contextOf(request, deps), request.params.id, request.body),
  );
}

