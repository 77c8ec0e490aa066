// SPDX-License-Identifier: EUPL-1.2
// Form fields with label, description and inline error, tied together with aria-describedby.
//
// One convention for optional fields: in a form that records data, a field the user may leave empty
// says so after its label, "(niet verplicht)" (isOptional); required fields carry no mark. The mark
// comes only from here (OptionalMarker), never from a label text in the catalogue. A search or filter
// form (FilterBar) has no required fields at all, so its fields carry no mark.
import { createContext, forwardRef, useContext, type ChangeEvent, type ReactNode } from 'react';
import { useMessages } from '../i18n/messages.js';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from './ui.js';

interface FieldFrame {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
}

/** The language of what is typed, when it is not the page's (an Arabic text: right to left). */
interface InputLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** False inside a search or filter form, where every field is optional and none is marked. */
export const OptionalMarkContext = createContext(true);

/** " (niet verplicht)" after the label or legend of an optional field. */
export function OptionalMarker() {
  const { m } = useMessages();
  const isMarked = useContext(OptionalMarkContext);
  return isMarked ? <span className="kr-optional"> {m.shell.optional}</span> : null;
}

function FieldLabel({ id, label, isOptional }: { id: string; label: ReactNode; isOptional?: boolean | undefined }) {
  return (
    <FormLabel htmlFor={id}>
      {label}
      {isOptional ? <OptionalMarker /> : null}
    </FormLabel>
  );
}

/** Label, description and inline error around one input (which points to them with describedBy). */
function LabelledField({ id, label, description, error, isOptional, input }: FieldFrame & { input: ReactNode }) {
  return (
    <FormField
      invalid={Boolean(error)}
      type="text"
      label={<FieldLabel id={id} label={label} isOptional={isOptional} />}
      description={description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={input}
    />
  );
}

export interface TextFieldProps extends FieldFrame, InputLanguage {
  value: string;
  onValueChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'search';
  isRequired?: boolean;
  spellCheck?: boolean;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { value, onValueChange, type = 'text', autoComplete, inputMode, isRequired, spellCheck, lang, dir, ...frame },
  ref,
) {
  const { id, description, error } = frame;
  return (
    <LabelledField
      {...frame}
      input={
        <Textbox
          ref={ref}
          id={id}
          name={id}
          type={type}
          value={value}
          invalid={Boolean(error)}
          required={isRequired}
          aria-describedby={describedBy(id, description, error)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={spellCheck}
          lang={lang}
          dir={dir}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onValueChange(event.target.value)}
        />
      }
    />
  );
});

export interface SelectFieldProps extends FieldFrame {
  value: string;
  onValueChange(value: string): void;
  options: { value: string; label: string }[];
  /** Label of an empty first option ("Alle"), when choosing nothing is allowed. */
  emptyOption?: string;
}

export function SelectField({ value, onValueChange, options, emptyOption, ...frame }: SelectFieldProps) {
  const { id, description, error } = frame;
  return (
    <LabelledField
      {...frame}
      input={
        <Select
          id={id}
          name={id}
          value={value}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onValueChange(event.target.value)}
        >
          {emptyOption !== undefined ? <SelectOption value="">{emptyOption}</SelectOption> : null}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

export function CheckboxField({ id, label, checked, onCheckedChange }: { id: string; label: ReactNode; checked: boolean; onCheckedChange(checked: boolean): void }) {
  return (
    <FormField type="checkbox">
      <div className="utrecht-form-field__input kr-checkbox-row">
        <Checkbox id={id} name={id} checked={checked} onChange={(event: ChangeEvent<HTMLInputElement>) => onCheckedChange(event.target.checked)} />
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}

export interface CheckboxGroupProps {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onSelectedChange(selected: string[]): void;
  /** Long lists (municipalities) scroll inside a box. */
  isScrollable?: boolean;
}

/** A set of checkboxes in a fieldset with a legend (roles, municipalities). */
export function CheckboxGroup({ id, legend, description, error, options, selected, onSelectedChange, isScrollable }: CheckboxGroupProps) {
  const toggle = (value: string, isChecked: boolean) =>
    onSelectedChange(isChecked ? [...selected, value] : selected.filter((candidate) => candidate !== value));
  return (
    <Fieldset id={id} invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className={isScrollable ? 'kr-checkbox-list kr-checkbox-list--scroll' : 'kr-checkbox-list'}>
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            id={`${id}-${option.value}`}
            label={option.label}
            checked={selected.includes(option.value)}
            onCheckedChange={(isChecked) => toggle(option.value, isChecked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

export interface TextAreaFieldProps extends FieldFrame, InputLanguage {
  value: string;
  onValueChange(value: string): void;
  rows?: number;
}

/** Free text over several lines (a reason, findings), with the same label, description and error frame. */
export function TextAreaField({ value, onValueChange, rows = 4, lang, dir, ...frame }: TextAreaFieldProps) {
  const { id, description, error } = frame;
  return (
    <LabelledField
      {...frame}
      input={
        <textarea
          id={id}
          name={id}
          rows={rows}
          value={value}
          lang={lang}
          dir={dir}
          className={['utrecht-textarea', 'utrecht-textarea--html-textarea', error ? 'utrecht-textarea--invalid' : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onValueChange(event.target.value)}
        />
      }
    />
  );
}
