// SPDX-License-Identifier: EUPL-1.2
// Form state shared by every form: client checks, server field errors at the field, and an error
// summary that receives focus when submitting fails (WCAG 3.3.1 / 3.3.3).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { errorTitle, failureOf, type Failure } from '../api/error-title.js';
import type { ErrorCode } from '../../contracts/errors.js';
import { useMessages } from '../i18n/messages.js';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from './ui.js';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export interface FormState<Field extends string> {
  errors: FieldErrors<Field>;
  formError: string | null;
  isSubmitting: boolean;
  /** For <form onSubmit>: runs the check, then the action, and shows whatever went wrong. */
  submitWith(check: () => FieldErrors<Field>, action: () => Promise<void>): (event?: FormEvent) => Promise<void>;
  /** Spread on <ErrorSummary>. */
  summary: { errors: FieldErrors<Field>; formError: string | null; failure?: Failure | null; focusKey: number; fieldIds: Record<Field, string> };
  clear(): void;
}

/**
 * @param fieldIds maps each field to the id of its input, so the summary links to it; server paths
 *   (`body.email`, `memberships.0.roles`) are matched on their longest prefix (after `body`) that is a field of the form.
 */
export function useForm<Field extends string>(
  fieldIds: Record<Field, string>,
  options: { fieldForCode?: Partial<Record<ErrorCode, NoInfer<Field>>> } = {},
): FormState<Field> {
  const { m } = useMessages();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // What went wrong, for the summary's title (a refusal is not "check the form").
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  const fail = (nextErrors: FieldErrors<Field>, message: string | null, cause: Failure | null = null) => {
    setErrors(nextErrors);
    setFormError(message);
    setFailure(cause);
    setFocusKey((key) => key + 1);
  };

  const submitWith: FormState<Field>['submitWith'] = (check, action) => async (event) => {
    event?.preventDefault();
    if (isSubmitting) return;
    const clientErrors = check();
    if (Object.keys(clientErrors).length > 0) return fail(clientErrors, null);
    setIsSubmitting(true);
    try {
      await action();
      setErrors({});
      setFormError(null);
    } catch (error) {
      if (!(error instanceof ApiError)) return fail({}, error instanceof TypeError ? m.shell.networkError : m.errors.internal, failureOf(error, false));
      // The session has ended: the client is already on its way to the login page.
      if (error.code === 'session_expired' || error.code === 'unauthenticated') return;
      const serverErrors: FieldErrors<Field> = {};
      for (const fieldError of error.fieldErrors) {
        const segments = fieldError.path.split('.').filter((segment) => segment !== 'body');
        // The most specific field the form knows: 'client.bsn' before 'client'.
        const field = segments
          .map((_segment, index) => segments.slice(0, segments.length - index).join('.'))
          .find((candidate) => candidate in fieldIds) as Field | undefined;
        if (field && field in fieldIds && !serverErrors[field]) serverErrors[field] = fieldError.message;
      }
      const message = m.errors[error.code] ?? m.errors.internal;
      // Some refusals are about one field (a wrong code, a weak password): say so at that field too.
      const codeField = options.fieldForCode?.[error.code];
      if (codeField && !serverErrors[codeField]) serverErrors[codeField] = message;
      fail(serverErrors, codeField ? null : message, failureOf(error, Object.keys(serverErrors).length > 0));
    } finally {
      setIsSubmitting(false);
    }
  };

  return {
    errors,
    formError,
    isSubmitting,
    submitWith,
    summary: { errors, formError, failure, focusKey, fieldIds },
    clear: () => {
      setErrors({});
      setFormError(null);
      setFailure(null);
    },
  };
}

/** Lists what went wrong, links each item to its field, and takes focus after a failed submit. */
export function ErrorSummary<Field extends string>({
  errors,
  formError,
  failure,
  focusKey,
  fieldIds,
  labels,
}: FormState<Field>['summary'] & { labels: Partial<Record<Field, string>> }) {
  const { m, format } = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  const fieldErrors = (Object.entries(errors) as [Field, string | undefined][]).filter(([, message]) => Boolean(message));
  if (fieldErrors.length === 0 && !formError) return null;
  const count = fieldErrors.length;
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="kr-error-summary">
      <Heading level={2} id="error-summary-title" appearance="utrecht-heading-3">
        {count > 0 || !failure ? m.shell.errorSummaryTitle : errorTitle(m, failure)}
      </Heading>
      {formError ? <Paragraph>{formError}</Paragraph> : null}
      {count > 0 ? (
        <>
          <Paragraph>{count === 1 ? m.shell.errorSummaryOne : format(m.shell.errorSummaryMany, { count })}</Paragraph>
          <ul className="kr-error-summary__list">
            {fieldErrors.map(([field, message]) => (
              <li key={field}>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#${fieldIds[field]}`}
                  onClick={(event) => {
                    // Move focus to the field itself; the router would ignore a bare hash change.
                    event.preventDefault();
                    document.getElementById(fieldIds[field])?.focus();
                  }}
                >
                  {labels[field] ? `${labels[field]}: ` : ''}
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}

/** A <form> that leaves checking to our own code and messages (no browser bubbles). */
export function Form({ onSubmit, children, label }: { onSubmit: (event: FormEvent) => void; children: ReactNode; label?: string }) {
  return (
    <form noValidate onSubmit={onSubmit} aria-label={label} className="kr-form">
      {children}
    </form>
  );
}

/** The buttons under a form: its one primary submit button (busy while submitting) first, then any others. */
export function FormButtons({ submitLabel, isSubmitting, children }: { submitLabel: ReactNode; isSubmitting: boolean; children?: ReactNode }) {
  return (
    <ButtonGroup>
      <Button type="submit" variant="primary" busy={isSubmitting}>
        {submitLabel}
      </Button>
      {children}
    </ButtonGroup>
  );
}
