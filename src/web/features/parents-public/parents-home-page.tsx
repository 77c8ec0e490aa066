// SPDX-License-Identifier: EUPL-1.2
// /ouders: a parent types the name of her municipality (suggestions from the municipalities that take
// part) and chooses her phase; then she sees that municipality's page. No postcode search: the platform
// has no postcode-to-municipality table yet.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PARENT_PHASES, type ParentPhase } from '../../../contracts/parents-public.js';
import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '../../components/ui.js';
import { useAsync } from '../../components/page.js';
import { parentsApi, type ParentMunicipality } from './api.js';
import { ParentsLoading, ParentsPage } from './parents-layout.js';
import { useParentsLanguage } from './parents-language.js';
import { ParentsErrorSummary, PHASE_PARAM, RadioGroup } from './parent-choice.js';

const normalised = (name: string) => name.trim().toLocaleLowerCase('nl').normalize('NFD').replace(/\p{Diacritic}/gu, '');

export function findByName(list: readonly ParentMunicipality[], typed: string): ParentMunicipality | undefined {
  const wanted = normalised(typed);
  if (!wanted) return undefined;
  return list.find((item) => normalised(item.name) === wanted) ?? (list.filter((item) => normalised(item.name).startsWith(wanted)).length === 1 ? list.find((item) => normalised(item.name).startsWith(wanted)) : undefined);
}

export default function ParentsHomePage() {
  const { t, to } = useParentsLanguage();
  const navigate = useNavigate();
  const municipalities = useAsync(() => parentsApi.municipalities(), []);
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<ParentPhase>('zwanger');
  const [error, setError] = useState<string | undefined>();
  const [focusKey, setFocusKey] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = findByName(municipalities.data ?? [], name);
    if (!found) {
      setError(name.trim() ? t.municipalityNone : t.municipalityChoose);
      setFocusKey((key) => key + 1);
      return;
    }
    navigate(to(`/ouders/${found.code}`, { [PHASE_PARAM]: phase }));
  };

  return (
    <ParentsPage title={t.homeTitle} intro={t.homeIntro}>
      {municipalities.isLoading && !municipalities.data ? <ParentsLoading /> : null}
      <ParentsErrorSummary errors={error ? { municipality: error } : {}} fieldIds={{ municipality: 'municipality' }} focusKey={focusKey} />
      <form noValidate onSubmit={submit} className="kr-form">
        <FormField
          invalid={Boolean(error)}
          type="text"
          label={<FormLabel htmlFor="municipality">{t.municipalityLabel}</FormLabel>}
          description={<FormFieldDescription id="municipality-description">{t.municipalityHint}</FormFieldDescription>}
          errorMessage={error ? <FormFieldErrorMessage id="municipality-error">{error}</FormFieldErrorMessage> : undefined}
          input={
            <Textbox
              id="municipality"
              name="municipality"
              list="municipality-names"
              autoComplete="address-level2"
              value={name}
              invalid={Boolean(error)}
              aria-describedby={['municipality-description', error ? 'municipality-error' : null].filter(Boolean).join(' ')}
              onChange={(event) => setName(event.target.value)}
            />
          }
        />
        <datalist id="municipality-names">
          {(municipalities.data ?? []).map((item) => (
            <option key={item.code} value={item.name} />
          ))}
        </datalist>
        <RadioGroup id="phase" legend={t.phaseLabel} value={phase} onChange={setPhase} options={PARENT_PHASES.map((value) => ({ value, label: t[`phase_${value}`] }))} />
        <Button type="submit" variant="primary">
          {t.show}
        </Button>
      </form>
    </ParentsPage>
  );
}
