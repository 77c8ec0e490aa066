// SPDX-License-Identifier: EUPL-1.2
// The consent and referral API as the pages use it (types only from the contracts: no zod in the bundle).
import { ApiError, CSV_MEDIA_TYPE, apiBlob, apiJson, type Query } from '../../api/client.js';
import type {
  Consent,
  ConsentCreate,
  ConsentWithdrawalNotice,
  ConsentWithdrawal,
  OverdueReferral,
  Referral,
  ReferralCreate,
  ReferralForward,
  ReferralListItem,
  ReferralTransition,
} from '../../../contracts/referrals.js';
import type { Screening, ScreeningSummary } from '../../../contracts/screening.js';

export type { Consent, ConsentCreate, ConsentWithdrawalNotice, ConsentWithdrawal, OverdueReferral, Referral, ReferralCreate, ReferralForward, ReferralListItem, ReferralTransition };

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const family = (familyId: string) => `/families/${encodeURIComponent(familyId)}`;
const referral = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export const referralApi = {
  consents: (familyId: string) => apiJson<Consent[]>('GET', `${family(familyId)}/consents`),
  recordConsent: (familyId: string, body: ConsentCreate) => apiJson<Consent>('POST', `${family(familyId)}/consents`, { body }),
  withdrawConsent: (id: string) => apiJson<ConsentWithdrawal>('POST', `/consents/${encodeURIComponent(id)}/withdrawal`, { body: {} }),
  familyReferrals: (familyId: string) => apiJson<ReferralListItem[]>('GET', `${family(familyId)}/referrals`),
  send: (body: ReferralCreate) => apiJson<Referral>('POST', '/referrals', { body }),
  list: (query: Query) => apiJson<PageOf<ReferralListItem>>('GET', '/referrals', { query }),
  exportCsv: (query: Query) => apiBlob('/referrals', { query, accept: CSV_MEDIA_TYPE }),
  get: (id: string) => apiJson<Referral>('GET', referral(id)),
  transition: (id: string, body: ReferralTransition) => apiJson<Referral>('POST', `${referral(id)}/transitions`, { body }),
  forward: (id: string, body: ReferralForward) => apiJson<{ closed: Referral; forwarded: Referral }>('POST', `${referral(id)}/forward`, { body }),
  consentWithdrawalNotices: () => apiJson<{ items: ConsentWithdrawalNotice[] }>('GET', '/referral-notices/consent-withdrawals'),
  overdue: (query: Query) => apiJson<PageOf<OverdueReferral>>('GET', '/referral-overview/overdue', { query }),
  screening: (id: string) => apiJson<Screening>('GET', `/screenings/${encodeURIComponent(id)}`),
  /** The family's latest completed screening (its risk factors go with the referral), or null. */
  async latestScreening(familyId: string): Promise<Screening | null> {
    const list = await apiJson<{ items: ScreeningSummary[] }>('GET', `${family(familyId)}/screenings`);
    const latest = list.items
      .filter((item) => item.status === 'completed' && item.completedAt)
      .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0];
    return latest ? apiJson<Screening>('GET', `/screenings/${encodeURIComponent(latest.id)}`) : null;
  },
};

/** The server's own Dutch sentence for a refusal (the domain's message), when it sent one. */
export function serverMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.fieldErrors.find((fieldError) => fieldError.message)?.message ?? null;
}

/** A fresh idempotency key: made once per form, so submitting the same form twice sends one referral. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
