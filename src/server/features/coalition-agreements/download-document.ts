// SPDX-License-Identifier: EUPL-1.2
// The agreement's current document, for everyone who reads the coalition (audited as a read).
import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { CoalitionRef } from '../coalitions/coalition-target.js';
import type { UseCaseContext } from '../coalition-partners/store.js';
import { coalitionAgreementDocuments } from './schema.js';
import { locateAgreement } from './update-agreement.js';
import type { AgreementRow } from './store.js';

export async function downloadDocument(ctx: UseCaseContext, code: string, id: string): Promise<{ fileName: string; mediaType: string; sha256: string; content: Buffer }> {
  const located: { ref?: CoalitionRef; row?: AgreementRow } = {};
  const document = await ctx.store.act({
    resource: 'coalition',
    action: 'read',
    objectId: id,
    objectType: 'agreement_document',
    locate: (tx) => locateAgreement(tx, code, id, located),
    perform: async (tx) => {
      const [row] = await tx
        .select()
        .from(coalitionAgreementDocuments)
        .where(eq(coalitionAgreementDocuments.agreementId, id))
        .orderBy(desc(coalitionAgreementDocuments.uploadedAt), desc(coalitionAgreementDocuments.id))
        .limit(1);
      return row ?? null;
    },
    details: (row) => (row ? { sha256: row.sha256 } : { missing: true }),
  });
  if (!document) throw new AppError('not_found');
  return document;
}
