// SPDX-License-Identifier: EUPL-1.2
// The register's status of Kansrijke Start for the coalition's current member municipalities in a
// year (seed 003 "Coalities": formed / in development / none / not answered), source 'register'.
// A municipality's submitted yearly questionnaire overrides it and is never overwritten here.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { Coalition, statusSetSchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, fill, loadCoalition, setRegisterStatuses, type UseCaseContext } from './register-store.js';

export async function setStatuses(
  ctx: UseCaseContext,
  code: string,
  year: number,
  input: z.infer<typeof statusSetSchema>,
): Promise<{ coalition: Coalition; set: string[]; kept: string[] }> {
  return changeCoalition(
    ctx,
    code,
    'statuses_set',
    async (tx, ref) => {
      const codes = input.municipalityCodes ? [...new Set(input.municipalityCodes)] : ref.municipalityCodes;
      const errors = codes.flatMap((municipalityCode, index) =>
        ref.municipalityCodes.includes(municipalityCode)
          ? []
          : [{ path: `body.municipalityCodes.${index}`, message: fill(nl.coalitions.statusNotMember, { code: municipalityCode }) }],
      );
      if (errors.length > 0) throw new AppError('validation_failed', { errors });
      if (codes.length === 0) {
        const message = nl.coalitions.noMembers;
        throw new AppError('validation_failed', { message, errors: [{ path: 'body', message }] });
      }
      const outcome = await setRegisterStatuses(tx, codes, year, input.status, ctx.store.actor.personId, ctx.now());
      const coalition = await loadCoalition(tx, ref.id, { year, today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
      return { coalition, ...outcome };
    },
    { details: (result) => ({ year, status: input.status, municipalityCount: result.set.length, keptFromQuestionnaire: result.kept.length }) },
  );
}
