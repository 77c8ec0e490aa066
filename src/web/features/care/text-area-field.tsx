// SPDX-License-Identifier: EUPL-1.2
// Free text over several lines (findings, a reason, a judgement) with label, description and inline
// error, styled as the Utrecht textarea.
import type { ChangeEvent, ReactNode } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

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
