// SPDX-License-Identifier: EUPL-1.2
// Registering an (expecting) parent: minimal personal data, optional partner, the pregnancy and
// contact preferences. Possible duplicates are shown before anything is saved.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import { referenceApi } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxField, OptionalMarker, SelectField, TextField } from '../../components/fields.js';
import { Page, useAsync } from '../../components/page.js';
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi } from './api.js';

const CHANNELS = ['phone', 'email', 'letter', 'in_person'] as const;
const LANGUAGES: { value: string; label: string }[] = [
  { value: 'nl', label: 'Nederlands' },
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية (Arabisch)' },
  { value: 'tr', label: 'Türkçe (Turks)' },
  { value: 'pl', label: 'Polski (Pools)' },
  { value: 'ti', label: 'ትግርኛ (Tigrinya)' },
  { value: 'uk', label: 'Українська (Oekraïens)' },
];

interface Candidate {
  familyId: string;
  text: string;
}

export default function RegisterFamilyPage() {
  const { m } = useMessages();
  const text = m.families;
  const navigate = useNavigate();
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const [values, setValues] = useState({
    givenName: '',
    familyName: '',
    birthDate: '',
    bsn: '',
    hasPartner: false,
    partnerGivenName: '',
    partnerFamilyName: '',
    postcode: '',
    municipalityCode: '',
    dueDate: '',
    parity: '0',
    channel: 'phone',
    language: 'nl',
    phone: '',
    email: '',
    doNotContact: false,
  });
  const [duplicates, setDuplicates] = useState<Candidate[]>([]);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));
  const form = useForm({
    'client.givenName': 'client-given-name',
    'client.familyName': 'client-family-name',
    'client.birthDate': 'client-birth-date',
    'client.bsn': 'client-bsn',
    'partner.givenName': 'partner-given-name',
    'partner.familyName': 'partner-family-name',
    postcode: 'postcode',
    municipalityCode: 'municipality',
    'pregnancy.dueDate': 'due-date',
    'pregnancy.parity': 'parity',
    'contact.phone': 'phone',
    'contact.email': 'email',
  });
  const labels = {
    'client.givenName': text.givenName,
    'client.familyName': text.familyName,
    'client.birthDate': text.birthDate,
    'client.bsn': text.bsn,
    'partner.givenName': `${text.partnerHeading}: ${text.givenName}`,
    'partner.familyName': `${text.partnerHeading}: ${text.familyName}`,
    postcode: text.postcode,
    municipalityCode: text.municipality,
    'pregnancy.dueDate': text.dueDate,
    'pregnancy.parity': text.parity,
    'contact.phone': text.phone,
    'contact.email': text.email,
  };

  const submitWith = (confirmNotDuplicate: boolean) =>
    form.submitWith(
      () => ({
        ...(values.givenName.trim() ? {} : { 'client.givenName': m.validation.required }),
        ...(values.familyName.trim() ? {} : { 'client.familyName': m.validation.required }),
        ...(values.birthDate ? {} : { 'client.birthDate': m.validation.required }),
        ...(values.postcode.trim() ? {} : { postcode: m.validation.required }),
        ...(values.municipalityCode ? {} : { municipalityCode: m.validation.required }),
        ...(values.hasPartner && !values.partnerGivenName.trim() ? { 'partner.givenName': m.validation.required } : {}),
        ...(values.hasPartner && !values.partnerFamilyName.trim() ? { 'partner.familyName': m.validation.required } : {}),
      }),
      async () => {
        try {
          const family = await familyApi.register({
            client: {
              givenName: values.givenName.trim(),
              familyName: values.familyName.trim(),
              birthDate: values.birthDate,
              ...(values.bsn.trim() ? { bsn: values.bsn.trim() } : {}),
            },
            ...(values.hasPartner ? { partner: { givenName: values.partnerGivenName.trim(), familyName: values.partnerFamilyName.trim() } } : {}),
            postcode: values.postcode.trim(),
            municipalityCode: values.municipalityCode,
            contact: {
              channel: values.channel as (typeof CHANNELS)[number],
              language: values.language,
              doNotContact: values.doNotContact,
              ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
              ...(values.email.trim() ? { email: values.email.trim() } : {}),
            },
            ...(values.dueDate ? { pregnancy: { dueDate: values.dueDate, parity: Number(values.parity) || 0 } } : {}),
            confirmNotDuplicate,
          });
          const flash = family.possibleDuplicateElsewhere ? `${text.registered} ${text.possibleDuplicateElsewhere}` : text.registered;
          navigate(`/clienten/${family.id}`, { state: { flash } });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'duplicate_family') {
            setDuplicates(error.fieldErrors.map((item) => ({ familyId: item.path.split('.')[1] ?? '', text: item.message })));
          }
          throw error;
        }
      },
    );

  return (
    <Page title={text.registerTitle} intro={text.registerIntro}>
      <ErrorSummary {...form.summary} labels={labels} />
      {duplicates.length > 0 ? (
        <Alert type="warning">
          <Heading level={2}>{text.duplicatesTitle}</Heading>
          <Paragraph>{text.duplicatesIntro}</Paragraph>
          <ul>
            {duplicates.map((candidate) => (
              <li key={candidate.familyId}>
                <Link to={`/clienten/${candidate.familyId}`}>{candidate.text}</Link>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => void submitWith(true)()}>
            {text.confirmNotDuplicate}
          </Button>
        </Alert>
      ) : null}
      <Form onSubmit={submitWith(false)}>
        <Fieldset>
          <FieldsetLegend>{text.clientLegend}</FieldsetLegend>
          <TextField id="client-given-name" label={text.givenName} value={values.givenName} onValueChange={set('givenName')} error={form.errors['client.givenName']} autoComplete="off" />
          <TextField id="client-family-name" label={text.familyName} value={values.familyName} onValueChange={set('familyName')} error={form.errors['client.familyName']} autoComplete="off" />
          <TextField id="client-birth-date" label={text.birthDate} type="date" value={values.birthDate} onValueChange={set('birthDate')} error={form.errors['client.birthDate']} />
          <TextField id="client-bsn" label={text.bsn} inputMode="numeric" value={values.bsn} onValueChange={set('bsn')} error={form.errors['client.bsn']} isOptional autoComplete="off" />
          <TextField id="postcode" label={text.postcode} value={values.postcode} onValueChange={set('postcode')} error={form.errors.postcode} autoComplete="off" />
          <SelectField
            id="municipality"
            label={text.municipality}
            value={values.municipalityCode}
            onValueChange={set('municipalityCode')}
            emptyOption={m.shell.choose}
            options={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
            error={form.errors.municipalityCode}
          />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>
            {text.partnerLegend}
            <OptionalMarker />
          </FieldsetLegend>
          <CheckboxField id="has-partner" label={text.hasPartner} checked={values.hasPartner} onCheckedChange={set('hasPartner')} />
          {values.hasPartner ? (
            <>
              <TextField id="partner-given-name" label={text.givenName} value={values.partnerGivenName} onValueChange={set('partnerGivenName')} error={form.errors['partner.givenName']} autoComplete="off" />
              <TextField id="partner-family-name" label={text.familyName} value={values.partnerFamilyName} onValueChange={set('partnerFamilyName')} error={form.errors['partner.familyName']} autoComplete="off" />
            </>
          ) : null}
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{text.pregnancyLegend}</FieldsetLegend>
          <TextField id="due-date" label={text.dueDate} type="date" value={values.dueDate} onValueChange={set('dueDate')} error={form.errors['pregnancy.dueDate']} isOptional />
          <TextField id="parity" label={text.parity} inputMode="numeric" value={values.parity} onValueChange={set('parity')} error={form.errors['pregnancy.parity']} />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{text.contactLegend}</FieldsetLegend>
          <SelectField
            id="channel"
            label={text.channel}
            value={values.channel}
            onValueChange={set('channel')}
            options={CHANNELS.map((channel) => ({ value: channel, label: text[`channel_${channel}`] }))}
          />
          <SelectField id="language" label={text.language} value={values.language} onValueChange={set('language')} options={LANGUAGES} />
          <TextField id="phone" label={text.phone} type="tel" value={values.phone} onValueChange={set('phone')} error={form.errors['contact.phone']} isOptional autoComplete="off" />
          <TextField id="email" label={text.email} type="email" value={values.email} onValueChange={set('email')} error={form.errors['contact.email']} isOptional autoComplete="off" />
          <CheckboxField id="do-not-contact" label={text.doNotContact} checked={values.doNotContact} onCheckedChange={set('doNotContact')} />
        </Fieldset>
        <FormButtons submitLabel={text.registerAction} isSubmitting={form.isSubmitting} />
      </Form>
    </Page>
  );
}
