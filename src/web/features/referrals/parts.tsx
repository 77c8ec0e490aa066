// SPDX-License-Identifier: EUPL-1.2
// Small pieces the consent and referral pages share: badges, status text (and the status column of
// the referral lists), and the Dutch sentence for a refusal.
import { ApiError } from '../../api/client.js';
import type { Column } from '../../components/data-table.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { serverMessage, type ReferralListItem } from './api.js';
import './referrals.css';

export function OverdueBadge() {
  const { m } = useMessages();
  return <span className="kr-badge kr-badge--overdue">{m.referrals.overdueBadge}</span>;
}

export function FlaggedBadge() {
  const { m } = useMessages();
  return <span className="kr-badge kr-badge--flagged">{m.referrals.flaggedBadge}</span>;
}

/** Status in words, with the outcome when closed. */
export function statusText(m: Messages['m'], status: keyof Messages['m']['referralStatuses'], outcome: string | null): string {
  const label = m.referralStatuses[status];
  const outcomeLabel = outcome ? m.referralOutcomes[outcome as keyof Messages['m']['referralOutcomes']] : null;
  return outcomeLabel ? `${label}: ${outcomeLabel}` : label;
}

/** The status column of a referral list: status in words with the overdue and review badges; plain text in the CSV. */
export function statusColumn(m: Messages['m']): Column<ReferralListItem> {
  return {
    key: 'status',
    header: m.referrals.columnStatus,
    cell: (row) => (
      <>
        {statusText(m, row.status, row.outcome)}
        {row.isOverdue ? <OverdueBadge /> : null}
        {row.isFlaggedForReview ? <FlaggedBadge /> : null}
      </>
    ),
    csv: (row) => statusText(m, row.status, row.outcome),
  };
}

/** The server's own sentence when it sent one (the domain's Dutch message), else the catalogue's. */
export function errorText(m: Messages['m'], error: unknown): string {
  if (error instanceof ApiError) return serverMessage(error) ?? m.errors[error.code] ?? m.errors.internal;
  return m.errors.internal;
}
