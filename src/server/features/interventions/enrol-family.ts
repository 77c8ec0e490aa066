// SPDX-License-Identifier: EUPL-1.2
// Enrols a family in an intervention of the menukaart, offered by an (active) organisation, from a start date.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Enrolment, enrolmentCreateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows } from '../../platform/db/connection.js';
import { unwrap } from '../../platform/domain/result.js';
import { actOnFamily } from '../families/care-access.js';
import { invalid, requireNearDate } from '../jgz/care-records.js';
import { changeEnrolment, enrol } from './domain/catalogue.js';
import { enrolments } from './schema.js';
import { findEnrolment } from './enrolment-store.js';

export async function enrolFamily(ctx: RequestContext, familyId: string, input: z.infer<typeof enrolmentCreateSchema>): Promise<Enrolment> {
  const state = unwrap(changeEnrolment(unwrap(enrol(input.interventionKey, input.startedOn)), { type: 'start', on: input.startedOn }));
  requireNearDate(input.startedOn, amsterdamDate(ctx.now()), 'startedOn', 'De startdatum');
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'enrolment',
    perform: async (tx) => {
      const [organisation] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM organisations WHERE id = ${input.organisationId}::uuid AND is_active`);
      if (!organisation) invalid('organisationId', 'Kies een bestaande, actieve organisatie als aanbieder.');
      const [row] = await tx
        .insert(enrolments)
        .values({
          familyId,
          interventionKey: input.interventionKey,
          organisationId: input.organisationId,
          enrolledById: ctx.actor.personId,
          startedOn: state.status === 'started' ? state.startedOn : input.startedOn,
          status: 'active',
        })
        .returning({ id: enrolments.id });
      return (await findEnrolment(tx, row!.id))!;
    },
    details: (enrolment) => ({ enrolmentId: enrolment.id, interventionKey: enrolment.interventionKey }),
  });
}
