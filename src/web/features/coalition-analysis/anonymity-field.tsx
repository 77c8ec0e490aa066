// SPDX-License-Identifier: EUPL-1.2
// The choice of how a round's answers are shown: named, per partner organisation, or anonymous.
import type { ChangeEvent } from 'react';
import { RadioButton } from '@utrecht/radio-button-react';
import { ANONYMITY_MODES, type AnonymityMode } from '../../../contracts/coalition-analysis.js';
import { Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { anonymityHint, anonymityLabel } from './labels.js';

export function AnonymityField({ value, onChange, error }: { value: AnonymityMode | ''; onChange(mode: AnonymityMode): void; error: string | undefined }) {
  const { m } = useMessages();
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? 'anonymity-error' : undefined} id="anonymity">
      <FieldsetLegend>{m.analysis.anonymityLegend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id="anonymity-error">{error}</FormFieldErrorMessage> : null}
      {ANONYMITY_MODES.map((mode, index) => (
        <FormField key={mode} type="radio">
          <div className="utrecht-form-field__input kr-checkbox-row">
            <RadioButton
              id={index === 0 ? 'anonymity-first' : `anonymity-${mode}`}
              name="anonymity"
              value={mode}
              checked={value === mode}
              aria-describedby={`anonymity-${mode}-hint`}
              onChange={(event: ChangeEvent<HTMLInputElement>) => event.target.checked && onChange(mode)}
            />
            <FormLabel htmlFor={index === 0 ? 'anonymity-first' : `anonymity-${mode}`} type="radio">
              {anonymityLabel(mode, m)}
            </FormLabel>
          </div>
          <FormFieldDescription id={`anonymity-${mode}-hint`}>{anonymityHint(mode, m)}</FormFieldDescription>
        </FormField>
      ))}
    </Fieldset>
  );
}
