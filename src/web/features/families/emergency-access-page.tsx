// SPDX-License-Identifier: EUPL-1.2
// Break the glass: open one family's file for a few hours, with a reason, when it cannot be found
// through a care relationship. Says plainly that everything is recorded and reviewed.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextAreaField, TextField } from '../../components/fields.js';
import { Page } from '../../components/page.js';
import { Fieldset, FieldsetLegend, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi } from './api.js';

const MIN_REASON = 20;

export default function EmergencyAccessPage() {
  const { m, format, formatDateTime } = useMessages();
  const text = m.emergency;
  const navigate = useNavigate();
  const [bsn, setBsn] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [postcode, setPostcode] = useState('');
  const [reason, setReason] = useState('');
  const form = useForm(
    { bsn: 'emergency-bsn', familyName: 'emergency-family-name', birthDate: 'emergency-birth-date', postcode: 'emergency-postcode', reason: 'emergency-reason' },
    { fieldForCode: { emergency_access_ambiguous: 'postcode' } },
  );
  const submit = form.submitWith(
    () => ({
      ...(bsn.trim() || (familyName.trim() && birthDate) ? {} : { bsn: m.validation.required }),
      ...(reason.trim().length >= MIN_REASON ? {} : { reason: text.reason }),
    }),
    async () => {
      const grant = await familyApi.openEmergencyAccess({
        ...(bsn.trim() ? { bsn: bsn.trim() } : { familyName: familyName.trim(), birthDate }),
        ...(postcode.trim() ? { postcode: postcode.trim() } : {}),
        reason: reason.trim(),
      });
      const time = formatDateTime(grant.expiresAt);
      const flash = grant.familyIds.length > 1 ? format(text.grantedSeveral, { time, count: String(grant.familyIds.length) }) : format(text.granted, { time });
      navigate(`/clienten/${grant.familyId}`, { state: { flash } });
    },
  );
  return (
    <Page title={text.title} intro={text.intro}>
      <ErrorSummary {...form.summary} labels={{ bsn: text.bsn, familyName: text.familyName, birthDate: text.birthDate, postcode: text.postcode, reason: text.reason }} />
      <Form onSubmit={submit}>
        <Fieldset>
          <FieldsetLegend>{m.families.columnClient}</FieldsetLegend>
          <TextField id="emergency-bsn" label={text.bsn} inputMode="numeric" value={bsn} onValueChange={setBsn} error={form.errors.bsn} autoComplete="off" />
          <Paragraph>{text.or}</Paragraph>
          <TextField id="emergency-family-name" label={text.familyName} value={familyName} onValueChange={setFamilyName} error={form.errors.familyName} autoComplete="off" />
          <TextField id="emergency-birth-date" label={text.birthDate} type="date" value={birthDate} onValueChange={setBirthDate} error={form.errors.birthDate} />
          <TextField id="emergency-postcode" label={text.postcode} description={text.postcodeDescription} isOptional value={postcode} onValueChange={setPostcode} error={form.errors.postcode} autoComplete="off" />
        </Fieldset>
        <TextAreaField id="emergency-reason" label={text.reason} value={reason} onValueChange={setReason} error={form.errors.reason} />
        <FormButtons submitLabel={text.submit} isSubmitting={form.isSubmitting} />
      </Form>
    </Page>
  );
}
