// SPDX-License-Identifier: EUPL-1.2
// /coalities/nieuw: a coordinator founds a local coalition or regional collaboration with its first
// municipalities, and becomes its coordinator (seed 001 step 2). After saving, the coalition page
// opens with the confirmation focused.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { referenceApi } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Page, useAsync } from '../../components/page.js';
import { Link } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { MunicipalityPicker } from '../reference/municipality-picker.js';
import type { CoalitionKind } from '../../../contracts/coalitions.js';
import { coalitionApi } from './api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function NewCoalitionPage() {
  const { m, format } = useMessages();
  const t = m.coalitions;
  const navigate = useNavigate();
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [startDate, setStartDate] = useState('');
  const [tranche, setTranche] = useState('');
  const [mandateHolderCode, setMandateHolderCode] = useState('');
  const [municipalityCodes, setMunicipalityCodes] = useState<string[]>([]);
  const form = useForm({
    name: 'coalition-name',
    kind: 'coalition-kind',
    startDate: 'coalition-start',
    impulseTranche: 'coalition-tranche',
    mandateHolderCode: 'coalition-mandate-holder',
    municipalityCodes: 'coalition-members-filter',
  });
  const submit = form.submitWith(
    () => ({
      ...(name.trim() === '' ? { name: m.validation.required } : {}),
      ...(kind === '' ? { kind: m.validation.required } : {}),
      ...(!DATE.test(startDate.trim()) ? { startDate: t.dateDescription } : {}),
    }),
    async () => {
      const coalition = await coalitionApi.create({
        name: name.trim(),
        kind: kind as CoalitionKind,
        startDate: startDate.trim(),
        impulseTranche: tranche === '' ? null : Number(tranche),
        mandateHolderCode: mandateHolderCode === '' ? null : mandateHolderCode,
        municipalityCodes,
      });
      navigate(`/coalities/${coalition.code}`, { state: { flash: format(t.created, { name: coalition.name, code: coalition.code }) } });
    },
  );
  return (
    <Page title={t.newTitle} intro={t.newIntro}>
      <ErrorSummary
        {...form.summary}
        labels={{ name: t.name, kind: t.kind, startDate: t.startDate, impulseTranche: t.tranche, mandateHolderCode: t.mandateHolder, municipalityCodes: t.members }}
      />
      <Form onSubmit={submit}>
        <TextField id="coalition-name" label={t.name} value={name} onValueChange={setName} error={form.errors.name} />
        <SelectField
          id="coalition-kind"
          label={t.kind}
          value={kind}
          onValueChange={setKind}
          emptyOption={m.shell.choose}
          options={(['local', 'regional'] as const).map((value) => ({ value, label: m.coalitionKinds[value] }))}
          error={form.errors.kind}
        />
        <TextField
          id="coalition-start"
          label={t.startDate}
          description={t.dateDescription}
          value={startDate}
          onValueChange={setStartDate}
          inputMode="numeric"
          error={form.errors.startDate}
        />
        <SelectField
          id="coalition-tranche"
          label={t.tranche}
          value={tranche}
          onValueChange={setTranche}
          emptyOption={t.trancheNone}
          options={[1, 2, 3, 4].map((value) => ({ value: String(value), label: format(t.trancheOption, { tranche: value }) }))}
          error={form.errors.impulseTranche}
        />
        <SelectField
          id="coalition-mandate-holder"
          label={t.mandateHolder}
          value={mandateHolderCode}
          onValueChange={setMandateHolderCode}
          emptyOption={t.mandateHolderNone}
          options={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: `${municipality.name} (${municipality.code})` }))}
          error={form.errors.mandateHolderCode}
        />
        <MunicipalityPicker
          id="coalition-members"
          legend={t.members}
          description={t.membersDescription}
          selected={municipalityCodes}
          onSelectedChange={setMunicipalityCodes}
          error={form.errors.municipalityCodes}
        />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Link to="/coalities">{m.app.cancel}</Link>
        </FormButtons>
      </Form>
    </Page>
  );
}
