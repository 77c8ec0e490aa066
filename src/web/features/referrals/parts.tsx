// SPDX-License-Identifier: EUPL-1.2
// Small pieces the consent and referral pages share: badges, status text and the Dutch sentence for
// a refusal.
import { ApiError } from '../../api/client.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { serverMessage } from './api.js';
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

/** The server's own sentence when it sent one (the domain's Dutch message), else the catalogue's. */
export function errorText(m: Messages['m'], error: unknown): string {
  if (error instanceof ApiError) return serverMessage(error) ?? m.errors[error.code] ?? m.errors.internal;
  return m.errors.internal;
}
