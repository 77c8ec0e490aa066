// SPDX-License-Identifier: EUPL-1.2
// The coordinator invites someone to answer a round: a person with an account (they find it under
// "Mijn zelfanalyses"), or someone without one by name and e-mail, who gets a personal link. The
// link's token is random, stored only as its hash, shown once to copy, and works until the round
// closes. Either way the invitation is mailed (issue 16): queued in this transaction, sent later by
// the mail worker, so a mail server that is down never fails the invitation; one mail per respondent.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { AppError } from '../../platform/errors.js';
import { memberships, organisationMunicipalities, organisations, people } from '../organisations/schema.js';
import type { InviteRespondentRequest, InviteResult } from '../../../contracts/coalition-analysis.js';
import type { PreferredLanguage } from '../../../contracts/notifications.js';
import { analysisRespondents } from './schema.js';
import { locateRound } from './round-target.js';
import { requireCoalition, type RoundRow, type UseCaseContext } from './store.js';
import type { Executor } from '../../platform/db/connection.js';

/** The invitation mail: nothing but the link (a person's own invitation behind login, or the personal link); in the person's language, Dutch for someone without an account. */
async function mailInvitation(tx: Executor, respondent: { id: string; email: string; personId: string | null; linkPath: string; locale?: PreferredLanguage }, now: Date): Promise<void> {
  await enqueueMail(
    tx,
    {
      template: 'analysisInvitation',
      toAddress: respondent.email,
      toPersonId: respondent.personId,
      linkPath: respondent.linkPath,
      locale: respondent.locale ?? 'nl',
      dedupeKey: `analysis-invitation:${respondent.id}`,
    },
    now,
  );
}

/** The organisation a person answers for: one serving a member municipality of the coalition if any, else their first. */
async function organisationOf(tx: Executor, personId: string, municipalityCodes: readonly string[]): Promise<string | null> {
  const rows = await tx
    .select({ organisationId: memberships.organisationId, municipalityCode: organisationMunicipalities.municipalityCode })
    .from(memberships)
    .innerJoin(organisations, and(eq(organisations.id, memberships.organisationId), eq(organisations.isActive, true)))
    .leftJoin(organisationMunicipalities, eq(organisationMunicipalities.organisationId, memberships.organisationId))
    .where(and(eq(memberships.personId, personId), eq(memberships.isActive, true)))
    .orderBy(asc(organisations.name));
  const serving = rows.find((row) => row.municipalityCode !== null && municipalityCodes.includes(row.municipalityCode));
  return (serving ?? rows[0])?.organisationId ?? null;
}

export async function inviteRespondent(
  ctx: UseCaseContext,
  code: string,
  roundId: string,
  request: InviteRespondentRequest,
): Promise<{ result: InviteResult; isNew: boolean }> {
  const coalition = await requireCoalition(ctx.db, code);
  const found: { round?: RoundRow } = {};
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'update',
    objectId: roundId,
    locate: locateRound(coalition, roundId, found),
    perform: async (tx) => {
      if (found.round!.status !== 'open') throw new AppError('analysis_round_closed');
      const now = ctx.now();
      if ('personId' in request) {
        const [person] = await tx.select({ id: people.id, name: people.name, email: people.email, language: people.preferredLanguage }).from(people).where(and(eq(people.id, request.personId), eq(people.isActive, true)));
        if (!person) throw new AppError('validation_failed', { errors: [{ path: 'body.personId', message: 'Deze persoon bestaat niet of is niet actief.' }] });
        const [existing] = await tx
          .select({ id: analysisRespondents.id, name: analysisRespondents.name })
          .from(analysisRespondents)
          .where(and(eq(analysisRespondents.roundId, roundId), eq(analysisRespondents.personId, person.id)));
        // The same person twice: the one invitation they already have (a repeated submit changes nothing).
        if (existing) return { result: { id: existing.id, name: existing.name, link: null }, isNew: false };
        const [row] = await tx
          .insert(analysisRespondents)
          .values({
            roundId,
            personId: person.id,
            name: person.name,
            organisationId: await organisationOf(tx, person.id, coalition.municipalityCodes),
            invitedAt: now,
            invitedBy: ctx.actor.personId,
          })
          .returning({ id: analysisRespondents.id });
        await mailInvitation(tx, { id: row!.id, email: person.email, personId: person.id, linkPath: `/zelfanalyse/uitnodigingen/${row!.id}`, locale: person.language }, now);
        return { result: { id: row!.id, name: person.name, link: null }, isNew: true };
      }
      const [taken] = await tx
        .select({ id: analysisRespondents.id })
        .from(analysisRespondents)
        .where(and(eq(analysisRespondents.roundId, roundId), inArray(analysisRespondents.email, [request.email])));
      // The link is shown once and stored only hashed: a second invitation cannot show it again.
      if (taken) throw new AppError('analysis_already_invited');
      const token = newToken();
      const [row] = await tx
        .insert(analysisRespondents)
        .values({ roundId, name: request.name, email: request.email, tokenHash: hashToken(token), invitedAt: now, invitedBy: ctx.actor.personId })
        .returning({ id: analysisRespondents.id });
      await mailInvitation(tx, { id: row!.id, email: request.email, personId: null, linkPath: `/zelfanalyse/${token}` }, now);
      return { result: { id: row!.id, name: request.name, link: `${ctx.publicUrl}/zelfanalyse/${token}` }, isNew: true };
    },
    // Which kind of invitation, never the name or address.
    details: (outcome) => ({ change: 'invite', respondentId: outcome.result.id, kind: 'personId' in request ? 'account' : 'link', isNew: outcome.isNew }),
  });
}
