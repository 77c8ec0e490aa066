// SPDX-License-Identifier: EUPL-1.2
// Parts the parents' pages share: the phase as it appears in the address (?fase=), the radio group to
// choose from a list, and the plain error summary in the page's language that takes focus.
import { useEffect, useRef, type ChangeEvent } from 'react';
import { RadioButton } from '@utrecht/radio-button-react';
import { PARENT_PHASES, type ParentPhase } from '../../../contracts/parents-public.js';
import { Alert, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Heading } from '../../components/ui.js';
import { useParentsLanguage } from './parents-language.js';

export const PHASE_PARAM = 'fase';

export function phaseFrom(params: URLSearchParams): ParentPhase {
  const asked = params.get(PHASE_PARAM);
  return (PARENT_PHASES as readonly string[]).includes(asked ?? '') ? (asked as ParentPhase) : 'zwanger';
}

export function RadioGroup<Value extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: { value: Value; label: string; lang?: string | undefined; dir?: 'rtl' | 'ltr' | undefined }[];
  value: NoInfer<Value> | '';
  onChange(value: NoInfer<Value>): void;
  error?: string | undefined;
}) {
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      {options.map((option) => (
        <FormField key={option.value} type="radio">
          <div className="utrecht-form-field__input kr-checkbox-row">
            <RadioButton
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={(event: ChangeEvent<HTMLInputElement>) => event.target.checked && onChange(option.value)}
            />
            <FormLabel htmlFor={`${id}-${option.value}`} type="radio" lang={option.lang} dir={option.dir}>
              {option.label}
            </FormLabel>
          </div>
        </FormField>
      ))}
    </Fieldset>
  );
}

/** What went wrong, each linked to its field; takes focus whenever `focusKey` grows. */
export function ParentsErrorSummary({ errors, fieldIds, focusKey, general }: { errors: Record<string, string>; fieldIds: Record<string, string>; focusKey: number; general?: string | null }) {
  const { t } = useParentsLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  const entries = Object.entries(errors);
  if (entries.length === 0 && !general) return null;
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="kr-error-summary">
      <Heading level={2} appearance="utrecht-heading-3">
        {general ?? t.errorSummary}
      </Heading>
      {entries.length > 0 ? (
        <ul className="kr-error-summary__list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${fieldIds[field] ?? field}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(fieldIds[field] ?? field);
                  (target?.matches('fieldset') ? target.querySelector<HTMLElement>('input') : target)?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
