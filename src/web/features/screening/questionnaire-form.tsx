// SPDX-License-Identifier: EUPL-1.2
// The screening form, built from the instrument (a FHIR R4 Questionnaire): a fieldset per group,
// radio buttons, checkboxes, number, date and text fields; enableWhen shows and hides questions as
// the answers change (the same evaluation the server uses); the draft is saved as you go.
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { RadioButton } from '@utrecht/radio-button-react';
import type { Screening } from '../../../contracts/screening.js';
import { failureOf, type Failure } from '../../api/error-title.js';
import { ApiError } from '../../api/client.js';
import { ErrorSummary, Form, FormButtons } from '../../components/form.js';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { evaluateEnabledItems, validateResponse } from '../../../contracts/screening/questionnaire-response.js';
import { flattenItems, type Questionnaire, type QuestionnaireItem } from '../../../contracts/screening/questionnaire-schema.js';
import { answersOf, codingKey, fieldValuesOf, type FieldValue, type FieldValues } from './answer-values.js';
import { screeningApi } from './api.js';

const AUTOSAVE_DELAY_MS = 800;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; reason: string };

/** The id of the element an error links to: the input, or the first option of a group of options. */
export function inputIdOf(item: QuestionnaireItem): string {
  const base = `q-${item.linkId}`;
  return item.type === 'boolean' || item.type === 'choice' ? `${base}-0` : base;
}

function linkIdOfPath(path: string): string {
  return path.replace(/\[\d+\]$/, '');
}

