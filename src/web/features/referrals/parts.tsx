// SPDX-License-Identifier: EUPL-1.2
// Small pieces the consent and referral pages share: badges, a multi-line text field, status text,
// and the Dutch sentence for a refusal.
import type { ChangeEvent, ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '../../components/ui.js';
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

export function TextAreaField({
  id,
  label,
  description,
  error,
  value,
  onValueChange,
  isOptional,
  rows = 3,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange(value: string): void;
  isOptional?: boolean;
  rows?: number;
}) {
  const { m } = useMessages();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      type="text"
      label={
        <FormLabel htmlFor={id}>
          {label}
          {isOptional ? <span className="kr-optional"> {m.shell.optional}</span> : null}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <textarea
          id={id}
          name={id}
          rows={rows}
          value={value}
          className={['utrecht-textarea', 'utrecht-textarea--html-textarea', error ? 'utrecht-textarea--invalid' : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onValueChange(event.target.value)}
        />
      }
    />
  );
}
