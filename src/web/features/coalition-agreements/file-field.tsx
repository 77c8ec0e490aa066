// SPDX-License-Identifier: EUPL-1.2
// A file chooser with label, description and inline error, like the other fields (fields.tsx).
import type { ChangeEvent } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '../../components/ui.js';
import { OptionalMarker } from '../../components/fields.js';

export function FileField({
  id,
  label,
  description,
  error,
  accept,
  onFileChange,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string | undefined;
  accept: string;
  onFileChange(file: File | null): void;
}) {
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      type="text"
      label={
        <FormLabel htmlFor={id}>
          {label}
          <OptionalMarker />
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <input
          id={id}
          name={id}
          type="file"
          className="kr-file-input"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onFileChange(event.target.files?.[0] ?? null)}
        />
      }
    />
  );
}