export function QuestionnaireForm({ screening, questionnaire, onCompleted }: { screening: Screening; questionnaire: Questionnaire; onCompleted(completed: Screening): void }) {
  const { m, format, formatTime } = useMessages();
  const [values, setValues] = useState<FieldValues>(() => fieldValuesOf(questionnaire, screening.answers as never));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const valuesRef = useRef(values);
  const versionRef = useRef(screening.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const isDirty = useRef(false);

  const items = useMemo(() => flattenItems(questionnaire.item), [questionnaire]);
  const labels = useMemo(() => Object.fromEntries(items.map(({ item }) => [item.linkId, item.text ?? item.linkId])), [items]);
  const fieldIds = useMemo(() => Object.fromEntries(items.map(({ item }) => [item.linkId, inputIdOf(item)])), [items]);
  const converted = useMemo(() => answersOf(questionnaire, values), [questionnaire, values]);
  const enabled = useMemo(() => evaluateEnabledItems(questionnaire, converted.answers).enabledLinkIds, [questionnaire, converted]);

  const reasonOf = useCallback((error: unknown) => (error instanceof ApiError ? m.errors[error.code] : error instanceof TypeError ? m.shell.networkError : m.errors.internal), [m]);

  const saveDraft = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      isDirty.current = true;
      return inFlight.current;
    }
    const { answers } = answersOf(questionnaire, valuesRef.current);
    setSaveState({ kind: 'saving' });
    const request = screeningApi.saveAnswers(screening.id, answers, versionRef.current).then(
      (saved) => {
        versionRef.current = saved.version;
        setSaveState({ kind: 'saved', at: saved.updatedAt });
      },
      (error: unknown) => {
        setSaveState({ kind: 'error', reason: reasonOf(error) });
        // Answers the server refuses are shown at their question, without moving focus while typing.
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          setErrors(Object.fromEntries(error.fieldErrors.map((fieldError) => [linkIdOfPath(fieldError.path), fieldError.message])));
        }
      },
    );
    inFlight.current = request;
    await request;
    inFlight.current = null;
    if (isDirty.current) {
      isDirty.current = false;
      await saveDraft();
    }
  }, [questionnaire, screening.id, reasonOf]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const change = (linkId: string, value: FieldValue) => {
    const next = { ...valuesRef.current, [linkId]: value };
    valuesRef.current = next;
    setValues(next);
    if (errors[linkId]) setErrors(({ [linkId]: _fixed, ...rest }) => rest);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
  };

  const fail = (nextErrors: Record<string, string>, message: string | null, cause: Failure | null = null) => {
    setErrors(nextErrors);
    setFormError(message);
    setFailure(cause);
    setFocusKey((key) => key + 1);
  };

  const submit = async () => {
    if (isSubmitting) return;
    const { answers, localErrors } = answersOf(questionnaire, valuesRef.current);
    const clientErrors: Record<string, string> = Object.fromEntries(Object.entries(localErrors).map(([linkId, key]) => [linkId, m.screening[key]]));
    const checked = validateResponse(questionnaire, answers, 'completed');
    if (!checked.isValid) for (const error of checked.errors) clientErrors[linkIdOfPath(error.path)] ??= error.message;
    if (Object.keys(clientErrors).length > 0) return fail(clientErrors, null);
    setIsSubmitting(true);
    try {
      // The completion carries the answers itself: no draft save may run after it.
      if (timer.current) clearTimeout(timer.current);
      isDirty.current = false;
      if (inFlight.current) await inFlight.current;
      const completed = await screeningApi.complete(screening.id, answers, versionRef.current);
      onCompleted(completed);
    } catch (error) {
      const serverErrors =
        error instanceof ApiError ? Object.fromEntries(error.fieldErrors.filter((e) => linkIdOfPath(e.path) in labels).map((e) => [linkIdOfPath(e.path), e.message])) : {};
      fail(serverErrors, reasonOf(error), failureOf(error, Object.keys(serverErrors).length > 0));
      setIsSubmitting(false);
    }
  };

  const visibleErrors = Object.fromEntries(Object.entries(errors).filter(([linkId]) => enabled.has(linkId) || !(linkId in labels)));

  const saveStatus =
    saveState.kind === 'saving'
      ? m.screening.draftSaving
      : saveState.kind === 'saved'
        ? format(m.screening.draftSavedAt, { time: formatTime(saveState.at) })
        : saveState.kind === 'error'
          ? format(m.screening.draftNotSaved, { reason: saveState.reason })
          : '';

  const renderItem = (item: QuestionnaireItem): ReactNode => {
    if (!enabled.has(item.linkId)) return null;
    const error = visibleErrors[item.linkId];
    switch (item.type) {
      case 'group':
        return (
          <Fieldset key={item.linkId} className="kr-question-group">
            <FieldsetLegend className="kr-question-group__legend">{[item.prefix, item.text].filter(Boolean).join(' ')}</FieldsetLegend>
            {(item.item ?? []).map(renderItem)}
          </Fieldset>
        );
      case 'display':
        return <Paragraph key={item.linkId}>{item.text}</Paragraph>;
      case 'boolean':
        return (
          <OptionGroup
            key={item.linkId}
            item={item}
            error={error}
            isMultiple={false}
            options={[
              { key: 'true', label: m.app.yes },
              { key: 'false', label: m.app.no },
            ]}
            selected={values[item.linkId] ?? ''}
            onChange={(value) => change(item.linkId, value)}
          />
        );
      case 'choice':
        return (
          <OptionGroup
            key={item.linkId}
            item={item}
            error={error}
            isMultiple={Boolean(item.repeats)}
            options={(item.answerOption ?? []).map((option) => ({ key: codingKey(option.valueCoding), label: option.valueCoding.display ?? option.valueCoding.code }))}
            selected={values[item.linkId] ?? (item.repeats ? [] : '')}
            onChange={(value) => change(item.linkId, value)}
          />
        );
      default:
        return <InputQuestion key={item.linkId} item={item} error={error} value={String(values[item.linkId] ?? '')} onChange={(value) => change(item.linkId, value)} />;
    }
  };

  return (
    <>
      <ErrorSummary errors={visibleErrors} formError={formError} failure={failure} focusKey={focusKey} fieldIds={fieldIds} labels={labels} />
      <Paragraph>{m.screening.requiredNote}</Paragraph>
      <Paragraph role="status" aria-live="polite" className="kr-autosave">
        {saveStatus}
      </Paragraph>
      <Form label={m.screening.formLabel} onSubmit={(event) => (event.preventDefault(), void submit())}>
        {questionnaire.item.map(renderItem)}
        <FormButtons submitLabel={m.screening.complete} isSubmitting={isSubmitting} />
      </Form>
    </>
  );
}

