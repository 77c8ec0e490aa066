// SPDX-License-Identifier: EUPL-1.2
// Queries of a coalition's agreements, their parties and current documents.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { AGREEMENT_TOPICS, type Agreement, type AgreementOverview } from '../../../contracts/coalition-agreements.js';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { coalitionPartners } from '../coalition-partners/schema.js';
import { organisations } from '../organisations/schema.js';
import { AGREEMENT_TRANSITIONS, isInForce } from './domain/agreement-status.js';
import { coalitionAgreementDocuments, coalitionAgreementParties, coalitionAgreements } from './schema.js';

export type AgreementRow = typeof coalitionAgreements.$inferSelect;

/** A coalition's agreements (not the "no agreement" rows), oldest first, ready for the wire. */
export async function findAgreements(tx: Executor, coalitionId: string, actor: Actor, target: Target, today: string, onlyId?: string): Promise<Agreement[]> {
  const rows = await tx
    .select()
    .from(coalitionAgreements)
    .where(and(eq(coalitionAgreements.coalitionId, coalitionId), isNull(coalitionAgreements.noAgreementReason), onlyId ? eq(coalitionAgreements.id, onlyId) : undefined))
    .orderBy(asc(coalitionAgreements.createdAt), asc(coalitionAgreements.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const parties = await tx
    .select({
      agreementId: coalitionAgreementParties.agreementId,
      partnerId: coalitionAgreementParties.partnerId,
      role: coalitionAgreementParties.role,
      name: sql<string>`coalesce(${organisations.name}, ${coalitionPartners.externalName})`,
    })
    .from(coalitionAgreementParties)
    .innerJoin(coalitionPartners, eq(coalitionPartners.id, coalitionAgreementParties.partnerId))
    .leftJoin(organisations, eq(organisations.id, coalitionPartners.organisationId))
    .where(inArray(coalitionAgreementParties.agreementId, ids))
    .orderBy(sql`lower(coalesce(${organisations.name}, ${coalitionPartners.externalName}))`, coalitionAgreementParties.partnerId);
  const documents = await tx
    .selectDistinctOn([coalitionAgreementDocuments.agreementId], {
      agreementId: coalitionAgreementDocuments.agreementId,
      fileName: coalitionAgreementDocuments.fileName,
      mediaType: coalitionAgreementDocuments.mediaType,
      sizeBytes: coalitionAgreementDocuments.sizeBytes,
      sha256: coalitionAgreementDocuments.sha256,
      uploadedAt: coalitionAgreementDocuments.uploadedAt,
    })
    .from(coalitionAgreementDocuments)
    .where(inArray(coalitionAgreementDocuments.agreementId, ids))
    .orderBy(coalitionAgreementDocuments.agreementId, desc(coalitionAgreementDocuments.uploadedAt), desc(coalitionAgreementDocuments.id));
  const mayEdit = allowedActions(actor, { update: [{ resource: 'coalition', action: 'update', target }] }).length > 0;
  return rows.map((row) => {
    const document = documents.find((candidate) => candidate.agreementId === row.id);
    const status = row.status!;
    return {
      id: row.id,
      topic: row.topic,
      level: row.level!,
      status,
      title: row.title,
      agreedOn: row.agreedOn,
      reviewDue: row.reviewDue,
      isReviewOverdue: isInForce(status) && row.reviewDue !== null && row.reviewDue < today,
      parties: parties.filter((party) => party.agreementId === row.id).map(({ partnerId, name, role }) => ({ partnerId, name, role })),
      document: document
        ? { fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes, sha256: document.sha256, uploadedAt: document.uploadedAt.toISOString() }
        : null,
      version: row.version,
      nextStatuses: [...AGREEMENT_TRANSITIONS[status]],
      allowedActions: mayEdit ? (['update', 'upload'] as const).slice() : [],
    };
  });
}

export async function overviewOf(tx: Executor, coalition: { id: string; code: string; name: string }, actor: Actor, target: Target, today: string): Promise<AgreementOverview> {
  const agreements = await findAgreements(tx, coalition.id, actor, target, today);
  const reasons = await tx
    .select({ topic: coalitionAgreements.topic, reason: coalitionAgreements.noAgreementReason })
    .from(coalitionAgreements)
    .where(and(eq(coalitionAgreements.coalitionId, coalition.id), isNotNull(coalitionAgreements.noAgreementReason)));
  return {
    coalition: { code: coalition.code, name: coalition.name },
    topics: AGREEMENT_TOPICS.map((topic) => ({
      topic,
      agreements: agreements.filter((agreement) => agreement.topic === topic),
      noAgreementReason: reasons.find((row) => row.topic === topic)?.reason ?? null,
    })),
    allowedActions: allowedActions(actor, { create: [{ resource: 'coalition', action: 'update', target }] }),
  };
}

/** Every party must be a partner of this coalition (not of another one): a field error per party otherwise. */
export async function checkParties(tx: Executor, coalitionId: string, parties: readonly { partnerId: string }[]): Promise<void> {
  if (parties.length === 0) return;
  const found = await tx
    .select({ id: coalitionPartners.id })
    .from(coalitionPartners)
    .where(and(eq(coalitionPartners.coalitionId, coalitionId), inArray(coalitionPartners.id, parties.map((party) => party.partnerId))));
  const known = new Set(found.map((row) => row.id));
  const errors = parties.flatMap((party, index) =>
    known.has(party.partnerId) ? [] : [{ path: `parties.${index}.partnerId`, message: 'Deze partij is geen partner van deze coalitie.' }],
  );
  if (errors.length > 0) throw new AppError('agreement_party_not_partner', { errors });
}

export async function replaceParties(tx: Executor, agreementId: string, parties: readonly { partnerId: string; role: string }[]): Promise<void> {
  await tx.delete(coalitionAgreementParties).where(eq(coalitionAgreementParties.agreementId, agreementId));
  if (parties.length > 0) await tx.insert(coalitionAgreementParties).values(parties.map((party) => ({ agreementId, ...party })));
}

/** Recording an agreement on a topic takes away the reason there was none. */
export async function clearNoAgreementReason(tx: Executor, coalitionId: string, topic: AgreementRow['topic']): Promise<void> {
  await tx
    .delete(coalitionAgreements)
    .where(and(eq(coalitionAgreements.coalitionId, coalitionId), eq(coalitionAgreements.topic, topic), isNotNull(coalitionAgreements.noAgreementReason)));
}
