// SPDX-License-Identifier: EUPL-1.2
// Attaches a document to an agreement (ADR 0014): what it is is decided by its content (magic bytes),
// and must be what was declared; the name is sanitised; it is stored in PostgreSQL with its SHA-256,
// every upload kept (the newest is the agreement's document). The size limit is enforced before the
// body is read (routes.ts: the parser's bodyLimit).
import { createHash } from 'node:crypto';
import { DOCUMENT_MAX_BYTES, DOCUMENT_MEDIA_TYPES, type DocumentInfo } from '../../../contracts/coalition-agreements.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { CoalitionRef } from '../coalitions/coalition-target.js';
import type { UseCaseContext } from '../coalition-partners/store.js';
import { detectDocumentKind, sanitiseFileName } from './domain/document-type.js';
import { coalitionAgreementDocuments } from './schema.js';
import { locateAgreement } from './update-agreement.js';
import type { AgreementRow } from './store.js';

export async function uploadDocument(
  ctx: UseCaseContext,
  code: string,
  id: string,
  upload: { content: Buffer; declaredType: string; fileName: string },
): Promise<DocumentInfo> {
  const located: { ref?: CoalitionRef; row?: AgreementRow } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: id,
    objectType: 'agreement_document',
    locate: (tx) => locateAgreement(tx, code, id, located),
    perform: async (tx) => {
      const { content } = upload;
      if (content.length === 0) throw new AppError('validation_failed', { errors: [{ path: 'body', message: nl.coalitionAgreements.fileEmpty }] });
      if (content.length > DOCUMENT_MAX_BYTES) throw new AppError('document_too_large');
      const kind = detectDocumentKind(content);
      // The content decides; the declared type (and so the name's extension) must agree with it.
      if (!kind || DOCUMENT_MEDIA_TYPES[kind] !== upload.declaredType) throw new AppError('document_type_not_allowed');
      const [row] = await tx
        .insert(coalitionAgreementDocuments)
        .values({
          agreementId: id,
          fileName: sanitiseFileName(upload.fileName, kind),
          mediaType: DOCUMENT_MEDIA_TYPES[kind],
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedAt: ctx.now(),
          uploadedBy: ctx.store.actor.personId,
        })
        .returning();
      return { fileName: row!.fileName, mediaType: row!.mediaType, sizeBytes: row!.sizeBytes, sha256: row!.sha256, uploadedAt: row!.uploadedAt.toISOString() };
    },
    details: (info) => ({ change: 'upload', mediaType: info.mediaType, sizeBytes: info.sizeBytes, sha256: info.sha256 }),
  });
}