function QuestionText({ item }: { item: QuestionnaireItem }) {
  const { m } = useMessages();
  return (
    <>
      {[item.prefix, item.text].filter(Boolean).join(' ')}
      {item.required ? <span className="kr-required"> {m.screening.required}</span> : null}
    </>
  );
}

function OptionGroup({
  item,
  error,
  isMultiple,
  options,
  selected,
  onChange,
}: {
  item: QuestionnaireItem;
  error: string | undefined;
  isMultiple: boolean;
  options: { key: string; label: string }[];
  selected: FieldValue;
  onChange(value: FieldValue): void;
}) {
  const base = `q-${item.linkId}`;
  const chosen = Array.isArray(selected) ? selected : selected ? [selected] : [];
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? `${base}-error` : undefined} className="kr-question">
      <FieldsetLegend>
        <QuestionText item={item} />
      </FieldsetLegend>
      {error ? <FormFieldErrorMessage id={`${base}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className="kr-options">
        {options.map((option, index) => {
          const id = `${base}-${index}`;
          const isChecked = chosen.includes(option.key);
          return (
            <FormField key={option.key} type={isMultiple ? 'checkbox' : 'radio'}>
              <div className="utrecht-form-field__input kr-checkbox-row">
                {isMultiple ? (
                  <Checkbox
                    id={id}
                    name={base}
                    checked={isChecked}
                    invalid={Boolean(error)}
                    onChange={(event: ChangeEvent<HTMLInputElement>) =>
                      onChange(event.target.checked ? [...chosen, option.key] : chosen.filter((key) => key !== option.key))
                    }
                  />
                ) : (
                  <RadioButton
                    id={id}
                    name={base}
                    value={option.key}
                    checked={isChecked}
                    required={item.required}
                    invalid={Boolean(error)}
                    onChange={() => onChange(option.key)}
                  />
                )}
                <FormLabel htmlFor={id} type={isMultiple ? 'checkbox' : 'radio'}>
                  {option.label}
                </FormLabel>
              </div>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}

function InputQuestion({ item, error, value, onChange }: { item: QuestionnaireItem; error: string | undefined; value: string; onChange(value: string): void }) {
  const { m } = useMessages();
  const id = `q-${item.linkId}`;
  const hasHint = item.type === 'date';
  const describedBy = [hasHint ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    required: item.required,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  const input =
    item.type === 'text' ? (
      <textarea
        {...common}
        className={['utrecht-textarea', 'utrecht-textarea--html-textarea', error ? 'utrecht-textarea--invalid' : ''].filter(Boolean).join(' ')}
        rows={4}
        maxLength={item.maxLength}
        onChange={(event) => onChange(event.target.value)}
      />
    ) : (
      <Textbox
        {...common}
        invalid={Boolean(error)}
        type={item.type === 'integer' || item.type === 'decimal' ? 'number' : 'text'}
        step={item.type === 'decimal' ? 'any' : item.type === 'integer' ? 1 : undefined}
        inputMode={item.type === 'integer' ? 'numeric' : item.type === 'decimal' ? 'decimal' : undefined}
        autoComplete="off"
        maxLength={item.type === 'string' ? item.maxLength : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    );
  return (
    <FormField
      invalid={Boolean(error)}
      type="text"
      className="kr-question"
      label={
        <FormLabel htmlFor={id}>
          <QuestionText item={item} />
        </FormLabel>
      }
      description={hasHint ? <FormFieldDescription id={`${id}-description`}>{m.screening.dateHint}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined}
      input={input}
    />
  );
}
