// SPDX-License-Identifier: EUPL-1.2
// The agreements API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson } from '../../api/client.js';
import type {
  Agreement,
  AgreementCreate,
  AgreementLevel,
  AgreementOverview,
  AgreementStatus,
  AgreementTopic,
  AgreementUpdate,
  DocumentInfo,
  ToReviewItem,
  ToReviewList,
} from '../../../contracts/coalition-agreements.js';

export type { Agreement, AgreementLevel, AgreementOverview, AgreementStatus, AgreementTopic, DocumentInfo, ToReviewItem, ToReviewList };

const coalition = (code: string) => `/coalitions/${encodeURIComponent(code)}`;

/** The media type of a chosen file by its extension (the browser often leaves it empty); the server checks the content. */
const MEDIA_TYPE_OF: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export function mediaTypeOf(file: File): string {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return MEDIA_TYPE_OF[extension] ?? (file.type || 'application/octet-stream');
}

export const agreementApi = {
  overview: (code: string) => apiJson<AgreementOverview>('GET', `${coalition(code)}/agreements`),
  create: (code: string, body: AgreementCreate) => apiJson<Agreement>('POST', `${coalition(code)}/agreements`, { body }),
  update: (code: string, id: string, body: AgreementUpdate) => apiJson<Agreement>('PUT', `${coalition(code)}/agreements/${encodeURIComponent(id)}`, { body }),
  setReason: (code: string, topic: AgreementTopic, reason: string | null) =>
    apiJson<AgreementOverview>('PUT', `${coalition(code)}/agreement-topics/${topic}/no-agreement-reason`, { body: { reason } }),
  upload: async (code: string, id: string, file: File) =>
    apiJson<DocumentInfo>('PUT', `${coalition(code)}/agreements/${encodeURIComponent(id)}/document`, {
      query: { fileName: file.name },
      rawBody: { contentType: mediaTypeOf(file), data: new Uint8Array(await file.arrayBuffer()) },
    }),
  documentUrl: (code: string, id: string) => `/api/v1${coalition(code)}/agreements/${encodeURIComponent(id)}/document`,
  toReview: (scope?: 'mine' | 'all') => apiJson<ToReviewList>('GET', '/coalition-agreements/to-review', { query: { scope } }),
  toReviewCsv: (scope?: 'mine' | 'all') => apiBlob('/coalition-agreements/to-review', { query: { scope }, accept: CSV_MEDIA_TYPE }),
};
